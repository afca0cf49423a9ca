package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.spec.Pins;

/**
 * The bound on an anonymous file's recipients (docs/FORMAT.md R8.4) is a limit like the others:
 * open refuses more than 64 (exit 25, naming the option), --max-recipients raises it, and pack
 * refuses to make an anonymous file its recipients' sealpack would refuse with the same limit.
 */
class RecipientsLimitTest {
    static final Path KEYS = Proc.testKeys();
    static final Path VECTOR =
            Proc.root().resolve("src/test/resources/conformance/anonymous-65-recipients.sealed");

    @TempDir Path dir;

    Cli.Run open(String... extra) {
        java.util.List<String> args =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                "open",
                                VECTOR.toString(),
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "-o",
                                dir.resolve("bag").toString(),
                                "--home",
                                dir.resolve("h").toString()));
        args.addAll(java.util.List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    @Pins("R8.4")
    void openRefusesMoreThan64RecipientsAndTheOptionRaisesTheLimit() {
        Cli.Run refused = open();
        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCode.UNSAFE_ARCHIVE.code);
        assertThat(refused.err())
                .contains("over the limit of 64")
                .contains("--max-recipients")
                .hasLineCount(1);
        assertThat(dir.resolve("bag")).doesNotExist();
        Cli.Run raised = open("--max-recipients", "65");
        assertThat(raised.exit()).as(raised.err()).isZero();
        assertThat(dir.resolve("bag/data")).isDirectory();
    }

    @Test
    void packRefusesAnAnonymousFileItsRecipientsWouldRefuse() throws IOException {
        Path payload = Files.writeString(dir.resolve("note.txt"), "a note\n");
        Path out = dir.resolve("note.sealed");
        Cli.Run r =
                Cli.run(
                        "pack",
                        payload.toString(),
                        "--anonymous",
                        "--max-recipients",
                        "1",
                        "--signer",
                        KEYS.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve("signer.passphrase").toString(),
                        "--recipient",
                        KEYS.resolve("recipient.cert.asc").toString(),
                        "-o",
                        out.toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INPUT.code);
        assertThat(r.err())
                .contains("2 encrypted session keys")
                .contains("--max-recipients")
                .hasLineCount(1);
        assertThat(out).doesNotExist();
    }
}
