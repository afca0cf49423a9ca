package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/** open interrupted by SIGINT, or killed by SIGKILL, at several points: nothing is left at the destination. */
class SignalIT {
    static final Path KEYS = Proc.root().resolve("src/test/resources/keys");

    @TempDir
    static Path dir;
    static Path sealed;
    static long fullOpenMillis;

    @BeforeAll
    static void bigSealedFile() throws Exception {
        Path payload = dir.resolve("video.bin");
        assertThat(Proc.bash(dir, java.util.Map.of(), "head -c 200000000 /dev/urandom > video.bin").exit()).isZero();
        sealed = dir.resolve("big.sealed");
        Proc.Result r = Proc.sealpack(dir, "pack", payload.toString(), "--signer", KEYS.resolve("signer.key.asc").toString(),
                "--passphrase-file", KEYS.resolve("signer.passphrase").toString(),
                "--recipient", KEYS.resolve("recipient.cert.asc").toString(), "-o", sealed.toString(), "--home", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        Files.delete(payload);
        long start = System.nanoTime();
        Path out = dir.resolve("full");
        assertThat(start(out).waitFor()).isZero();
        fullOpenMillis = (System.nanoTime() - start) / 1_000_000;
        Proc.bash(dir, java.util.Map.of(), "rm -rf full");
    }

    static Process start(Path dest) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Proc.jar().toString(), "open", sealed.toString(), "--key", KEYS.resolve("recipient.key.asc").toString(),
                "--passphrase-file", KEYS.resolve("recipient.passphrase").toString(),
                "--signer", KEYS.resolve("signer.cert.asc").toString(), "-o", dest.toString(), "--home", dir.toString())
                .redirectOutput(new File("/dev/null")).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    static List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".sealpack-")).toList();
        }
    }

    int interruptAt(String signal, double fraction, Path dest) throws Exception {
        Process p = start(dest);
        Thread.sleep((long) (fullOpenMillis * fraction));
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void sigintAtSeveralPointsLeavesNothing() throws Exception {
        int interrupted = 0;
        for (double fraction : new double[] {0.2, 0.4, 0.6, 0.8}) {
            Path dest = dir.resolve("int-" + (int) (fraction * 100));
            int exit = interruptAt("INT", fraction, dest);
            if (exit == 0) {
                Proc.bash(dir, java.util.Map.of(), "rm -rf " + dest);
                continue;
            }
            interrupted++;
            assertThat(exit).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(dest).doesNotExist();
            assertThat(leftovers()).isEmpty();
        }
        assertThat(interrupted).as("runs actually interrupted (full open took " + fullOpenMillis + " ms)").isGreaterThanOrEqualTo(3);
    }

    @Test
    void sigkillLeavesNoDestinationAndTheNextRunErasesTheLeftover() throws Exception {
        int killed = 0;
        for (double fraction : new double[] {0.3, 0.5, 0.7}) {
            Path dest = dir.resolve("kill-" + (int) (fraction * 100));
            int exit = interruptAt("KILL", fraction, dest);
            if (exit == 0) {
                Proc.bash(dir, java.util.Map.of(), "rm -rf " + dest);
                continue;
            }
            killed++;
            assertThat(dest).doesNotExist();
        }
        assertThat(killed).isGreaterThanOrEqualTo(2);
        assertThat(leftovers()).as("a killed process cannot clean up").isNotEmpty();
        Path next = dir.resolve("after-kill");
        assertThat(start(next).waitFor()).isZero();
        assertThat(leftovers()).isEmpty();
        assertThat(next.resolve("data/video.bin")).exists();
    }
}
