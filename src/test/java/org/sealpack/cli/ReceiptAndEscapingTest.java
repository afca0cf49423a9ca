package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.bag.Digests;

/** The receipt of the example lists every file with the right hash; names from archives never reach the terminal raw. */
class ReceiptAndEscapingTest {
    static final Path KEYS = org.sealpack.Proc.testKeys();

    @TempDir
    Path dir;

    Cli.Run pack(Path payload, Path out) {
        return Cli.run("pack", payload.toString(), "--metadata", "examples/statement.metadata",
                "--signer", KEYS.resolve("signer.key.asc").toString(), "--passphrase-file", KEYS.resolve("signer.passphrase").toString(),
                "--recipient", KEYS.resolve("recipient.cert.asc").toString(), "-o", out.toString(), "--home", dir.resolve("h").toString());
    }

    String[] open(Path sealed, Path out, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("open", sealed.toString(),
                "--key", KEYS.resolve("recipient.key.asc").toString(), "--passphrase-file", KEYS.resolve("recipient.passphrase").toString(),
                "--signer", KEYS.resolve("signer.cert.asc").toString(), "-o", out.toString(), "--home", dir.resolve("h").toString()));
        args.addAll(java.util.List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void theReceiptOfTheExampleListsEveryFileWithItsHashAndTheMetadata() throws IOException {
        Path sealed = dir.resolve("example.sealed");
        assertThat(pack(Path.of("examples/statement.txt"), sealed).exit()).isZero();
        Path receipt = dir.resolve("receipt.md");
        Cli.Run r = Cli.run(open(sealed, dir.resolve("opened"), "--receipt", receipt.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(receipt, StandardCharsets.UTF_8);
        String sha512 = Digests.sha512Hex(Files.readAllBytes(Path.of("examples/statement.txt")));
        assertThat(text).contains("**GOOD", "| data/statement.txt | 2985 | `" + sha512 + "` |",
                "Archive SHA-256",
                "| Source-Organization | National Alliance of Tajikistan |", "| Date-Issued | 2018-11-12 |",
                "Bag signature over the tag manifest | GOOD");
        Cli.Run quiet = Cli.run(open(sealed, dir.resolve("opened-quiet"), "--quiet"));
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out()).isEmpty();
        Cli.Run again = Cli.run(open(sealed, dir.resolve("opened-2"), "--receipt", receipt.toString(), "-q"));
        assertThat(again.exit()).isEqualTo(ExitCodes.OUTPUT_EXISTS);
        assertThat(dir.resolve("opened-2")).doesNotExist();
    }

    @Test
    void theMetadataTemplateParsesAsMetadata() throws IOException {
        Cli.Run r = Cli.run("pack", "--metadata-template");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Source-Organization: ", "Title: ", "Date-Issued:");
        Path template = dir.resolve("template.txt");
        Files.writeString(template, r.out().replace("Title: \n", "Title: A statement\n"));
        assertThat(org.sealpack.bag.Metadata.parseSenderFile(Files.readString(template), "template").first("Title"))
                .contains("A statement");
        assertThat(Cli.run("pack", "examples/statement.txt").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFileNameWithAnEscapeSequenceIsPrintedEscaped() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(folder.resolve("evil\u001b[2J\u001b]0;pwned\u0007.txt"), "x");
        Path sealed = dir.resolve("evil.sealed");
        Cli.Run packed = pack(folder, sealed);
        assertThat(packed.exit()).as(packed.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(packed.err()).contains("control character").doesNotContain("\u001b");
        Files.delete(folder.resolve("evil\u001b[2J\u001b]0;pwned\u0007.txt"));
        Files.writeString(folder.resolve("\u202Etxt.exe"), "x");
        assertThat(pack(folder, sealed).exit()).isZero();
        Cli.Run opened = Cli.run(open(sealed, dir.resolve("opened")));
        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("\\u202E").doesNotContain("\u202E");
        assertThat(Terminal.safe("a\u001b[31mb")).isEqualTo("a\\u001B[31mb");
    }
}
