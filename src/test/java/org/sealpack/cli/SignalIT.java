package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Await;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;

/**
 * open interrupted by SIGINT, or killed by SIGKILL, at several points of its work: nothing is left
 * at the destination, an interrupt leaves nothing at all, and the next run erases what a kill left.
 * No timing: the sealed file comes through a pipe that this test feeds, so the run is held at a
 * known point (waiting for bytes the test has not sent yet), and the signal is sent once that point
 * is observed.
 */
class SignalIT {
    static final int PAYLOAD = 24 << 20;

    @TempDir static Path dir;
    static byte[] sealed;
    static byte[] anonymousSealed;

    @BeforeAll
    static void sealedFile() throws Exception {
        byte[] random = new byte[PAYLOAD];
        new java.util.Random(1).nextBytes(random);
        Files.write(dir.resolve("video.bin"), random);
        Path out = dir.resolve("big.sealed");
        Proc.Result r =
                Proc.sealpack(dir, ("pack video.bin" + Proc.packKeys() + " -o " + out).split(" "));
        assertThat(r.exit()).as(r.toString()).isZero();
        sealed = Files.readAllBytes(out);
        // A signed file read from a pipe is spooled (still encrypted) and authenticated before
        // anything is
        // decrypted, so a pipe holds it before extraction; an anonymous file is read as it comes,
        // so a
        // pipe holds its run within extraction (the same staging directory and clean-up).
        Path anonymous = dir.resolve("anonymous.sealed");
        r =
                Proc.sealpack(
                        dir,
                        ("pack video.bin --anonymous" + Proc.packKeys() + " -o " + anonymous)
                                .split(" "));
        assertThat(r.exit()).as(r.toString()).isZero();
        Files.delete(dir.resolve("video.bin"));
        anonymousSealed = Files.readAllBytes(anonymous);
    }

    /** Where the run is held when the signal comes. */
    enum Point {
        /** its staged entry made (the spool of a signed file from a pipe), nothing decrypted */
        STARTED,
        /** part of the payload written into the staging directory */
        EXTRACTING,
        /**
         * all but the last bytes of the file sent: the payload (nearly) written, the checks waiting
         * for the end
         */
        CHECKING
    }

    static List<Path> staging(Path where) throws IOException {
        try (Stream<Path> s = Files.list(where)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".sealpack-")).toList();
        }
    }

    static Optional<Path> payloadBeingWritten(Path where) throws IOException {
        for (Path p : staging(where)) {
            Path video = p.resolve("data/video.bin");
            if (p.toString().endsWith(".tmp") && Files.exists(video)) {
                return Optional.of(video);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts an open of the sealed file from a pipe, feeds it up to the point, and waits until the
     * run is there.
     */
    static Process heldAt(Point point, Path where) throws Exception {
        Files.createDirectories(where);
        // SIGINT as a terminal delivers it: a build started in the background of a shell without
        // job control
        // (`mvn verify &` in a script, CI runners) hands its children SIGINT ignored, and the JVM
        // then
        // keeps ignoring it (as under nohup), so the run would never end. Reset to the default for
        // the run.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(
                Proc.command(List.of(), ("open -" + Proc.openKeys() + " -o bag").split(" ")));
        Process p =
                new ProcessBuilder(command)
                        .directory(where.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(where.resolve("err.txt").toFile())
                        .start();
        OutputStream in = p.getOutputStream();
        byte[] file = point == Point.STARTED ? sealed : anonymousSealed;
        int fed =
                switch (point) {
                    case STARTED -> sealed.length / 3;
                    case EXTRACTING -> file.length / 3;
                    case CHECKING -> file.length - 64;
                };
        in.write(file, 0, fed);
        in.flush();
        Await.until("the run reaches " + point, () -> reached(point, where), p::isAlive);
        assertThat(ignoresSigint(p))
                .as("the run under test takes SIGINT as a terminal sends it")
                .isFalse();
        return p;
    }

    /** Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/PID/status). */
    static boolean ignoresSigint(Process p) throws IOException {
        String ignored =
                Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                        .filter(l -> l.startsWith("SigIgn:"))
                        .findFirst()
                        .orElseThrow()
                        .substring(7)
                        .trim();
        return (Long.parseUnsignedLong(ignored, 16) & (1L << (2 - 1))) != 0;
    }

    static boolean reached(Point point, Path where) throws IOException {
        return switch (point) {
            case STARTED -> staging(where).stream().anyMatch(s -> s.toString().endsWith(".tmp"));
            case EXTRACTING ->
                    payloadBeingWritten(where).map(v -> v.toFile().length() > 0).orElse(false);
            // The pipes between its threads hold back up to a few hundred KiB until more comes or
            // the end.
            case CHECKING ->
                    payloadBeingWritten(where)
                            .map(v -> v.toFile().length() >= PAYLOAD - (2 << 20))
                            .orElse(false);
        };
    }

    static int signal(Process p, String signal) throws Exception {
        assertThat(
                        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                                .start()
                                .waitFor())
                .isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        p.getOutputStream().close();
        return p.exitValue();
    }

    @ParameterizedTest
    @CsvSource({"STARTED", "EXTRACTING", "CHECKING"})
    void anInterruptLeavesNothing(Point point) throws Exception {
        Path where = dir.resolve("int-" + point);
        Process p = heldAt(point, where);
        assertThat(signal(p, "INT")).isEqualTo(ExitCode.INTERRUPTED.code);
        assertThat(where.resolve("bag")).doesNotExist();
        assertThat(staging(where))
                .as("an interrupted run erases its staging directory and its lock")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"STARTED", "EXTRACTING", "CHECKING"})
    void aKillLeavesNoDestinationAndTheNextRunErasesWhatItLeft(Point point) throws Exception {
        Path where = dir.resolve("kill-" + point);
        Process p = heldAt(point, where);
        assertThat(signal(p, "KILL")).isEqualTo(128 + 9);
        assertThat(where.resolve("bag")).doesNotExist();
        List<Path> left = new ArrayList<>(staging(where));
        assertThat(left).as("a killed process cannot clean up").isNotEmpty();
        Files.write(where.resolve("again.sealed"), sealed);
        Proc.Result next =
                Proc.sealpack(
                        where, ("open again.sealed" + Proc.openKeys() + " -o next").split(" "));
        assertThat(next.exit()).as(next.toString()).isZero();
        assertThat(staging(where)).isEmpty();
        assertThat(where.resolve("next/data/video.bin")).hasSize(PAYLOAD);
    }
}
