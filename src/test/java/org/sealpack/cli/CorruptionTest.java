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

/**
 * Truncation at 64 evenly spaced lengths and single-byte changes at 256 evenly spaced offsets of a
 * sealed file, through the CLI code: every one fails with one line, a documented exit code (never 0,
 * never 1), no output and nothing at the destination.
 */
class CorruptionTest {
    static final Path KEYS = org.sealpack.Proc.testKeys();
    static final Set<Integer> DOCUMENTED = Arrays.stream(ExitCodes.TABLE)
            .map(l -> Integer.parseInt(l.trim().split(" ")[0])).collect(Collectors.toSet());

    @TempDir
    static Path dir;
    static byte[] original;

    @BeforeAll
    static void seal() throws IOException {
        Path sealed = dir.resolve("original.sealed");
        Cli.Run r = Cli.run("pack", "examples/statement.txt", "--metadata", "examples/statement.metadata",
                "--signer", KEYS.resolve("signer.key.asc").toString(),
                "--passphrase-file", KEYS.resolve("signer.passphrase").toString(),
                "--recipient", KEYS.resolve("recipient.cert.asc").toString(), "-o", sealed.toString(),
                "--home", dir.resolve("home").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        original = Files.readAllBytes(sealed);
    }

    Cli.Run open(Path file, Path dest) {
        return Cli.run("open", file.toString(), "--key", KEYS.resolve("recipient.key.asc").toString(),
                "--passphrase-file", KEYS.resolve("recipient.passphrase").toString(),
                "--signer", KEYS.resolve("signer.cert.asc").toString(), "-o", dest.toString(),
                "--home", dir.resolve("home").toString());
    }

    Cli.Run verify(Path file) {
        return Cli.run("verify", file.toString(), "--signer", KEYS.resolve("signer.cert.asc").toString(),
                "--home", dir.resolve("home").toString());
    }

    void check(Path file, String what, TreeMap<Integer, Integer> codes) throws IOException {
        Path dest = dir.resolve("dest");
        for (Cli.Run r : new Cli.Run[] {open(file, dest), verify(file)}) {
            assertThat(r.exit()).as(what + ": " + r.err()).isNotIn(0, 1).isIn(DOCUMENTED);
            assertThat(r.out()).as(what).isEmpty();
            assertThat(r.err().lines().count()).as(what + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).as(what).startsWith("sealpack: error: ").doesNotContain("Exception", "\tat ");
            codes.merge(r.exit(), 1, Integer::sum);
        }
        assertThat(dest).as(what).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".sealpack-")).toList()).as(what).isEmpty();
        }
    }

    @Test
    void sixtyFourTruncationsAllFailCleanly() throws IOException {
        TreeMap<Integer, Integer> codes = new TreeMap<>();
        Path file = dir.resolve("truncated.sealed");
        for (int i = 0; i < 64; i++) {
            int length = (int) ((long) original.length * i / 64);
            Files.write(file, Arrays.copyOf(original, length));
            check(file, "truncated to " + length, codes);
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
            check(file, "byte " + offset + " changed", codes);
        }
        System.out.println("byte-change exit codes: " + codes);
    }
}
