package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * Independent OpenPGP implementations read what sealpack writes, each layer: Sequoia (sq and sqop),
 * PGPainless (pgpainless-cli) and GopenPGP (gosop), as Debian 12 packages them (.ci/run installs
 * them). The recipient here is the unprotected fuzz test key, since sq 0.27 and gosop cannot take a
 * passphrase non-interactively.
 */
class SopToolsIT {
    static final Path ROOT = Proc.root();
    static final Path KEYS = Proc.testKeys();

    @TempDir static Path dir;
    static Path sealed;
    static Path reference;

    @BeforeAll
    static void seal() {
        sealed = dir.resolve("statement.sealed");
        Proc.Result r =
                Proc.sealpack(
                        dir,
                        "pack",
                        ROOT.resolve("examples/statement.txt").toString(),
                        "--metadata",
                        ROOT.resolve("examples/statement.metadata").toString(),
                        "--signer",
                        KEYS.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve("signer.passphrase").toString(),
                        "--recipient",
                        KEYS.resolve("fuzz.cert.asc").toString(),
                        "-o",
                        sealed.toString(),
                        "--home",
                        dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        reference = dir.resolve("by-sealpack");
        Proc.Result o =
                Proc.sealpack(
                        dir,
                        "open",
                        sealed.toString(),
                        "--key",
                        KEYS.resolve("fuzz.key.asc").toString(),
                        "--signer",
                        KEYS.resolve("signer.cert.asc").toString(),
                        "-o",
                        reference.toString(),
                        "--home",
                        dir.toString());
        assertThat(o.exit()).as(o.toString()).isZero();
    }

    static Proc.Result sh(Path cwd, String script) {
        return Proc.bash(cwd, Map.of(), script);
    }

    static String q(Object p) {
        return GnuPG.q(p);
    }

    /**
     * Outer check, decryption and the bag signature with one tool; the bag must equal sealpack's.
     */
    void readsAllLayers(String tool, String outer, String decrypt, String verify)
            throws IOException {
        Path work = Files.createDirectories(dir.resolve(tool));
        Proc.Result r =
                sh(
                        work,
                        outer
                                + " && "
                                + decrypt
                                + " && tar -xf bag.tar && cd statement && "
                                + verify);
        assertThat(r.exit()).as(tool + "\n" + r).isZero();
        StockToolsIT.assertSameTree(work.resolve("statement"), reference);
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(work.resolve("altered.sealed"), bytes);
        Proc.Result bad =
                sh(
                        work,
                        outer.replace(q(sealed), "altered.sealed")
                                .replace("> inner.pgp", "> altered.pgp"));
        assertThat(bad.exit()).as(tool + " must refuse an altered file\n" + bad).isNotZero();
    }

    @Test
    void sqopReadsEveryLayer() throws IOException {
        Requires.tool("sqop", "apt-get install sqop");
        readsAllLayers(
                "sqop",
                "sqop inline-verify "
                        + q(KEYS.resolve("signer.cert.asc"))
                        + " < "
                        + q(sealed)
                        + " > inner.pgp",
                "sqop decrypt " + q(KEYS.resolve("fuzz.key.asc")) + " < inner.pgp > bag.tar",
                "sqop verify signatures/tagmanifest-sha512.txt.asc "
                        + q(KEYS.resolve("signer.cert.asc"))
                        + " < tagmanifest-sha512.txt");
    }

    @Test
    void pgpainlessReadsEveryLayer() throws IOException {
        Requires.tool("pgpainless-cli", "apt-get install pgpainless-cli");
        readsAllLayers(
                "pgpainless",
                "pgpainless-cli inline-verify "
                        + q(KEYS.resolve("signer.cert.asc"))
                        + " < "
                        + q(sealed)
                        + " > inner.pgp",
                "pgpainless-cli decrypt "
                        + q(KEYS.resolve("fuzz.key.asc"))
                        + " < inner.pgp > bag.tar",
                "pgpainless-cli verify signatures/tagmanifest-sha512.txt.asc "
                        + q(KEYS.resolve("signer.cert.asc"))
                        + " < tagmanifest-sha512.txt");
    }

    @Test
    void sqReadsEveryLayer() throws IOException {
        Requires.tool("sq", "apt-get install sq");
        readsAllLayers(
                "sq",
                "sq verify --signer-cert "
                        + q(KEYS.resolve("signer.cert.asc"))
                        + " "
                        + q(sealed)
                        + " > inner.pgp",
                "sq decrypt --recipient-key "
                        + q(KEYS.resolve("fuzz.key.asc"))
                        + " inner.pgp > bag.tar",
                "sq verify --detached signatures/tagmanifest-sha512.txt.asc --signer-cert "
                        + q(KEYS.resolve("signer.cert.asc"))
                        + " tagmanifest-sha512.txt");
    }

    /**
     * Documented limitation: Debian 12's gpg 2.2, sqop 0.27 and pgpainless-cli 1.3 cannot read RFC
     * 9580 (v6) data.
     */
    @Test
    void theRfc9580ProfileIsUnreadableByDebian12Tools() {
        Requires.tool("sqop", "apt-get install sqop");
        Requires.tool("pgpainless-cli", "apt-get install pgpainless-cli");
        Path vector = ROOT.resolve("src/test/resources/vectors/v1-rfc9580.sealed");
        Path cert = KEYS.resolve("v6-signer.cert.asc");
        GnuPG gpg = new GnuPG();
        try {
            Proc.Result imported = gpg.sh(dir, "gpg --batch --import " + q(cert));
            assertThat(imported.exit()).as(imported.toString()).isNotZero();
            assertThat(imported.err()).contains("unknown version 6");
        } finally {
            gpg.close();
        }
        assertThat(
                        sh(
                                        dir,
                                        "sqop inline-verify "
                                                + q(cert)
                                                + " < "
                                                + q(vector)
                                                + " > /dev/null")
                                .exit())
                .isNotZero();
        Proc.Result pgpainless =
                sh(
                        dir,
                        "pgpainless-cli inline-verify "
                                + q(cert)
                                + " < "
                                + q(vector)
                                + " > /dev/null");
        assertThat(pgpainless.exit()).isNotZero();
        assertThat(pgpainless.err()).contains("unknown PGP public key algorithm encountered: 27");
    }

    @Test
    void gosopDecryptsAndVerifiesTheBagButHasNoInlineVerifyForTheOuterLayer() throws IOException {
        Requires.tool("gosop", "apt-get install gosop");
        Proc.Result inline =
                sh(
                        dir,
                        "gosop inline-verify "
                                + q(KEYS.resolve("signer.cert.asc"))
                                + " < "
                                + q(sealed));
        assertThat(inline.exit())
                .as("documented limitation: gosop (Debian 12) has no inline-verify")
                .isNotZero();
        assertThat(inline.err()).contains("Unsupported subcommand");
        GnuPG gpg = new GnuPG();
        try {
            Path work = Files.createDirectories(dir.resolve("gosop"));
            assertThat(
                            gpg.sh(
                                            work,
                                            "gpg --batch --import "
                                                    + q(KEYS.resolve("signer.cert.asc"))
                                                    + " && gpg --batch --export > sender.gpg")
                                    .exit())
                    .isZero();
            readsAllLayers(
                    "gosop",
                    "gpgv --keyring "
                            + q(work.resolve("sender.gpg"))
                            + " -o inner.pgp "
                            + q(sealed),
                    "gosop decrypt " + q(KEYS.resolve("fuzz.key.asc")) + " < inner.pgp > bag.tar",
                    "gosop verify signatures/tagmanifest-sha512.txt.asc "
                            + q(KEYS.resolve("signer.cert.asc"))
                            + " < tagmanifest-sha512.txt");
        } finally {
            gpg.close();
        }
    }
}
