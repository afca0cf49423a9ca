package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/**
 * What we write opens with stock tools only: gpg, gpgv, tar and sha512sum, with the demo keys
 * imported into a throwaway GNUPGHOME, exactly as README.md tells a recipient to do.
 */
class StockToolsIT {
    static final Path ROOT = Proc.root();
    static final String SIGNER_FPR = "15C6E52324F018516E63CA8B0DC067D1877D13C3";

    @TempDir static Path dir;
    static Path sealed;
    static GnuPG gpg;

    @BeforeAll
    static void packAndImport() {
        sealed = dir.resolve("statement.sealed");
        Proc.Result r =
                Proc.sealpack(
                        dir,
                        "pack",
                        ROOT.resolve("examples/statement.txt").toString(),
                        "--metadata",
                        ROOT.resolve("examples/statement.metadata").toString(),
                        "--signer",
                        ROOT.resolve("keys/signer.key.asc").toString(),
                        "--passphrase-file",
                        ROOT.resolve("keys/signer.passphrase").toString(),
                        "--recipient",
                        ROOT.resolve("keys/recipient.cert.asc").toString(),
                        "-o",
                        sealed.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        Proc.Result opened =
                Proc.sealpack(
                        dir,
                        "open",
                        sealed.toString(),
                        "--key",
                        ROOT.resolve("keys/recipient.key.asc").toString(),
                        "--passphrase-file",
                        ROOT.resolve("keys/recipient.passphrase").toString(),
                        "--signer",
                        ROOT.resolve("keys/signer.cert.asc").toString(),
                        "-o",
                        dir.resolve("by-sealpack").toString());
        assertThat(opened.exit()).as(opened.toString()).isZero();

        gpg = new GnuPG();
        assertThat(gpg.importKey(ROOT.resolve("keys/signer.cert.asc"), null).exit()).isZero();
        Proc.Result imported =
                gpg.importKey(
                        ROOT.resolve("keys/recipient.key.asc"),
                        ROOT.resolve("keys/recipient.passphrase"));
        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(gpg.sh(dir, "gpg --batch --export " + SIGNER_FPR + " > sender.gpg").exit())
                .isZero();
    }

    @AfterAll
    static void cleanUp() {
        gpg.close();
    }

    String pass() {
        return " --batch --pinentry-mode loopback --passphrase-file "
                + GnuPG.q(ROOT.resolve("keys/recipient.passphrase"));
    }

    @Test
    void gpgDecryptTwiceAndTarYieldTheSameBagAsSealpack() throws IOException {
        Path out = Files.createDirectories(dir.resolve("by-gpg"));
        Proc.Result r =
                gpg.sh(
                        out,
                        "gpg"
                                + pass()
                                + " --decrypt "
                                + GnuPG.q(sealed)
                                + " | gpg"
                                + pass()
                                + " --decrypt | tar -x");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Good signature", SIGNER_FPR);
        assertSameTree(out.resolve("statement"), dir.resolve("by-sealpack"));
    }

    @Test
    void gpgAcceptsTheBagSignatureAndSha512sumBothManifests() {
        Path bag = dir.resolve("by-sealpack");
        Proc.Result sig =
                gpg.sh(
                        bag,
                        "gpg --batch --status-fd 1 --verify signatures/tagmanifest-sha512.txt.asc tagmanifest-sha512.txt");
        assertThat(sig.exit()).as(sig.toString()).isZero();
        assertThat(sig.out()).contains("[GNUPG:] VALIDSIG " + SIGNER_FPR);
        Proc.Result sums =
                Proc.bash(
                        bag,
                        java.util.Map.of(),
                        "sha512sum --strict -c manifest-sha512.txt && sha512sum --strict -c tagmanifest-sha512.txt");
        assertThat(sums.exit()).as(sums.toString()).isZero();
        assertThat(sums.out()).contains("data/statement.txt: OK", "bag-info.txt: OK");
    }

    @Test
    void gpgvRefusesAnAlteredFile() throws IOException {
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length / 2] ^= 0x01;
        Path altered = dir.resolve("altered.sealed");
        Files.write(altered, bytes);
        Proc.Result r =
                gpg.sh(
                        dir,
                        "gpgv --keyring "
                                + GnuPG.q(dir.resolve("sender.gpg"))
                                + " -o /dev/null "
                                + GnuPG.q(altered));
        assertThat(r.exit()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains("BAD signature");
    }

    @Test
    void gpgOpensAnAnonymousFileWithTheDocumentedCommands() throws IOException {
        Path anonymous = dir.resolve("anonymous.sealed");
        Proc.Result r =
                Proc.sealpack(
                        dir,
                        "pack",
                        ROOT.resolve("examples/statement.txt").toString(),
                        "--anonymous",
                        "--signer",
                        ROOT.resolve("keys/signer.key.asc").toString(),
                        "--passphrase-file",
                        ROOT.resolve("keys/signer.passphrase").toString(),
                        "--recipient",
                        ROOT.resolve("keys/recipient.cert.asc").toString(),
                        "-o",
                        anonymous.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        Path out = Files.createDirectories(dir.resolve("anonymous-by-gpg"));
        Proc.Result plain =
                gpg.sh(out, "gpg" + pass() + " --decrypt " + GnuPG.q(anonymous) + " | tar -x");
        assertThat(plain.exit()).as(plain.toString()).isZero();
        assertThat(plain.err()).contains("anonymous recipient");
        Path limited = Files.createDirectories(dir.resolve("anonymous-try-secret-key"));
        Proc.Result tried =
                gpg.sh(
                        limited,
                        "gpg"
                                + pass()
                                + " --try-secret-key C4921F2CC061CA5AEF9C5EA664E2E5A0E7EFC495"
                                + " --decrypt "
                                + GnuPG.q(anonymous)
                                + " | tar -x && cd anonymous"
                                + " && gpg --batch --verify signatures/tagmanifest-sha512.txt.asc tagmanifest-sha512.txt"
                                + " && sha512sum -c tagmanifest-sha512.txt && sha512sum -c manifest-sha512.txt");
        assertThat(tried.exit()).as(tried.toString()).isZero();
        assertThat(tried.err()).contains("Good signature");
        assertSameTree(out.resolve("anonymous"), limited.resolve("anonymous"));
    }

    static void assertSameTree(Path a, Path b) throws IOException {
        List<Path> left = files(a);
        assertThat(left).isEqualTo(files(b)).isNotEmpty();
        for (Path p : left) {
            assertThat(Files.readAllBytes(a.resolve(p)))
                    .as(p.toString())
                    .isEqualTo(Files.readAllBytes(b.resolve(p)));
        }
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
