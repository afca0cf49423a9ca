package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.TestKeys;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.Certificate;
import org.sealpack.report.People;
import org.sealpack.spec.Pins;

/** Seizure mode through the CLI: the file names nobody, recipients open it with their keyrings. */
class AnonymousTest {
    static final List<String> RECIPIENTS = List.of("rapporteur", "ngo-one", "ngo-two");

    @TempDir static Path dir;
    static Path sealed;
    static Path payload;

    static Path home(String owner) {
        Path home = dir.resolve("home-" + owner);
        Cli.Run r =
                Cli.run(
                        "keys",
                        "import",
                        TestKeys.keyFile(owner).toString(),
                        TestKeys.certFile(TestKeys.SIGNER).toString(),
                        "--home",
                        home.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return home;
    }

    @BeforeAll
    static void seal() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("khujand-witnesses"));
        payload = folder.resolve("witness-names.txt");
        Files.writeString(payload, "names of witnesses\n");
        sealed = dir.resolve("transport.sealed");
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "pack",
                                folder.toString(),
                                "--anonymous",
                                "--name",
                                "itk3-evidence-bag",
                                "--signer",
                                TestKeys.keyFile(TestKeys.SIGNER).toString(),
                                "--passphrase-file",
                                TestKeys.passphraseFile(TestKeys.SIGNER).toString(),
                                "-o",
                                sealed.toString(),
                                "--home",
                                dir.resolve("sender-home").toString()));
        for (String r : RECIPIENTS) {
            args.add("--recipient");
            args.add(TestKeys.certFile(r).toString());
        }
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void theFileContainsNoKeyIdFingerprintUserIdEmailFileNameOrBagName() throws IOException {
        byte[] file = Files.readAllBytes(sealed);
        List<String> names = new ArrayList<>(RECIPIENTS);
        names.add(TestKeys.SIGNER);
        for (String name : names) {
            Certificate cert = TestKeys.cert(name);
            byte[] fpr = HexFormat.of().parseHex(cert.fingerprint());
            assertAbsent(file, fpr, name + " fingerprint");
            assertAbsent(file, reversed(fpr), name + " fingerprint reversed");
            for (String keyId : org.sealpack.pgp.Craft.keyIds(cert)) {
                byte[] id = HexFormat.of().parseHex(keyId);
                assertAbsent(file, id, name + " key ID " + keyId);
                assertAbsent(file, reversed(id), name + " key ID reversed " + keyId);
                assertAbsent(
                        file,
                        java.util.Arrays.copyOfRange(id, 4, 8),
                        name + " short key ID " + keyId);
            }
            for (String uid : cert.userIds()) {
                assertAbsent(file, uid.getBytes(StandardCharsets.UTF_8), name + " user ID");
            }
            assertAbsent(
                    file,
                    (name + "@example.org").getBytes(StandardCharsets.UTF_8),
                    name + " e-mail");
        }
        for (String s :
                List.of(
                        "witness-names",
                        "khujand-witnesses",
                        "itk3-evidence-bag",
                        "statement",
                        ".tar")) {
            assertAbsent(file, s.getBytes(StandardCharsets.UTF_8), s);
        }
        Cli.Run inspect = Cli.run("inspect", sealed.toString());
        assertThat(inspect.out())
                .contains("anonymous:", "hidden (anonymous recipient)")
                .doesNotContain(
                        TestKeys.cert(TestKeys.SIGNER).fingerprint(),
                        People.fingerprint(TestKeys.cert(TestKeys.SIGNER).fingerprint()));
    }

    @Test
    void eachRecipientOpensItWithTheirKeyringAndIsToldWhichKeyOpenedIt() {
        for (String r : RECIPIENTS) {
            Path home = home(r);
            Path out = dir.resolve("opened-" + r);
            Cli.Run run =
                    Cli.run(
                            "open",
                            sealed.toString(),
                            "--passphrase-file",
                            TestKeys.passphraseFile(r).toString(),
                            "-o",
                            out.toString(),
                            "--home",
                            home.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains(
                            "Anonymous file",
                            "opened with:",
                            People.fingerprint(TestKeys.cert(r).fingerprint()),
                            "Bag signature: GOOD",
                            People.fingerprint(TestKeys.cert(TestKeys.SIGNER).fingerprint()));
            assertThat(out.resolve("data/khujand-witnesses/witness-names.txt"))
                    .hasSameTextualContentAs(payload);
            Cli.Run verify =
                    Cli.run(
                            "verify",
                            sealed.toString(),
                            "--key",
                            TestKeys.keyFile(r).toString(),
                            "--passphrase-file",
                            TestKeys.passphraseFile(r).toString(),
                            "--home",
                            home.toString());
            assertThat(verify.exit()).as(verify.err()).isZero();
        }
    }

    @Test
    void aStrangerIsToldNoneOfTheirKeysCanOpenItWithoutAnyRecipientListed() {
        Path home = home("stranger");
        Path out = dir.resolve("stranger-out");
        Cli.Run run =
                Cli.run(
                        "open",
                        sealed.toString(),
                        "--passphrase-file",
                        TestKeys.passphraseFile("stranger").toString(),
                        "-o",
                        out.toString(),
                        "--home",
                        home.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.NOT_RECIPIENT.code);
        assertThat(run.err())
                .contains("none of your keys can open this file")
                .doesNotContain("key IDs");
        assertThat(out).doesNotExist();
    }

    @Test
    @Pins("R8.2")
    void verifyWithoutAKeySaysOnlyARecipientCanVerifyIt() {
        Cli.Run run =
                Cli.run(
                        "verify",
                        sealed.toString(),
                        "--signer",
                        TestKeys.certFile(TestKeys.SIGNER).toString(),
                        "--home",
                        dir.resolve("sender-home").toString());
        assertThat(run.exit()).isEqualTo(ExitCode.NOT_VERIFIABLE.code);
        assertThat(run.err())
                .contains("anonymous", "no outer signature", "only a recipient can verify it");
    }

    static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    static void assertAbsent(byte[] haystack, byte[] needle, String what) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            throw new AssertionError(what + " appears at offset " + i);
        }
    }
}
