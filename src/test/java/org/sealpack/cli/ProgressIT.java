package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/** Progress shows on a terminal (tmux) during a long open, and never in a pipe. */
class ProgressIT {
    static final Path KEYS = Proc.root().resolve("src/test/resources/keys");
    final String socket = "sealpack-progress-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @TempDir
    static Path dir;
    static Path sealed;

    @BeforeAll
    static void bigFile() {
        assertThat(Proc.bash(dir, Map.of(), "head -c 300000000 /dev/urandom > video.bin").exit()).isZero();
        sealed = dir.resolve("big.sealed");
        Proc.Result r = Proc.sealpack(dir, "pack", dir.resolve("video.bin").toString(),
                "--signer", KEYS.resolve("signer.key.asc").toString(), "--passphrase-file", KEYS.resolve("signer.passphrase").toString(),
                "--recipient", KEYS.resolve("recipient.cert.asc").toString(), "-o", sealed.toString(), "--home", dir.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as("no progress in a pipe").isEmpty();
    }

    @AfterEach
    void stop() {
        Proc.bash(dir, Map.of(), "tmux -L " + socket + " kill-server");
    }

    String[] open(Path out) {
        return new String[] {"open", sealed.toString(), "--key", KEYS.resolve("recipient.key.asc").toString(),
                "--passphrase-file", KEYS.resolve("recipient.passphrase").toString(),
                "--signer", KEYS.resolve("signer.cert.asc").toString(), "-o", out.toString(), "--home", dir.toString()};
    }

    @Test
    void progressAppearsOnATerminalAndNotInAPipe() throws Exception {
        Proc.Result piped = Proc.sealpack(dir, open(dir.resolve("piped")));
        assertThat(piped.exit()).as(piped.toString()).isZero();
        assertThat(piped.err()).isEmpty();

        String command = "java -jar " + Proc.jar() + " " + String.join(" ", open(dir.resolve("tty"))) + "; echo EXIT=\\$?; sleep 60";
        assertThat(Proc.bash(dir, Map.of(), "tmux -L " + socket + " new-session -d -s sp -x 200 -y 50 \"" + command + "\"").exit()).isZero();
        boolean seen = false;
        String screen = "";
        for (int i = 0; i < 600 && !screen.contains("EXIT="); i++) {
            screen = Proc.bash(dir, Map.of(), "tmux -L " + socket + " capture-pane -p -t sp").out();
            seen |= screen.matches("(?s).*opening +\\d+% \\(\\d+ of \\d+ MiB\\).*");
            Thread.sleep(50);
        }
        assertThat(screen).contains("EXIT=0");
        assertThat(seen).as("a progress line was drawn while opening").isTrue();
        assertThat(screen).as("and erased when done").doesNotContainPattern("opening +\\d+%");
    }
}
