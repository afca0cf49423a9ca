package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.spec.Pins;

/**
 * pack --bag: what a sealed bag cannot carry (a tag directory, another tag file, fetch.txt) is
 * refused with a hint and nothing is written, never left out silently (docs/FORMAT.md section 4).
 */
class PackBagTest {
    static final Path KEYS = Proc.testKeys();
    static final Path CORPUS = Path.of("src/test/resources/bags");

    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({
        "tag-directory, , has a tag directory 'metadata', move its files into data/",
        "fetch-complete, , has a fetch.txt, remove fetch.txt",
        "v1.0-sha512, provenance.txt, has a tag file 'provenance.txt', move it into data/"
    })
    @Pins("R4.10")
    void whatASealedBagCannotCarryIsRefusedWithAHint(
            String bag, String extraTagFile, String message, String hint) throws IOException {
        Path copy = copy(CORPUS.resolve(bag), dir.resolve(bag));
        if (extraTagFile != null) {
            Files.writeString(copy.resolve(extraTagFile), "collected by the field team\n");
        }
        Path out = dir.resolve("out.sealed");
        Cli.Run r =
                Cli.run(
                        "pack",
                        "--bag",
                        copy.toString(),
                        "--signer",
                        KEYS.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve("signer.passphrase").toString(),
                        "--recipient",
                        KEYS.resolve("recipient.cert.asc").toString(),
                        "-o",
                        out.toString(),
                        "--home",
                        dir.resolve("home").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INPUT.code);
        assertThat(r.err()).contains(message, "hint: ", hint).doesNotContain("Exception");
        assertThat(r.err().lines().count()).isEqualTo(1);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(bag);
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
