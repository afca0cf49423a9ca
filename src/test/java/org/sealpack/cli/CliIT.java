package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.TestKeys;
import org.sealpack.failure.ExitCode;
import org.sealpack.report.People;

/** End-to-end: the built jar, run as a process, on the example with the demo keys in keys/. */
class CliIT {
    static final Path ROOT = Proc.root();
    static final String SIGNER_FPR = "15C6E52324F018516E63CA8B0DC067D1877D13C3";
    static final String RECIPIENT_FPR = "C4921F2CC061CA5AEF9C5EA664E2E5A0E7EFC495";

    @TempDir static Path shared;
    static Path sealed;

    @TempDir Path dir;

    static String k(String name) {
        return ROOT.resolve("keys").resolve(name).toString();
    }

    static String[] pack(Path out, String... extra) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "pack",
                                ROOT.resolve("examples/statement.txt").toString(),
                                "--metadata",
                                ROOT.resolve("examples/statement.metadata").toString(),
                                "--signer",
                                k("signer.key.asc"),
                                "--passphrase-file",
                                k("signer.passphrase"),
                                "--recipient",
                                k("recipient.cert.asc"),
                                "-o",
                                out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static String[] open(Path file, Path out, String... extra) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "open",
                                file.toString(),
                                "--key",
                                k("recipient.key.asc"),
                                "--passphrase-file",
                                k("recipient.passphrase"),
                                "--signer",
                                k("signer.cert.asc"),
                                "-o",
                                out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void packTheExample() {
        sealed = shared.resolve("nat-itk3-statement.sealed");
        Proc.Result r = Proc.sealpack(shared, pack(sealed));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "Sealed",
                        People.fingerprint(SIGNER_FPR),
                        People.fingerprint(RECIPIENT_FPR),
                        "can open it:",
                        "the sender's own key: National Alliance of Tajikistan (demo key)");
    }

    /**
     * pack without --metadata says what bag-info.txt will hold (issue 31): it is signed for ever,
     * and names no title, organisation or date; with --metadata nothing of that is said.
     */
    @Test
    void packWithoutMetadataSaysWhatBagInfoWillHold() throws IOException {
        Path out = dir.resolve("bare.sealed");
        List<String> args = new java.util.ArrayList<>(List.of(pack(out)));
        int at = args.indexOf("--metadata");
        args.subList(at, at + 2).clear();
        Proc.Result r = Proc.sealpack(dir, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().replaceAll(" +", " "))
                .contains(
                        "bag-info.txt: only what sealpack computes (Bagging-Date, Payload-Oxum,"
                                + " Bag-Size,",
                        "Bag-Software-Agent): no title, organisation or date of issue; to describe"
                                + " the",
                        "statement, seal it again with --metadata FILE (start from: sealpack pack"
                                + " --metadata-template)");
        Proc.Result opened = Proc.sealpack(dir, open(out, dir.resolve("bare")));
        assertThat(opened.exit()).as(opened.toString()).isZero();
        assertThat(
                        Files.readAllLines(dir.resolve("bare/bag-info.txt")).stream()
                                .map(l -> l.replaceAll(":.*", ""))
                                .sorted()
                                .toList())
                .containsExactly("Bag-Size", "Bag-Software-Agent", "Bagging-Date", "Payload-Oxum");
        Proc.Result described = Proc.sealpack(dir, pack(dir.resolve("described.sealed")));
        assertThat(described.out()).doesNotContain("only what sealpack computes");
    }

    @Test
    void verifyWithoutAKeyReportsSignerTimeRecipientsAndSize() throws IOException {
        Proc.Result r =
                Proc.sealpack(dir, "verify", sealed.toString(), "--signer", k("signer.cert.asc"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "Outer signature: GOOD",
                        People.fingerprint(SIGNER_FPR),
                        "National Alliance of Tajikistan (demo key)",
                        "signed:",
                        "recipients:",
                        "2 keys, who can open it:",
                        Files.size(sealed) + " bytes");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verifyWithTheRecipientKeyChecksEverythingInside() {
        Proc.Result r =
                Proc.sealpack(
                        dir,
                        "verify",
                        sealed.toString(),
                        "--signer",
                        k("signer.cert.asc"),
                        "--key",
                        k("recipient.key.asc"),
                        "--passphrase-file",
                        k("recipient.passphrase"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "Bag signature: GOOD",
                        "Bag: VALID",
                        "Encrypted data: INTACT",
                        People.fingerprint(RECIPIENT_FPR),
                        "Statement of the National Alliance of Tajikistan on Khujand tragedy");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void openPlacesTheBagWithThePayloadByteIdenticalAndAllMetadata() throws IOException {
        Path out = dir.resolve("opened");
        Proc.Result r = Proc.sealpack(dir, open(sealed, out));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(out.resolve("data/statement.txt")))
                .isEqualTo(Files.readAllBytes(ROOT.resolve("examples/statement.txt")));
        String info = Files.readString(out.resolve("bag-info.txt"), StandardCharsets.UTF_8);
        for (String line : Files.readAllLines(ROOT.resolve("examples/statement.metadata"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                assertThat(info).contains(line);
            }
        }
        Proc.Result check =
                Proc.bash(
                        out,
                        java.util.Map.of(),
                        "sha512sum -c manifest-sha512.txt && sha512sum -c tagmanifest-sha512.txt");
        assertThat(check.exit()).as(check.toString()).isZero();
    }

    @Test
    void inspectShowsTheUnverifiedFactsWithoutAnyKey() {
        Proc.Result r = Proc.sealpack(dir, "inspect", sealed.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "UNVERIFIED",
                        People.fingerprint(SIGNER_FPR) + " (unverified)",
                        "2 keys",
                        "EdDSA");
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithForceAndOnlyIfItIsOfTheSameKind() throws IOException {
        Path out = dir.resolve("x.sealed");
        Files.writeString(out, "keep me");
        Proc.Result refused = Proc.sealpack(dir, pack(out));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCode.OUTPUT_EXISTS.code);
        assertThat(out).hasContent("keep me");
        Proc.Result notSealed = Proc.sealpack(dir, pack(out, "--force"));
        assertThat(notSealed.exit())
                .as(notSealed.toString())
                .isEqualTo(ExitCode.OUTPUT_EXISTS.code);
        assertThat(out).hasContent("keep me");
        Files.delete(out);
        assertThat(Proc.sealpack(dir, pack(out)).exit()).isZero();
        byte[] earlier = Files.readAllBytes(out);
        Proc.Result forced = Proc.sealpack(dir, pack(out, "--force"));
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(Files.readAllBytes(out)).isNotEqualTo(earlier);

        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("mine.txt"), "mine");
        Proc.Result openRefused = Proc.sealpack(dir, open(out, folder));
        assertThat(openRefused.exit()).isEqualTo(ExitCode.OUTPUT_EXISTS.code);
        Proc.Result notABag = Proc.sealpack(dir, open(out, folder, "--force"));
        assertThat(notABag.exit()).as(notABag.toString()).isEqualTo(ExitCode.OUTPUT_EXISTS.code);
        assertThat(folder.resolve("mine.txt")).hasContent("mine");
        Path bag = dir.resolve("bag");
        assertThat(Proc.sealpack(dir, open(out, bag)).exit()).isZero();
        Proc.Result openForced = Proc.sealpack(dir, open(out, bag, "--force"));
        assertThat(openForced.exit()).as(openForced.toString()).isZero();
        assertThat(bag.resolve("data/statement.txt")).exists();
        assertNoLeftovers(dir);
    }

    @Test
    void aChangedByteFailsVerifyAndOpenWithOneLineAndNothingAtDir() throws IOException {
        byte[] bytes = Files.readAllBytes(sealed);
        for (int offset :
                new int[] {0, 20, bytes.length / 2, bytes.length - 70, bytes.length - 1}) {
            byte[] altered = bytes.clone();
            altered[offset] ^= 0x10;
            Path file = dir.resolve("altered-" + offset + ".sealed");
            Files.write(file, altered);
            Proc.Result v =
                    Proc.sealpack(dir, "verify", file.toString(), "--signer", k("signer.cert.asc"));
            assertOneLineFailure(v);
            Path out = dir.resolve("out-" + offset);
            Proc.Result o = Proc.sealpack(dir, open(file, out));
            assertOneLineFailure(o);
            assertThat(out).doesNotExist();
        }
        assertNoLeftovers(dir);
    }

    @Test
    void eachFailureHasItsDocumentedCodeAndOneLine() throws IOException {
        Path out = dir.resolve("out");
        byte[] bytes = Files.readAllBytes(sealed);
        Path truncated = dir.resolve("truncated.sealed");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path wrongPass = dir.resolve("wrong.pass");
        Files.writeString(wrongPass, "not the passphrase\n");

        expect(
                ExitCode.INPUT.code,
                "not found",
                "verify",
                dir.resolve("missing.sealed").toString(),
                "--signer",
                k("signer.cert.asc"));
        expect(
                ExitCode.MALFORMED.code,
                "truncated",
                "verify",
                truncated.toString(),
                "--signer",
                k("signer.cert.asc"));
        expect(
                ExitCode.MALFORMED.code,
                "not a sealed file",
                "verify",
                k("signer.cert.asc"),
                "--signer",
                k("signer.cert.asc"));
        expect(
                ExitCode.UNTRUSTED_SIGNER.code,
                People.fingerprint(SIGNER_FPR),
                "verify",
                sealed.toString(),
                "--signer",
                k("recipient.cert.asc"));
        expect(
                ExitCode.PASSPHRASE.code,
                "wrong passphrase",
                "open",
                sealed.toString(),
                "--key",
                k("recipient.key.asc"),
                "--passphrase-file",
                wrongPass.toString(),
                "--signer",
                k("signer.cert.asc"),
                "-o",
                out.toString());
        expect(
                ExitCode.NOT_SECRET_KEY.code,
                "certificate",
                "open",
                sealed.toString(),
                "--key",
                k("recipient.cert.asc"),
                "--signer",
                k("signer.cert.asc"),
                "-o",
                out.toString());
        TestKeys.key("stranger");
        expect(
                ExitCode.NOT_RECIPIENT.code,
                "not a recipient",
                "open",
                sealed.toString(),
                "--key",
                TestKeys.keyFile("stranger").toString(),
                "--passphrase-file",
                TestKeys.passphraseFile("stranger").toString(),
                "--signer",
                k("signer.cert.asc"),
                "-o",
                out.toString());
        expect(
                ExitCode.PASSPHRASE.code,
                "no terminal",
                "open",
                sealed.toString(),
                "--key",
                k("recipient.key.asc"),
                "--signer",
                k("signer.cert.asc"),
                "-o",
                out.toString());
        expect(
                ExitCode.INPUT.code,
                "payload not found",
                "pack",
                dir.resolve("nothing.txt").toString(),
                "--signer",
                k("signer.key.asc"),
                "--passphrase-file",
                k("signer.passphrase"),
                "--recipient",
                k("recipient.cert.asc"),
                "-o",
                dir.resolve("n.sealed").toString());
        assertThat(out).doesNotExist();

        Proc.Result usage = Proc.sealpack(dir, "verify");
        assertThat(usage.exit()).isEqualTo(ExitCode.USAGE.code);
        assertThat(usage.err()).doesNotContain("\tat ");
        assertNoLeftovers(dir);
    }

    @Test
    void debugAddsTheStackTrace() {
        Proc.Result r =
                Proc.sealpack(
                        dir,
                        "verify",
                        sealed.toString(),
                        "--signer",
                        k("recipient.cert.asc"),
                        "--debug");
        assertThat(r.exit()).isEqualTo(ExitCode.UNTRUSTED_SIGNER.code);
        assertThat(r.err()).startsWith("sealpack: error: ").contains("\tat org.sealpack");
    }

    @Test
    void helpShowsAnExampleAndTheExitCodes() {
        for (String command : List.of("pack", "verify", "open", "inspect")) {
            Proc.Result r = Proc.sealpack(dir, command, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out())
                    .contains("Example", "sealpack " + command, "Exit codes:", "  2  usage error");
            // Only the codes this command can return: verify can say "not trusted", inspect (which
            // checks nothing) cannot.
            assertThat(r.out().contains(" 22  the signer is not trusted"))
                    .as(command)
                    .isEqualTo(!command.equals("inspect"));
            assertThat(r.out().lines())
                    .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        }
    }

    /**
     * pack derives the signing key's passphrase beside the sealing (it signs only at the end): a
     * wrong passphrase is still the one-line failure, and nothing is left, whether it is found when
     * the key first signs (a small payload) or while the payload is sealed (a large one).
     */
    @Test
    void packWithAWrongPassphraseFailsWithItsCodeAndLeavesNothing() throws IOException {
        Path wrongPass = dir.resolve("wrong.pass");
        Files.writeString(wrongPass, "not the passphrase\n");
        Path big = dir.resolve("big");
        Files.createDirectories(big);
        byte[] block = new byte[1 << 20];
        new java.util.Random(29).nextBytes(block);
        try (var o = Files.newOutputStream(big.resolve("video.bin"))) {
            for (int i = 0; i < 48; i++) {
                o.write(block);
            }
        }
        for (String payload :
                List.of(ROOT.resolve("examples/statement.txt").toString(), big.toString())) {
            Path out = dir.resolve("wrong-passphrase.sealed");
            String[] args = pack(out);
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals(k("signer.passphrase"))) {
                    args[i] = wrongPass.toString();
                }
            }
            args[1] = payload;
            expect(ExitCode.PASSPHRASE.code, "wrong passphrase for key", args);
            assertThat(out).as(payload).doesNotExist();
            assertNoLeftovers(dir);
        }
    }

    private void expect(int code, String text, String... args) {
        Proc.Result r = Proc.sealpack(dir, args);
        assertThat(r.exit()).as(r.toString()).isEqualTo(code);
        assertOneLineFailure(r);
        assertThat(r.err()).contains(text);
    }

    static void assertOneLineFailure(Proc.Result r) {
        assertThat(r.exit()).as(r.toString()).isNotZero().isNotEqualTo(ExitCode.INTERNAL.code);
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("sealpack: error: ")
                .contains("hint: ")
                .doesNotContain("Exception");
    }

    static void assertNoLeftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".sealpack-")).toList())
                    .isEmpty();
        }
    }
}
