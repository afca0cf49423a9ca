package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A stream whose one-pass header names a key no trusted signer holds, followed by as many bytes
     * as the reader takes (up to 1 GiB), and a stream of zeros: each refused having read at most a
     * few MiB of it (what it takes is counted here, as the writer of its standard input), not
     * copied whole before the refusal (an attack run: 4 to 6 GB beside the destination in 8 s).
     */
    @Test
    @Pins("R1.20")
    void aStreamNamingAnUntrustedSignerOrNoSealedFileIsRefusedBeforeItIsCopied() throws Exception {
        byte[] onePass = {
            (byte) 0x90,
            0x0d,
            3,
            0x00,
            8,
            22,
            0x11,
            0x22,
            0x33,
            0x44,
            0x55,
            0x66,
            0x77,
            (byte) 0x88,
            1,
            (byte) 0xcb,
            (byte) 0xed,
            'b',
            0,
            0,
            0,
            0
        };
        for (byte[] start : List.of(onePass, new byte[0])) {
            Files.createDirectories(dir.resolve("dest"));
            List<String> command =
                    new ArrayList<>(
                            Proc.command(
                                    List.of(),
                                    "open",
                                    "-",
                                    "-o",
                                    dir.resolve("dest/out").toString()));
            command.addAll(List.of(Proc.openKeys().trim().split(" ")));
            Process p =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("err.txt").toFile())
                            .start();
            long written = 0;
            try (OutputStream in = p.getOutputStream()) {
                in.write(start);
                byte[] zeros = new byte[1 << 16];
                while (written < (1L << 30)) {
                    in.write(zeros);
                    written += zeros.length;
                }
            } catch (IOException stopped) {
                // the reader stopped reading: what it took is counted
            }
            int exit = p.waitFor();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(exit)
                    .as(err)
                    .isEqualTo(
                            start.length > 0
                                    ? ExitCode.UNTRUSTED_SIGNER.code
                                    : ExitCode.MALFORMED.code);
            assertThat(written).as("bytes the reader took").isLessThan(16L << 20);
            assertEmpty(dir.resolve("dest"));
        }
    }
}
