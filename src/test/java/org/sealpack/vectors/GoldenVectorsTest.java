package org.sealpack.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.cli.Main;

/** Opens every golden vector with the key its side file names and checks the stated outcome. */
class GoldenVectorsTest {
    @TempDir Path dir;

    @TestFactory
    Stream<DynamicTest> everyVectorHasItsStatedOutcome() throws IOException {
        List<Path> vectors;
        try (Stream<Path> s = Files.list(GoldenVectors.DIR)) {
            vectors = s.filter(p -> p.toString().endsWith(".sealed")).sorted().toList();
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(10);
        return vectors.stream()
                .map(
                        v ->
                                DynamicTest.dynamicTest(
                                        v.getFileName().toString(),
                                        () -> {
                                            Map<String, String> expect =
                                                    org.sealpack.Cli.expectations(
                                                            Path.of(
                                                                    v.toString()
                                                                            .replace(
                                                                                    ".sealed",
                                                                                    ".expect")));
                                            String key = expect.get("key");
                                            int exit = Integer.parseInt(expect.get("exit"));
                                            Path out = dir.resolve(v.getFileName() + ".opened");
                                            StringWriter stdout = new StringWriter();
                                            StringWriter stderr = new StringWriter();
                                            int actual =
                                                    Main.run(
                                                            new String[] {
                                                                "open",
                                                                v.toString(),
                                                                "--key",
                                                                GoldenVectors.key(key),
                                                                "--passphrase-file",
                                                                GoldenVectors.pass(key),
                                                                "--signer",
                                                                GoldenVectors.cert("signer"),
                                                                "--signer",
                                                                GoldenVectors.cert("v6-signer"),
                                                                "-o",
                                                                out.toString(),
                                                                "--home",
                                                                dir.resolve("home").toString()
                                                            },
                                                            new PrintWriter(stdout),
                                                            new PrintWriter(stderr));
                                            assertThat(actual)
                                                    .as(stderr.toString())
                                                    .isEqualTo(exit);
                                            if (exit == 0) {
                                                assertThat(out.resolve("data/statement.txt"))
                                                        .hasSameBinaryContentAs(
                                                                Path.of(GoldenVectors.PAYLOAD));
                                                assertThat(
                                                                Files.readString(
                                                                        out.resolve(
                                                                                "bag-info.txt")))
                                                        .contains(
                                                                "Source-Organization: National Alliance of Tajikistan");
                                            } else {
                                                assertThat(stderr.toString())
                                                        .contains(expect.get("expect"));
                                                assertThat(out).doesNotExist();
                                            }
                                        }));
    }
}
