package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.report.People;

/**
 * Recipients are named where they appear: pack's summary says who can open the file (the sender's
 * own key said as such), and a key that is not a recipient hears who the recipients are, by name
 * where a certificate at hand holds their key, else as unknown with the key ID.
 */
class RecipientNamesTest {
    static final Path K = Proc.testKeys();

    @TempDir Path dir;

    @Test
    void packSaysWhoCanOpenItAndTheWrongKeyHearsWhoCan() throws Exception {
        Path payload = Files.writeString(dir.resolve("statement.txt"), "text\n");
        Path sealed = dir.resolve("s.sealed");
        Cli.Run packed =
                Cli.run(
                        "pack",
                        payload.toString(),
                        "--signer",
                        K.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        K.resolve("signer.passphrase").toString(),
                        "--recipient",
                        K.resolve("other.cert.asc").toString(),
                        "-o",
                        sealed.toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(packed.exit()).as(packed.err()).isZero();
        var other = KeyFiles.readCertificate(K.resolve("other.cert.asc"));
        var signer = KeyFiles.readCertificate(K.resolve("signer.cert.asc"));
        assertThat(packed.out())
                .contains(
                        "can open it:",
                        People.certificate(other),
                        "the sender's own key: " + People.certificate(signer));
        assertThat(People.certificate(other))
                .contains(People.fingerprint(other.fingerprint()), "<other@test.sealpack.invalid>");

        String[] wrongKey = {
            "open",
            sealed.toString(),
            "--signer",
            K.resolve("signer.cert.asc").toString(),
            "--key",
            K.resolve("recipient.key.asc").toString(),
            "--passphrase-file",
            K.resolve("recipient.passphrase").toString(),
            "-o",
            dir.resolve("out").toString(),
            "--home",
            dir.resolve("h").toString()
        };
        Cli.Run unnamed = Cli.run(wrongKey);
        assertThat(unnamed.exit()).isEqualTo(ExitCode.NOT_RECIPIENT.code);
        // other's certificate is not at hand: unknown, with its key ID; the signer's is (--signer).
        assertThat(unnamed.err())
                .contains(
                        "is not a recipient of this file; it is encrypted to ",
                        "unknown (key ID ",
                        People.certificate(signer),
                        "hint: open it with the secret key of one of those"
                                + " recipients (`sealpack keys list` shows yours)");
        assertThat(
                        Cli.run(
                                        "keys",
                                        "import",
                                        K.resolve("other.cert.asc").toString(),
                                        "--home",
                                        dir.resolve("h").toString())
                                .exit())
                .isZero();
        Cli.Run named = Cli.run(wrongKey);
        assertThat(named.err())
                .contains(People.certificate(other))
                .doesNotContain("unknown (key ID");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
