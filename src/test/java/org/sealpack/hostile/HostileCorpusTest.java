package org.sealpack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.spec.Pins;

/**
 * Replays the committed hostile corpus through the CLI: each vector must fail with its documented
 * exit code and message, in one line, leaving no destination, no temporary directory and nothing
 * outside.
 */
class HostileCorpusTest {
    static final Path KEYS = Crafted.KEYS;

    @TempDir Path dir;

    Cli.Run open(Path sealed, Path dest, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "open",
                                sealed.toString(),
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "--signer",
                                KEYS.resolve("other.cert.asc").toString(),
                                "--home",
                                dir.resolve("empty-home").toString(),
                                "-o",
                                dest.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    Cli.Run verify(Path sealed) {
        return Cli.run(
                "verify",
                sealed.toString(),
                "--key",
                KEYS.resolve("recipient.key.asc").toString(),
                "--passphrase-file",
                KEYS.resolve("recipient.passphrase").toString(),
                "--signer",
                KEYS.resolve("signer.cert.asc").toString(),
                "--signer",
                KEYS.resolve("other.cert.asc").toString(),
                "--home",
                dir.resolve("empty-home").toString());
    }

    @TestFactory
    @Pins("R5.4")
    Stream<DynamicTest> everyVectorFailsCleanly() throws IOException {
        List<Path> vectors;
        try (Stream<Path> s = Files.list(HostileCorpus.DIR)) {
            vectors = s.filter(p -> p.toString().endsWith(".sealed")).sorted().toList();
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(HostileCorpus.vectors().size());
        return vectors.stream()
                .map(
                        v ->
                                DynamicTest.dynamicTest(
                                        v.getFileName().toString(),
                                        () -> {
                                            Map<String, String> expect =
                                                    Cli.expectations(
                                                            Path.of(
                                                                    v.toString()
                                                                            .replace(
                                                                                    ".sealed",
                                                                                    ".expect")));
                                            int exit = Integer.parseInt(expect.get("exit"));
                                            Path parent =
                                                    Files.createDirectories(
                                                            dir.resolve(
                                                                    v.getFileName().toString()
                                                                            + ".d"));
                                            Path dest = parent.resolve("opened");
                                            Cli.Run r = open(v, dest);
                                            assertFailure(r, exit, expect.get("message"));
                                            assertThat(dest).doesNotExist();
                                            try (Stream<Path> s = Files.list(parent)) {
                                                assertThat(s.toList())
                                                        .as("nothing beside the destination")
                                                        .isEmpty();
                                            }
                                            assertThat(
                                                            Path.of(
                                                                    "/tmp/sealpack-hostile-absolute.txt"))
                                                    .doesNotExist();
                                            assertThat(
                                                            Path.of(
                                                                    "/tmp/sealpack-hostile-through-link.txt"))
                                                    .doesNotExist();
                                            assertFailure(verify(v), exit, expect.get("message"));
                                        }));
    }

    @Test
    void aHundredThousandEmptyEntriesAreBoundedByTheLimitAndOtherwiseRefusedAsExtraFiles()
            throws IOException {
        Path sealed = dir.resolve("many.sealed");
        Crafted.seal(
                sealed,
                HostileCorpus.manyEntries(100_000),
                Crafted.unlocked("signer"),
                List.of(Crafted.cert("recipient")),
                true);
        Path parent = Files.createDirectories(dir.resolve("many"));
        assertFailure(
                open(sealed, parent.resolve("a"), "--max-entries", "1000"),
                25,
                "more than 1000 entries");
        // Without the limit: refused for the files no manifest lists. Checked with verify --key,
        // which
        // runs the same checks without creating 100,000 files on disk first (that alone took 10-25
        // s).
        assertFailure(verify(sealed), 24, "not listed in the manifest");
        try (Stream<Path> s = Files.list(parent)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    static void assertFailure(Cli.Run r, int exit, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("sealpack: error: ")
                .contains(message)
                .doesNotContain("Exception");
    }
}
