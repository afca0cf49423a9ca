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
import org.sealpack.failure.ExitCode;
import org.sealpack.report.Json;

/**
 * The receipt of the example lists every file with the right hash; names from archives never reach
 * the terminal raw.
 */
class ReceiptAndEscapingTest {
    static final Path KEYS = org.sealpack.Proc.testKeys();

    @TempDir Path dir;

    Cli.Run pack(Path payload, Path out) {
        return pack(payload, out, Path.of("examples/statement.metadata"));
    }

    Cli.Run pack(Path payload, Path out, Path metadata) {
        return Cli.run(
                "pack",
                payload.toString(),
                "--metadata",
                metadata.toString(),
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
    }

    String[] open(Path sealed, Path out, String... extra) {
        java.util.List<String> args =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                "open",
                                sealed.toString(),
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "-o",
                                out.toString(),
                                "--home",
                                dir.resolve("h").toString()));
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
        assertThat(text)
                .contains(
                        "**GOOD",
                        "| ` data/statement.txt ` | 2985 | `" + sha512 + "` |",
                        "Archive SHA-256",
                        "| ` Source-Organization ` | ` National Alliance of Tajikistan ` |",
                        "| ` Date-Issued ` | ` 2018-11-12 ` |",
                        "Bag signature over the tag manifest | GOOD");
        Cli.Run quiet = Cli.run(open(sealed, dir.resolve("opened-quiet"), "--quiet"));
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out()).isEmpty();
        Cli.Run again =
                Cli.run(
                        open(
                                sealed,
                                dir.resolve("opened-2"),
                                "--receipt",
                                receipt.toString(),
                                "-q"));
        assertThat(again.exit()).isEqualTo(ExitCode.OUTPUT_EXISTS.code);
        assertThat(dir.resolve("opened-2")).doesNotExist();
    }

    @Test
    void theMetadataTemplateParsesAsMetadata() throws IOException {
        Cli.Run r = Cli.run("pack", "--metadata-template");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Source-Organization: ", "Title: ", "Date-Issued:");
        Path template = dir.resolve("template.txt");
        // As printed, it is refused: its empty values and placeholders would be signed for ever.
        Files.writeString(template, r.out());
        Path payload = Files.writeString(dir.resolve("statement.txt"), "text\n");
        Cli.Run asIs = pack(payload, dir.resolve("t.sealed"), template);
        assertThat(asIs.exit()).as(asIs.err()).isEqualTo(ExitCode.INPUT.code);
        assertThat(asIs.err())
                .contains(
                        template + " line 7: Source-Organization has no value",
                        "hint: fill it in, or delete the line");
        // Every problem of the file in one run, one line each, in the order of the file.
        assertThat(asIs.err().lines().toList())
                .as(asIs.err())
                .hasSize(5)
                .allMatch(l -> l.startsWith("sealpack: error: "));
        assertThat(asIs.err().lines().map(l -> l.replaceAll(".* line (\\d+):.*", "$1")).toList())
                .containsExactly("7", "10", "11", "14", "15");
        Files.writeString(
                template,
                r.out()
                        .replaceAll(
                                "(?m)^(Source-Organization|External-Identifier|External-Description|Title): $",
                                "$1: A")
                        .replace("YYYY-MM-DD\n", "12/11/2018\n"));
        Cli.Run ambiguous = pack(payload, dir.resolve("t.sealed"), template);
        assertThat(ambiguous.exit()).isEqualTo(ExitCode.INPUT.code);
        assertThat(ambiguous.err().lines().toList()).as(ambiguous.err()).hasSize(1);
        assertThat(ambiguous.err())
                .contains(
                        "line 15: Date-Issued '12/11/2018' is not a date in the form YYYY-MM-DD",
                        "hint: write dates as YYYY-MM-DD (2018-11-12)");
        Files.writeString(
                template,
                r.out()
                        .replaceAll(
                                "(?m)^(Source-Organization|External-Identifier|External-Description|Title): $",
                                "$1: A"));
        Cli.Run placeholder = pack(payload, dir.resolve("t.sealed"), template);
        assertThat(placeholder.err())
                .contains("line 15: Date-Issued still holds the placeholder 'YYYY'");
        assertThat(dir.resolve("t.sealed")).doesNotExist();
        Files.writeString(
                template, Files.readString(template).replace("YYYY-MM-DD\n", "2018-11-12\n"));
        assertThat(pack(payload, dir.resolve("t.sealed"), template).exit()).isZero();
        assertThat(
                        org.sealpack.bag.Metadata.parseSenderFile(
                                        Files.readString(template), "template")
                                .first("Title"))
                .contains("A");
        assertThat(Cli.run("pack", "examples/statement.txt").exit()).isEqualTo(ExitCode.USAGE.code);
    }

    @Test
    void aFileNameWithAnEscapeSequenceIsPrintedEscaped() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(folder.resolve("evil\u001b[2J\u001b]0;pwned\u0007.txt"), "x");
        Path sealed = dir.resolve("evil.sealed");
        Cli.Run packed = pack(folder, sealed);
        assertThat(packed.exit()).as(packed.err()).isEqualTo(ExitCode.INPUT.code);
        assertThat(packed.err()).contains("control character").doesNotContain("\u001b");
        Files.delete(folder.resolve("evil\u001b[2J\u001b]0;pwned\u0007.txt"));
        Files.writeString(folder.resolve("\u202Etxt.exe"), "x");
        assertThat(pack(folder, sealed).exit()).isZero();
        Cli.Run opened = Cli.run(open(sealed, dir.resolve("opened")));
        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("\\u202E").doesNotContain("\u202E");
        assertThat(org.sealpack.text.Untrusted.escape("a\u001b[31mb")).isEqualTo("a\\u001B[31mb");
    }

    /** Every class of character that a person cannot see, or that changes the text around it. */
    static final String[] HIDDEN = {
        "\u2028",
        "\u2029",
        "\u200B",
        "\u200D",
        "\u00AD",
        "\uFEFF",
        "\u0085",
        "\u009B",
        "\u009D",
        "\u202E",
        "\u2066",
        "\u061C",
        "\u115F",
        new String(Character.toChars(0xE0041)),
        "\u001B",
        "\u007F"
    };

    @Test
    void everyHiddenCharacterIsShownAsAnEscapeOnTheTerminalAndInJson() throws Exception {
        for (String hidden : HIDDEN) {
            String text = "before" + hidden + "after";
            String shown = org.sealpack.text.Untrusted.escape(text);
            assertThat(shown)
                    .as(escape(hidden))
                    .doesNotContain(hidden)
                    .contains("\\u")
                    .startsWith("before")
                    .endsWith("after");
            java.io.StringWriter json = new java.io.StringWriter();
            Json.print(new java.io.PrintWriter(json), java.util.Map.of("value", text));
            assertThat(json.toString()).as(escape(hidden)).doesNotContain(hidden);
            assertThat(
                            new com.fasterxml.jackson.databind.ObjectMapper()
                                    .readTree(json.toString())
                                    .get("value")
                                    .asText())
                    .as("the JSON value is unchanged")
                    .isEqualTo(text);
        }
        assertThat(org.sealpack.text.Untrusted.escape("a\\u202Eb"))
                .as("a backslash is shown doubled, so an escape reads one way")
                .isEqualTo("a\\\\u202Eb");
        assertThat(org.sealpack.text.Untrusted.escape("Баёнот 𝔸 🙂"))
                .as("visible text stays as it is")
                .isEqualTo("Баёнот 𝔸 🙂");
    }

    static String escape(String s) {
        return s.codePoints().mapToObj(c -> String.format("U+%04X", c)).reduce("", String::concat);
    }

    /**
     * A viewer of the Markdown receipt shows metadata and names as text: no link, image, HTML or
     * emphasis.
     */
    @Test
    void theReceiptRendersMetadataAndNamesAsLiteralText() throws IOException {
        Path metadata = dir.resolve("hostile.metadata");
        Files.writeString(
                metadata,
                String.join(
                        "\n",
                        "Title: [click here](https://evil.example/phish) ![pixel](https://evil.example/track.png)",
                        "Source-Organization: <img src=https://evil.example/p.png onerror=alert(1)> <script>x()</script>",
                        "External-Description: *not emphasis* __nor this__ `nor code` https://autolink.example www.auto.example",
                        "Subject: | a | fake | table | row | \u202Etxt.exe \u2028 next line",
                        "Relation: ```fence``` \\ backslash &amp; entity &#x3c;tag&#x3e;",
                        ""));
        Path payload = Files.createDirectories(dir.resolve("payload"));
        Files.writeString(payload.resolve("[link](https%3A%2F%2Fevil.example).txt"), "x");
        Path sealed = dir.resolve("hostile.sealed");
        Cli.Run packed =
                Cli.run(
                        "pack",
                        payload.toString(),
                        "--metadata",
                        metadata.toString(),
                        "--signer",
                        KEYS.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve("signer.passphrase").toString(),
                        "--recipient",
                        KEYS.resolve("recipient.cert.asc").toString(),
                        "-o",
                        sealed.toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(packed.exit()).as(packed.err()).isZero();
        Path receipt = dir.resolve("receipt.md");
        Cli.Run opened =
                Cli.run(open(sealed, dir.resolve("opened"), "--receipt", receipt.toString()));
        assertThat(opened.exit()).as(opened.err()).isZero();
        for (String hidden : HIDDEN) {
            assertThat(opened.out()).doesNotContain(hidden);
        }
        var extensions =
                java.util.List.of(
                        org.commonmark.ext.gfm.tables.TablesExtension.create(),
                        org.commonmark.ext.autolink.AutolinkExtension.create());
        String html =
                org.commonmark.renderer.html.HtmlRenderer.builder()
                        .extensions(extensions)
                        .build()
                        .render(
                                org.commonmark.parser.Parser.builder()
                                        .extensions(extensions)
                                        .build()
                                        .parse(Files.readString(receipt, StandardCharsets.UTF_8)));
        assertThat(html).doesNotContain("<a ", "<img", "<em>", "<script", "href=");
        assertThat(html)
                .contains(
                        "[click here](https://evil.example/phish)",
                        "&lt;img src=https://evil.example/p.png",
                        "*not emphasis* __nor this__",
                        "| a | fake | table | row |",
                        "\\u202Etxt.exe",
                        "\\u2028",
                        "&amp;amp; entity &amp;#x3c;tag&amp;#x3e;",
                        "[link](https%3A%2F%2Fevil.example).txt");
        assertThat(html.split("<strong>", -1).length - 1)
                .as("the only emphasis is the receipt's own verdict")
                .isEqualTo(1);
    }

    @Test
    void packNamesEveryEmptyDirectoryItLeavesOut() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(folder.resolve("statement.txt"), "x");
        Files.createDirectories(folder.resolve("empty"));
        Files.createDirectories(folder.resolve("a/b/c"));
        Files.createDirectories(folder.resolve("kept/none"));
        Files.writeString(folder.resolve("kept/one.txt"), "y");
        Cli.Run packed = pack(folder, dir.resolve("e.sealed"));
        assertThat(packed.exit()).as(packed.err()).isZero();
        assertThat(packed.out())
                .contains(
                        "payload:             2 files, 2 bytes",
                        "left out:            "
                                + folder.resolve("a")
                                + "/ (an empty directory: a bag holds files only;",
                        "left out:            " + folder.resolve("empty") + "/ (",
                        "left out:            " + folder.resolve("kept/none") + "/ (");
        assertThat(packed.out())
                .doesNotContain(folder.resolve("a/b") + "/")
                .doesNotContain(folder.resolve("kept") + "/ (");
    }
}
