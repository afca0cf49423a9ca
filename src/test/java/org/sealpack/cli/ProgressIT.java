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
 * Progress shows on a terminal (tmux) during a long open, and never in a pipe. The sealed file comes
 * through a named pipe that the test feeds a little at a time until the line is on the screen, so the
 * test waits for what it wants to see, not for a time.
 */
class ProgressIT {
    static final String LINE = "opening +(\\d+% \\(\\d+ of \\d+ MiB\\)|\\d+ MiB)";

    @TempDir
    static Path dir;
    static Path sealed;
    Tmux tmux;

    @BeforeAll
    static void bigFile() throws Exception {
        org.sealpack.Requires.tool("tmux", "apt-get install tmux");
        byte[] random = new byte[48 << 20];
        new java.util.Random(3).nextBytes(random);
        Files.write(dir.resolve("video.bin"), random);
        sealed = dir.resolve("big.sealed");
        Proc.Result r = Proc.sealpack(dir, ("pack video.bin" + Proc.packKeys() + " -o " + sealed).split(" "));
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
        Proc.Result piped = Proc.sealpack(dir, ("open " + sealed + Proc.openKeys() + " -o piped").split(" "));
        assertThat(piped.exit()).as(piped.toString()).isZero();
        assertThat(piped.err()).isEmpty();

        Path fifo = dir.resolve("fifo.sealed");
        assertThat(Proc.bash(dir, Map.of(), "mkfifo " + fifo).exit()).isZero();
        tmux.start("cd " + dir + " && java -jar " + Proc.jar() + " open " + fifo + Proc.openKeys() + " -o tty");
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
                    assertThat(sent).as("the line appeared while the file was still being read").isLessThan(bytes.length);
                }
            }
        }
        tmux.waitFor("EXIT=");
        String screen = tmux.screen();
        assertThat(screen).contains("EXIT=0");
        assertThat(seen).as("a progress line was drawn while opening").isTrue();
        assertThat(screen).as("and erased when done").doesNotContainPattern(LINE);
    }
}
