package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.Tmux;

/**
 * Progress shows on a terminal (tmux) during a long pack (within its one file) and open, and never
 * in a pipe; Ctrl-C erases it and says that nothing was left behind. The sealed file comes through
 * a named pipe that the test feeds a little at a time until the line is on the screen, so the test
 * waits for what it wants to see, not for a time.
 */
class ProgressIT {
    /**
     * "opening 37% (222 of 600 MiB), 85 MiB/s, 5 s left": bytes, rate and time left; from a pipe,
     * whose size is not known, "opening 222 MiB, 85 MiB/s".
     */
    static final String LINE =
            "opening +(\\d+% \\(\\d+ of \\d+ MiB\\), \\d+ MiB/s, [0-9hmins ]+ left|\\d+ MiB, \\d+ MiB/s)";

    static final String SEALING =
            "sealing +\\d+% \\(\\d+ of 48 MiB\\), \\d+ MiB/s, [0-9hmins ]+ left";

    @TempDir static Path dir;
    static Path sealed;
    Tmux tmux;

    @BeforeAll
    static void bigFile() throws Exception {
        org.sealpack.Requires.tool("tmux", "apt-get install tmux");
        byte[] random = new byte[48 << 20];
        new java.util.Random(3).nextBytes(random);
        Files.write(dir.resolve("video.bin"), random);
        sealed = dir.resolve("big.sealed");
        Proc.Result r =
                Proc.sealpack(
                        dir, ("pack video.bin" + Proc.packKeys() + " -o " + sealed).split(" "));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as("no progress in a pipe").isEmpty();
    }

    @BeforeEach
    void terminal() {
        tmux = new Tmux(dir);
    }

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void progressAppearsOnATerminalAndNotInAPipe() throws Exception {
        Proc.Result piped =
                Proc.sealpack(dir, ("open " + sealed + Proc.openKeys() + " -o piped").split(" "));
        assertThat(piped.exit()).as(piped.toString()).isZero();
        assertThat(piped.err()).isEmpty();

        Path fifo = dir.resolve("fifo.sealed");
        assertThat(Proc.bash(dir, Map.of(), "mkfifo " + fifo).exit()).isZero();
        tmux.start(
                "cd "
                        + dir
                        + " && java -jar "
                        + Proc.jar()
                        + " open "
                        + fifo
                        + Proc.openKeys()
                        + " -o tty");
        byte[] bytes = Files.readAllBytes(sealed);
        int sent = 0;
        boolean seen = false;
        try (OutputStream out = Files.newOutputStream(fifo)) {
            while (sent < bytes.length) {
                int n = Math.min(64 << 10, bytes.length - sent);
                out.write(bytes, sent, n);
                out.flush();
                sent += n;
                if (!seen && tmux.screen().matches("(?s).*" + LINE + ".*")) {
                    seen = true;
                    assertThat(sent)
                            .as("the line appeared while the file was still being read")
                            .isLessThan(bytes.length);
                }
            }
        }
        tmux.waitFor("EXIT=");
        String screen = tmux.screen();
        assertThat(screen).contains("EXIT=0");
        assertThat(seen).as("a progress line was drawn while opening").isTrue();
        assertThat(screen).as("and erased when done").doesNotContainPattern(LINE);
    }

    @Test
    void packShowsProgressWithinItsOneFile() throws Exception {
        // The sealed file goes to a named pipe that the test drains a little at a time: pack is
        // held
        // inside the one 48 MiB file until the line is on the screen.
        Path fifo = dir.resolve("fifo.out");
        assertThat(Proc.bash(dir, Map.of(), "mkfifo " + fifo).exit()).isZero();
        tmux.start(
                "cd "
                        + dir
                        + " && java -jar "
                        + Proc.jar()
                        + " pack video.bin"
                        + Proc.packKeys()
                        + " -o - > "
                        + fifo);
        long read = 0;
        boolean seen = false;
        byte[] buffer = new byte[64 << 10];
        try (var in = Files.newInputStream(fifo)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
                if (!seen && tmux.screen().matches("(?s).*" + SEALING + ".*")) {
                    seen = true;
                    assertThat(read).as("the line appeared within the file").isLessThan(40L << 20);
                }
            }
        }
        tmux.waitFor("EXIT=");
        assertThat(tmux.screen()).contains("EXIT=0").doesNotContainPattern(SEALING);
        assertThat(seen).as("a progress line with bytes, rate and time left").isTrue();
    }

    @Test
    void ctrlCErasesTheLineAndSaysNothingWasLeftBehind() throws Exception {
        Path fifo = dir.resolve("cut.sealed");
        assertThat(Proc.bash(dir, Map.of(), "mkfifo " + fifo).exit()).isZero();
        tmux.start(
                "cd "
                        + dir
                        + " && java -jar "
                        + Proc.jar()
                        + " open "
                        + fifo
                        + Proc.openKeys()
                        + " -o cut");
        byte[] bytes = Files.readAllBytes(sealed);
        int sent = 0;
        try (OutputStream out = Files.newOutputStream(fifo)) {
            while (!tmux.screen().matches("(?s).*" + LINE + ".*")) {
                assertThat(sent).as("a progress line before the end").isLessThan(bytes.length / 2);
                out.write(bytes, sent, 64 << 10);
                out.flush();
                sent += 64 << 10;
            }
            tmux.key("C-c");
            tmux.waitFor("EXIT=");
        } catch (java.io.IOException closed) {
            tmux.waitFor("EXIT="); // sealpack is gone: the pipe has no reader
        }
        String screen = tmux.screen();
        assertThat(screen)
                .contains(
                        "EXIT=130",
                        "sealpack: interrupted; nothing was left behind (every temporary file was removed)");
        assertThat(screen).as("the progress line was erased").doesNotContainPattern(LINE);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no destination and no temporary directory")
                    .noneMatch(n -> n.contains("cut") && !n.equals("cut.sealed"));
        }
    }
}
