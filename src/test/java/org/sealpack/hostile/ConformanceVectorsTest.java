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
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;

/**
 * Replays the committed conformance vectors (src/test/resources/conformance) through the CLI, with
 * {@code open} and {@code verify --key}: a vector a reader must refuse fails with its exit code and
 * message in one line and leaves nothing; one it must accept opens, and prints the note or warning
 * its rule asks for.
 */
class ConformanceVectorsTest {
    static final Path KEYS = Crafted.KEYS;

    @TempDir Path dir;

    List<String> common(Path sealed) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                KEYS.resolve("signer.cert.asc").toString(),
                                "--signer",
                                KEYS.resolve("other.cert.asc").toString(),
                                "--home",
                                dir.resolve("empty-home").toString()));
        Path trusted = Path.of(sealed.toString().replace(".sealed", ".cert.asc"));
        if (Files.exists(trusted)) {
            args.addAll(List.of("--signer", trusted.toString()));
        }
        return args;
    }

    static List<Path> vectors() throws IOException {
        try (Stream<Path> s = Files.list(ConformanceVectors.DIR)) {
            return s.filter(p -> p.toString().endsWith(".sealed")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVectorHasItsStatedOutcome() throws IOException {
        List<Path> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(ConformanceVectors.vectors().size());
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
                                            String message = expect.getOrDefault("message", "");
                                            Path parent =
                                                    Files.createDirectories(
                                                            dir.resolve(v.getFileName() + ".d"));
                                            Path dest = parent.resolve("opened");
                                            List<String> open =
                                                    new ArrayList<>(
                                                            List.of(
                                                                    "open",
                                                                    v.toString(),
                                                                    "-o",
                                                                    dest.toString()));
                                            open.addAll(common(v));
                                            Cli.Run opened = Cli.run(open.toArray(String[]::new));
                                            List<String> verify =
                                                    new ArrayList<>(
                                                            List.of("verify", v.toString()));
                                            verify.addAll(common(v));
                                            Cli.Run verified =
                                                    Cli.run(verify.toArray(String[]::new));
                                            if (exit == 0) {
                                                for (Cli.Run r : List.of(opened, verified)) {
                                                    assertThat(r.exit()).as(r.err()).isZero();
                                                    assertThat(r.out() + r.err()).contains(message);
                                                }
                                                try (Stream<Path> s =
                                                        Files.list(dest.resolve("data"))) {
                                                    assertThat(s.toList()).isNotEmpty();
                                                }
                                            } else {
                                                HostileCorpusTest.assertFailure(
                                                        opened, exit, message);
                                                HostileCorpusTest.assertFailure(
                                                        verified, exit, message);
                                                try (Stream<Path> s = Files.list(parent)) {
                                                    assertThat(s.toList())
                                                            .as(
                                                                    "nothing left beside the destination")
                                                            .isEmpty();
                                                }
                                            }
                                        }));
    }
}
