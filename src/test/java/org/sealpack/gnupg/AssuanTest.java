package org.sealpack.gnupg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sealpack.gnupg.FakeAgent.bytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.AgentProtocolException;
import org.sealpack.failure.AgentRefusedException;
import org.sealpack.failure.AgentUnreachableException;
import org.sealpack.failure.CancelledException;
import org.sealpack.failure.CardException;
import org.sealpack.failure.CertificateNotKeyException;
import org.sealpack.failure.PassphraseException;
import org.sealpack.failure.SealpackException;

/**
 * The agent's answers are input: a test server on a Unix socket answers with overlong lines, broken
 * escapes and S-expressions, garbage, endless data and each error code; the client fails with one
 * line of the right kind, never hangs and never crashes.
 */
class AssuanTest {
    Path dir;
    Path socket;

    @BeforeEach
    void socketDir() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "spa");
        socket = dir.resolve("S.gpg-agent");
    }

    @AfterEach
    void remove() throws IOException {
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    static final String GRIP = "0123456789ABCDEF0123456789ABCDEF01234567";

    SExpression.Node sign(byte[] answer) throws IOException {
        try (FakeAgent fake = new FakeAgent(socket, FakeAgent.answering(answer));
                Agent agent = Agent.connect(socket, false)) {
            return agent.sign(GRIP, "sha256", new byte[32], "a key");
        }
    }

    @Test
    void aWellFormedSignatureIsParsedAcrossEscapedDataLines() throws IOException {
        // "(7:sig-val(5:eddsa(1:r3:%\n)(1:s1:x)))" with '%', CR and LF escaped, split over two data
        // lines
        SExpression.Node sig =
                sign(
                        bytes(
                                "S PROGRESS x\n# a comment\nD (7:sig-val(5:eddsa(1:r3:%25%0D%0A)\nD (1:s1:x)))\nOK\n"));
        assertThat(sig.is("sig-val")).isTrue();
        assertThat(sig.list("eddsa").value("r")).containsExactly('%', '\r', '\n');
        assertThat(sig.list("eddsa").value("s")).containsExactly('x');
    }

    @Test
    void everyBrokenAnswerIsOneProtocolFailure() {
        String[] broken = {
            "D " + "A".repeat(1200) + "\nOK\n", // a line over 1000 bytes
            "D (7:sig-val%G0)\nOK\n", // a broken escape
            "D (7:sig-val%2\nOK\n", // an escape cut short
            "HELLO there\n", // no Assuan line at all
            "ERR banana\n", // an ERR without a number
            "D (7:sig-val(5:eddsa(1:r99:x)))\nOK\n", // an atom longer than what is left
            "D (7:sig-val\nOK\n", // a list never closed
            "D ((((((((((1:x))))))))))\nOK\n", // nested too deep
            "D (7:sig-val)junk\nOK\n", // bytes after the expression
            "D 7:sig-val\nOK\n", // not a list
            "D (7:sig-val[4:text]3:abc)\nOK\n", // a display hint: not canonical
            "D (007:sig-val)\nOK\n", // a length with leading zeros
            ("D " + "(1:x)".repeat(150) + "\n").repeat(110) + "OK\n", // more data than allowed
            "S X\n".repeat(5000), // lines without end
            "D (7:sig-val(5:eddsa(1:r1:x)" + FakeAgent.HANG_UP, // the connection closes midway
        };
        for (String answer : broken) {
            assertThatThrownBy(() -> sign(bytes(answer)))
                    .as(answer.length() > 60 ? answer.substring(0, 60) : answer)
                    .isInstanceOf(AgentProtocolException.class)
                    .satisfies(
                            e ->
                                    assertThat(e.getMessage())
                                            .doesNotContain("\n")
                                            .startsWith("GnuPG's agent"));
        }
    }

    @Test
    void errorCodesBecomeFailuresAPersonCanActOn() {
        Object[][] cases = {
            {"ERR 67108881 No secret key <GPG Agent>\n", CertificateNotKeyException.class},
            {"ERR 83886179 Operation cancelled <Pinentry>\n", CancelledException.class},
            {"ERR 67108875 Bad passphrase <GPG Agent>\n", PassphraseException.class},
            {"ERR 67108949 No pinentry <GPG Agent>\n", PassphraseException.class},
            {"ERR 100663406 Card removed <SCD>\n", CardException.class},
            {"ERR 100663408 Card not present <SCD>\n", CardException.class},
            {"ERR 100663426 PIN blocked <SCD>\n", CardException.class},
            {"ERR 67108918 Unusable secret key <GPG Agent>\n", AgentRefusedException.class},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> sign(bytes((String) c[0])))
                    .as((String) c[0])
                    .isInstanceOf((Class<?>) c[1])
                    .satisfies(e -> assertThat(((SealpackException) e).hint()).isNotBlank());
        }
    }

    @Test
    void decryptionAnswersTheCiphertextInquiryAndReadsTheValue() throws IOException {
        try (FakeAgent fake =
                        new FakeAgent(
                                socket,
                                FakeAgent.answering(
                                        bytes("S PADDING 0\nD (5:value3:abc)\0\nOK\n")));
                Agent agent = Agent.connect(socket, false)) {
            byte[] ciphertext =
                    SExpression.write(
                            "enc-val",
                            new Object[] {
                                "ecdh", new Object[] {"e", new byte[] {0x40, '%', '\n'}}
                            });
            Agent.Decrypted d = agent.decrypt(GRIP, ciphertext, "a key");
            assertThat(d.value()).containsExactly('a', 'b', 'c');
            assertThat(d.padded()).isFalse();
            assertThat(fake.received())
                    .contains("PKDECRYPT", "D (7:enc-val(4:ecdh(1:e3:@%25%0A)))", "END");
        }
    }

    @Test
    void anUnknownInquiryIsCancelledAndHaveKeyAnswersYesOrNo() throws IOException {
        try (FakeAgent fake =
                        new FakeAgent(
                                socket,
                                line ->
                                        line.isEmpty()
                                                ? bytes("OK hi\n")
                                                : line.startsWith("HAVEKEY")
                                                        ? bytes(
                                                                line.endsWith("7")
                                                                        ? "OK\n"
                                                                        : "ERR 67108881 No secret key\n")
                                                        : line.equals("PKSIGN")
                                                                ? bytes(
                                                                        "INQUIRE PINENTRY_LAUNCHED 1\n")
                                                                : line.equals("CAN")
                                                                        ? bytes(
                                                                                "ERR 67108963 Operation cancelled\n")
                                                                        : bytes("OK\n"));
                Agent agent = Agent.connect(socket, false)) {
            assertThat(agent.hasKey(GRIP)).isTrue();
            assertThat(agent.hasKey(GRIP.replace('7', '8'))).isFalse();
            assertThatThrownBy(() -> agent.sign(GRIP, "sha256", new byte[32], "k"))
                    .isInstanceOf(CancelledException.class);
            assertThat(fake.received()).contains("CAN");
        }
    }

    @Test
    void noServerIsUnreachableAndABadGreetingIsBroken() throws IOException {
        assertThatThrownBy(() -> Agent.connect(socket, false))
                .isInstanceOf(AgentUnreachableException.class)
                .hasMessageContaining("does not answer");
        try (FakeAgent fake = new FakeAgent(socket, line -> bytes("SSH-2.0-OpenSSH\n"))) {
            assertThatThrownBy(() -> Agent.connect(socket, false))
                    .isInstanceOf(AgentProtocolException.class);
        }
        try (FakeAgent fake = new FakeAgent(socket, line -> null)) {
            assertThatThrownBy(() -> Agent.connect(socket, false))
                    .isInstanceOf(SealpackException.class);
        }
    }
}
