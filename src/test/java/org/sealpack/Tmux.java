package org.sealpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real pseudo-terminal (a tmux session), for what sealpack does only at a terminal: prompts
 * without echo, confirmations, the progress line. Tests wait for text to appear on the screen (an
 * observed event), never for a time.
 */
public final class Tmux implements AutoCloseable {
    private final Path dir;
    private final String socket =
            "sealpack-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    public Tmux(Path dir) {
        Requires.tool("tmux", "apt-get install tmux");
        this.dir = dir;
    }

    private Proc.Result tmux(String args) {
        return Proc.bash(dir, Map.of(), "tmux -L " + socket + " " + args);
    }

    /** Starts the shell command line in a new 220x60 terminal; it prints EXIT=code when it ends. */
    public void start(String commandLine) {
        String command = commandLine + "; echo EXIT=\\$?; sleep 600";
        assertThat(tmux("new-session -d -s sp -x 220 -y 60 \"" + command + "\"").exit()).isZero();
    }

    public String screen() {
        return tmux("capture-pane -p -S -100 -t sp").out();
    }

    /** Waits until the text is on the screen at least that many times. */
    public void waitFor(String text, int count) throws Exception {
        try {
            Await.until(
                    "'" + text + "' x" + count + " on the screen",
                    () ->
                            screen().split(java.util.regex.Pattern.quote(text), -1).length - 1
                                    >= count);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ":\n" + screen(), e);
        }
    }

    public void waitFor(String text) throws Exception {
        waitFor(text, 1);
    }

    /** Types the text and Enter. */
    public void type(String text) {
        assertThat(tmux("send-keys -t sp -l '" + text + "'").exit()).isZero();
        assertThat(tmux("send-keys -t sp Enter").exit()).isZero();
    }

    /** Sends a key by tmux's name for it (C-c for Ctrl-C). */
    public void key(String name) {
        assertThat(tmux("send-keys -t sp " + name).exit()).isZero();
    }

    @Override
    public void close() {
        tmux("kill-server");
    }
}
