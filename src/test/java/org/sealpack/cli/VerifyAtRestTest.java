package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;

/**
 * verify DIR judges an opened bag by the rules open used (a sealed bag): whatever is planted in it
 * afterwards, which no signature covers, makes it INVALID (exit 24) and is named, in the text, in
 * --json, and in one error line.
 */
class VerifyAtRestTest {
    static final Path KEYS = Proc.testKeys();

    @TempDir static Path dir;
    static Path opened;

    @BeforeAll
    static void openTheExample() {
        Path sealed = dir.resolve("s.sealed");
        String h = dir.resolve("h").toString();
        Cli.Run pack =
                Cli.run(
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
                        h);
        assertThat(pack.exit()).as(pack.err()).isZero();
        opened = dir.resolve("opened");
        Cli.Run open =
                Cli.run(
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
                        h);
        assertThat(open.exit()).as(open.err()).isZero();
    }

    static Cli.Run verify(Path bag, String... extra) {
        String[] args =
                Stream.concat(
                                Stream.of(
                                        "verify",
                                        bag.toString(),
                                        "--signer",
                                        KEYS.resolve("signer.cert.asc").toString(),
                                        "--home",
                                        dir.resolve("h").toString()),
                                Stream.of(extra))
                        .toArray(String[]::new);
        return Cli.run(args);
    }

    static Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(opened)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(opened.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    void theOpenedBagIsGoodAtRest() {
        Cli.Run r = verify(opened);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("VALID (as a sealed bag)", "Verdict: GOOD");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "file|notes.txt|'notes.txt' is not part of a sealed bag",
                "directory|annex|'annex' is not part of a sealed bag",
                "file|annex2/inside.txt|'annex2' is not part of a sealed bag",
                "file|signatures/second.asc|'signatures/second.asc' is not part of a sealed bag",
                "file|tagmanifest-md5.txt|'tagmanifest-md5.txt' is not part of a sealed bag",
                "file|tagmanifest-README.txt|'tagmanifest-README.txt' is not part of a sealed bag",
                "directory|data/This statement is FAKE - see annex|'data/This statement is FAKE - see annex' is an empty directory",
                "file|data/planted.txt|payload file 'data/planted.txt' is not listed in the manifest",
                "file|fetch.txt|'fetch.txt' is not part of a sealed bag"
            })
    void anythingPlantedInAnOpenedBagMakesItInvalid(String kind, String path, String problem)
            throws IOException {
        Path bag = copy("planted-" + path.replaceAll("[^a-z]", "-"));
        if (kind.equals("directory")) {
            Files.createDirectories(bag.resolve(path));
        } else {
            Files.createDirectories(bag.resolve(path).getParent());
            Files.writeString(bag.resolve(path), "planted\n");
        }
        Cli.Run r = verify(bag);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.BAG_INVALID.code);
        assertThat(r.out()).contains("INVALID", "problem: " + problem);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("sealpack: error: the bag ").contains(problem);
        Cli.Run json = verify(bag, "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.BAG_INVALID.code);
        assertThat(json.out())
                .contains(
                        "\"verdict\" : \"invalid\"",
                        "\"level\" : \"sealed\"",
                        problem.replace("'", "'"));
    }
}
