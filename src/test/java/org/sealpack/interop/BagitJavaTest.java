package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.cli.Main;

/**
 * Independent BagIt implementation, the Library of Congress's bagit-java 5.2.0: the bags sealpack
 * writes validate with it, and the bags it writes validate with sealpack and can be sealed as they
 * are.
 */
class BagitJavaTest {
    static final Path KEYS = org.sealpack.Proc.testKeys();

    @TempDir Path dir;

    static int cli(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    Path sealAndOpenExample() {
        Path sealed = dir.resolve("example.sealed");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(
                        cli(
                                out,
                                err,
                                "pack",
                                "examples/statement.txt",
                                "--metadata",
                                "examples/statement.metadata",
                                "--signer",
                                KEYS.resolve("signer.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("signer.passphrase").toString(),
                                "--recipient",
                                KEYS.resolve("recipient.cert.asc").toString(),
                                "-o",
                                sealed.toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .as(err.toString())
                .isZero();
        Path opened = dir.resolve("opened");
        assertThat(
                        cli(
                                out,
                                err,
                                "open",
                                sealed.toString(),
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "-o",
                                opened.toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .as(err.toString())
                .isZero();
        return opened;
    }

    @Test
    void bagsSealpackWritesAreValidForBagitJava() throws Exception {
        Path opened = sealAndOpenExample();
        Bag bag = new BagReader().read(opened);
        assertThat(bag.getVersion().toString()).isEqualTo("1.0");
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }
        assertThat(bag.getMetadata().get("Source-Organization"))
                .containsExactly("National Alliance of Tajikistan");
    }

    @Test
    void bagsBagitJavaWritesValidateWithSealpackAndSealAsSealedBags() throws Exception {
        Path bagDir = Files.createDirectories(dir.resolve("loc-bag"));
        Files.writeString(bagDir.resolve("report.txt"), "A report.\n", StandardCharsets.UTF_8);
        Files.createDirectories(bagDir.resolve("photos"));
        // (A '%' in a name is where bagit-java 5.2.0 and RFC 8493 part: BagCorpusTest covers it.)
        Files.writeString(
                bagDir.resolve("photos/Баёнот 100 percent.txt"),
                "caption\n",
                StandardCharsets.UTF_8);
        BagCreator.bagInPlace(
                bagDir,
                List.of(StandardSupportedAlgorithms.SHA512, StandardSupportedAlgorithms.MD5),
                false);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(cli(out, err, "validate", bagDir.toString())).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("VALID", "md5, sha512", "2 files");

        Path sealed = dir.resolve("loc.sealed");
        assertThat(
                        cli(
                                out,
                                err,
                                "pack",
                                "--bag",
                                bagDir.toString(),
                                "--signer",
                                KEYS.resolve("signer.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("signer.passphrase").toString(),
                                "--recipient",
                                KEYS.resolve("recipient.cert.asc").toString(),
                                "-o",
                                sealed.toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .as(err.toString())
                .isZero();
        Path opened = dir.resolve("loc-opened");
        StringWriter openOut = new StringWriter();
        assertThat(
                        cli(
                                openOut,
                                err,
                                "open",
                                sealed.toString(),
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "-o",
                                opened.toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .as(err.toString())
                .isZero();
        assertThat(opened.resolve("manifest-md5.txt"))
                .as("pack --bag writes a sealed bag: SHA-512 manifests only")
                .doesNotExist();
        assertThat(opened.resolve("tagmanifest-md5.txt")).doesNotExist();
        assertThat(Files.readString(opened.resolve("bagit.txt")))
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(new BagReader().read(opened), false);
        }
        assertThat(
                        cli(
                                out,
                                err,
                                "verify",
                                opened.toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .as(err.toString())
                .isZero();
    }

    @Test
    void anAlteredBagIsInvalidForBothAndSealpackListsEveryProblem() throws Exception {
        Path opened = sealAndOpenExample();
        Files.writeString(opened.resolve("data/statement.txt"), "altered\n");
        Files.writeString(opened.resolve("data/planted.txt"), "planted\n");
        try (BagVerifier verifier = new BagVerifier()) {
            assertThatThrownBy(() -> verifier.isValid(new BagReader().read(opened), false))
                    .isInstanceOf(Exception.class);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(cli(out, err, "validate", opened.toString())).isEqualTo(24);
        assertThat(out.toString())
                .contains(
                        "problem: Payload-Oxum",
                        "problem: payload file 'data/planted.txt' is not listed",
                        "problem: sha512 checksum mismatch for file 'data/statement.txt'");
        assertThat(
                        cli(
                                out,
                                err,
                                "verify",
                                opened.toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .isEqualTo(24);
        StringWriter packErr = new StringWriter();
        assertThat(
                        cli(
                                out,
                                packErr,
                                "pack",
                                "--bag",
                                opened.toString(),
                                "--signer",
                                KEYS.resolve("signer.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("signer.passphrase").toString(),
                                "--recipient",
                                KEYS.resolve("recipient.cert.asc").toString(),
                                "-o",
                                dir.resolve("no.sealed").toString(),
                                "--home",
                                dir.resolve("h").toString()))
                .isEqualTo(24);
        assertThat(dir.resolve("no.sealed")).doesNotExist();
    }
}
