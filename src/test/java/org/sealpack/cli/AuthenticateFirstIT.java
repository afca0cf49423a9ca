package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.spec.Pins;

/**
 * The jar, as users run it: a grafted file on a named pipe and on standard input is refused before
 * anything is decrypted, and leaves nothing; an anonymous ZLIB bomb is refused having written at
 * most 64 MiB (the process runs under a file-size limit of 64 MiB: a write beyond it would fail the
 * run with exit 5, so exit 25 shows the bound held first).
 */
class AuthenticateFirstIT {
    static final Path VECTORS = Proc.root().resolve("src/test/resources/conformance");

    @TempDir Path dir;

    static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.filter(p -> !p.getFileName().toString().equals("h")).toList())
                    .isEmpty();
        }
    }

    @Test
    @Pins("R1.20")
    void aGraftOnANamedPipeOrStandardInputIsRefusedAndLeavesNothing() throws IOException {
        Path graft = VECTORS.resolve("graft-donor-signature.sealed");
        Proc.Result fifo =
                Proc.bash(
                        dir,
                        Map.of(),
                        "mkfifo p && { cat "
                                + graft
                                + " > p & } && "
                                + Proc.javaJar()
                                + " open p"
                                + Proc.openKeys()
                                + " -o out; status=$?; rm p; exit $status");
        assertThat(fifo.exit()).as(fifo.err()).isEqualTo(ExitCode.BAD_SIGNATURE.code);
        assertThat(fifo.err()).contains("does not match the file").doesNotContain("Exception");
        Proc.Result stdin =
                Proc.bash(
                        dir,
                        Map.of(),
                        Proc.javaJar() + " open -" + Proc.openKeys() + " -o out < " + graft);
        assertThat(stdin.exit()).as(stdin.err()).isEqualTo(ExitCode.BAD_SIGNATURE.code);
        assertEmpty(dir);
    }

    @Test
    @Pins({"R8.5", "R9.1"})
    void anAnonymousZlibBombIsRefusedHavingWrittenAtMost64Mib() throws IOException {
        Proc.Result made =
                Proc.bash(
                        dir,
                        Map.of(),
                        "truncate -s 1024M zeros.bin && "
                                + Proc.javaJar()
                                + " pack zeros.bin --anonymous --compress"
                                + Proc.packKeys()
                                + " -o bomb.sealed && rm zeros.bin");
        assertThat(made.exit()).as(made.err()).isZero();
        long size = Files.size(dir.resolve("bomb.sealed"));
        assertThat(size)
                .as("a bomb: about a thousandth of what it inflates to")
                .isLessThan(1200L << 10);
        Files.createDirectories(dir.resolve("dest"));
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of(),
                        "ulimit -f 65536 && "
                                + Proc.javaJar()
                                + " open bomb.sealed"
                                + Proc.openKeys()
                                + " -o dest/out");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.UNSAFE_ARCHIVE.code);
        assertThat(r.err()).contains("decompression bomb");
        assertEmpty(dir.resolve("dest"));
        System.out.println(
                "anonymous ZLIB bomb of "
                        + size
                        + " bytes (1 GiB of zeros) refused under a 64 MiB file-size limit");
    }
}
