package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealpack.Proc;
import org.sealpack.Requires;
import org.sealpack.gnupg.FakeAgent;

/**
 * A hostile or broken "agent" on the socket GnuPG's tools name (a server in this JVM, in a
 * throwaway GNUPGHOME that holds only the certificate): whatever it answers to a signing or a
 * decryption, the real CLI fails with one line and its exit code, writes nothing, and never takes a
 * signature that does not verify; a card's errors reach the person as what to do.
 */
class HostileAgentIT {
    static GnuPG real;
    static GnuPG fake;
    static Path work;
    static Path socket;

    @BeforeAll
    static void aCertificateAndAFileSealedToIt() throws IOException {
        Requires.tool("gpg", GnuPGAgentIT.INSTALL);
        Requires.tool("gpgconf", GnuPGAgentIT.INSTALL);
        Requires.tool("gpg-agent", GnuPGAgentIT.INSTALL);
        real = new GnuPG();
        fake = new GnuPG();
        work = Files.createDirectory(real.home.resolve("w"));
        String p = "gpg --batch --pinentry-mode loopback --passphrase '' ";
        Proc.Result made =
                real.sh(
                        work,
                        p
                                + "--quick-gen-key 'Hostile Test <ht@example.org>' ed25519 sign,cert 0 && "
                                + p
                                + "--quick-add-key $(gpg --with-colons --list-keys ht@example.org | awk -F: '/^fpr/{print $10; exit}')"
                                + " cv25519 encr 0 && gpg --export ht@example.org > ht.gpg");
        assertThat(made.exit()).as(made.toString()).isZero();
        Proc.Result sealed =
                Proc.sealpack(
                        work,
                        real.env(),
                        List.of(),
                        "pack",
                        Proc.root().resolve("examples/statement.txt").toString(),
                        "--signer",
                        "gpg:ht@example.org",
                        "--recipient",
                        "gpg:ht@example.org",
                        "-o",
                        "real.sealed",
                        "--home",
                        "h");
        assertThat(sealed.exit()).as(sealed.toString()).isZero();
        Proc.Result imported =
                fake.sh(work, "gpg --batch --import ht.gpg && gpgconf --kill gpg-agent");
        assertThat(imported.exit()).as(imported.toString()).isZero();
        socket = Path.of(fake.sh(work, "gpgconf --list-dirs agent-socket").out().strip());
    }

    @AfterAll
    static void cleanUp() {
        if (real != null) {
            real.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** A data line carrying the bytes, percent-escaped. */
    static String data(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        StringBuilder s = new StringBuilder("D ");
        for (byte b : all.toByteArray()) {
            int c = b & 0xFF;
            s.append(
                    c == '%' || c < 0x20 || c >= 0x7F
                            ? String.format("%%%02X", c)
                            : String.valueOf((char) c));
        }
        return s + "\n";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /**
     * Runs sealpack against the fake agent answering PKSIGN, or PKDECRYPT's inquiry, with {@code
     * answer}.
     */
    static void refused(int exit, String expected, String answer, String... args)
            throws IOException {
        try (FakeAgent agent =
                new FakeAgent(socket, FakeAgent.answering(FakeAgent.bytes(answer)))) {
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--home", "h"));
            Proc.Result r = Proc.sealpack(work, fake.env(), List.of(), all.toArray(String[]::new));
            assertThat(r.exit()).as(answer + " " + r).isEqualTo(exit);
            assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
            assertThat(r.err())
                    .startsWith("sealpack: error: ")
                    .contains(expected)
                    .doesNotContain("Exception", "\tat ");
            assertThat(agent.received())
                    .as("sealpack asked the fake agent")
                    .anyMatch(l -> l.startsWith("HAVEKEY"));
        }
        assertThat(work.resolve("out.sealed")).doesNotExist();
        assertThat(work.resolve("opened")).doesNotExist();
    }

    static final String[] PACK = {
        "pack",
        Proc.root().resolve("examples/statement.txt").toString(),
        "--signer",
        "gpg:ht@example.org",
        "--recipient",
        "gpg:ht@example.org",
        "-o",
        "out.sealed"
    };
    static final String[] OPEN = {
        "open",
        "real.sealed",
        "--signer",
        "gpg:ht@example.org",
        "--key",
        "gpg:ht@example.org",
        "-o",
        "opened"
    };

    @Test
    void aSignatureThatDoesNotVerifyOrBreaksTheProtocolIsNeverWritten() throws IOException {
        String sig = "(7:sig-val(5:eddsa(1:r32:";
        refused(
                52,
                "does not verify",
                data(ascii(sig), random(32), ascii(")(1:s32:"), random(32), ascii(")))")) + "OK\n",
                PACK);
        refused(52, "cannot use", data(ascii("(7:sig-val(3:rsa(1:s1:x)))")) + "OK\n", PACK);
        refused(
                52,
                "cannot use",
                data(ascii("(7:sig-val(5:eddsa(1:r40:"), random(40), ascii(")(1:s1:x)))")) + "OK\n",
                PACK);
        refused(52, "longer than 1000 bytes", "D " + "A".repeat(5000) + "\nOK\n", PACK);
        refused(52, "malformed S-expression", "D (7:sig-val(5:eddsa\nOK\n", PACK);
        refused(52, "none of OK, ERR", "Hello, I am not an agent\n", PACK);
        refused(52, "bad percent escape", "D (7:sig-val%ZZ\nOK\n", PACK);
        refused(52, "closed the connection", "D (7:sig-val" + FakeAgent.HANG_UP, PACK);
        refused(
                52,
                "more than 65536 bytes",
                ("D " + "(1:x)".repeat(190) + "\n").repeat(80) + "OK\n",
                PACK);
    }

    @Test
    void aCardsErrorsAreWhatToDo() throws IOException {
        refused(53, "missing or was removed", "ERR 100663406 Card removed <SCD>\n", PACK);
        refused(53, "missing or was removed", "ERR 100663408 Card not present <SCD>\n", PACK);
        refused(53, "PIN of the card", "ERR 100663426 PIN blocked <SCD>\n", PACK);
        refused(53, "does not hold the key", "ERR 100663387 Wrong card <SCD>\n", OPEN);
        refused(11, "wrong passphrase or PIN", "ERR 100663383 Bad PIN <SCD>\n", OPEN);
        refused(130, "cancelled", "ERR 83886179 Operation cancelled <Pinentry>\n", OPEN);
        refused(15, "only its public key", "ERR 67108881 No secret key <GPG Agent>\n", OPEN);
        refused(54, "refused", "ERR 67108918 Unusable secret key <GPG Agent>\n", OPEN);
    }

    @Test
    void aDecryptionAnswerThatIsNoSharedPointIsRefused() throws IOException {
        refused(52, "no shared point", data(ascii("(5:value3:abc)")) + "OK\n", OPEN);
        refused(52, "malformed S-expression", data(ascii("(5:value99:abc)")) + "OK\n", OPEN);
        refused(52, "without a value", data(ascii("(4:oops3:abc)")) + "OK\n", OPEN);
    }
}
