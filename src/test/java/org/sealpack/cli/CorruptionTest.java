package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.failure.ExitCode;

/**
 * Truncation at 64 evenly spaced lengths and single-byte changes at 256 evenly spaced offsets of a
 * sealed file, through the CLI code: every one fails with one line, a documented exit code (never
 * 0, never 1), no output and nothing at the destination.
 */
class CorruptionTest {
    static final Path KEYS = org.sealpack.Proc.testKeys();
    static final Set<Integer> DOCUMENTED =
            Arrays.stream(ExitCode.values()).map(c -> c.code).collect(Collectors.toSet());

    @TempDir static Path dir;
    static byte[] original;

    @BeforeAll
    static void seal() throws IOException {
        Path sealed = dir.resolve("original.sealed");
        Cli.Run r =
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
                        dir.resolve("home").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        original = Files.readAllBytes(sealed);
    }

    Cli.Run open(Path file, Path dest) {
        return Cli.run(
                "open",
                file.toString(),
                "--key",
                KEYS.resolve("recipient.key.asc").toString(),
                "--passphrase-file",
                KEYS.resolve("recipient.passphrase").toString(),
                "--signer",
                KEYS.resolve("signer.cert.asc").toString(),
                "-o",
                dest.toString(),
                "--home",
                dir.resolve("home").toString());
    }

    Cli.Run verify(Path file) {
        return Cli.run(
                "verify",
                file.toString(),
                "--signer",
                KEYS.resolve("signer.cert.asc").toString(),
                "--home",
                dir.resolve("home").toString());
    }

    /**
     * Each run fails cleanly, with an exit code of the class the change deserves: {@code allowed}
     * maps each acceptable exit code to words its message must hold.
     */
    void check(
            Path file,
            String what,
            TreeMap<Integer, Integer> codes,
            java.util.Map<Integer, String> allowed)
            throws IOException {
        Path dest = dir.resolve("dest");
        for (Cli.Run r : new Cli.Run[] {open(file, dest), verify(file)}) {
            assertThat(r.exit()).as(what + ": " + r.err()).isNotIn(0, 1).isIn(DOCUMENTED);
            assertThat(r.out()).as(what).isEmpty();
            assertThat(r.err().lines().count()).as(what + ": " + r.err()).isEqualTo(1);
            assertThat(r.err())
                    .as(what)
                    .startsWith("sealpack: error: ")
                    .doesNotContain("Exception", "\tat ");
            assertThat(allowed).as(what + ": the class of " + r.err()).containsKey(r.exit());
            assertThat(r.err()).as(what).containsAnyOf(allowed.get(r.exit()).split("\\|"));
            codes.merge(r.exit(), 1, Integer::sum);
        }
        assertThat(dest).as(what).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".sealpack-")).toList())
                    .as(what)
                    .isEmpty();
        }
    }

    @Test
    void sixtyFourTruncationsAllFailCleanly() throws IOException {
        TreeMap<Integer, Integer> codes = new TreeMap<>();
        Path file = dir.resolve("truncated.sealed");
        for (int i = 0; i < 64; i++) {
            int length = (int) ((long) original.length * i / 64);
            Files.write(file, Arrays.copyOf(original, length));
            check(
                    file,
                    "truncated to " + length,
                    codes,
                    java.util.Map.of(20, length == 0 ? "empty|not a sealed file" : "truncated"));
        }
        System.out.println("truncation exit codes: " + codes);
    }

    @Test
    void twoHundredFiftySixByteChangesAllFailCleanly() throws IOException {
        TreeMap<Integer, Integer> codes = new TreeMap<>();
        Path file = dir.resolve("changed.sealed");
        for (int i = 0; i < 256; i++) {
            int offset = (int) ((long) (original.length - 1) * i / 255);
            byte[] bytes = original.clone();
            bytes[offset] ^= (byte) (1 << (i % 8));
            Files.write(file, bytes);
            // Altered: a signature that does not match (21), the integrity tag (23), or a structure
            // the
            // change broke (20); never "not trusted" (22) nor "weak" (26) for a file that was
            // trusted.
            check(
                    file,
                    "byte " + offset + " changed",
                    codes,
                    java.util.Map.of(
                            21,
                            "altered",
                            23,
                            "altered",
                            20,
                            "altered|corrupt|not a sealed file|truncated"));
        }
        System.out.println("byte-change exit codes: " + codes);
    }
}
