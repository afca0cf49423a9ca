package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/**
 * The interactive passphrase prompt, driven through a real pseudo-terminal (tmux): nothing typed is
 * echoed, a wrong passphrase gets two more tries, three wrong ones end with exit 11.
 */
class PromptIT {
    static final Path KEYS = Proc.root().resolve("src/test/resources/keys");
    final String socket = "sealpack-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @TempDir
    Path dir;

    Proc.Result tmux(String args) {
        return Proc.bash(dir, Map.of(), "tmux -L " + socket + " " + args);
    }

    String screen() {
        return tmux("capture-pane -p -S -100 -t sp").out();
    }

    void waitFor(String text, int expectedCount) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String s = screen();
            if (s.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= expectedCount) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never saw '" + text + "' x" + expectedCount + " on the screen:\n" + screen());
    }

    void type(String text) {
        assertThat(tmux("send-keys -t sp -l '" + text + "'").exit()).isZero();
        assertThat(tmux("send-keys -t sp Enter").exit()).isZero();
    }

    String start() {
        Path sealed = Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        String command = "java -jar " + Proc.jar() + " verify " + sealed + " --key " + KEYS.resolve("recipient.key.asc")
                + " --signer " + KEYS.resolve("signer.cert.asc") + " --home " + dir + "; echo EXIT=\\$?; sleep 60";
        assertThat(tmux("new-session -d -s sp -x 220 -y 60 \"" + command + "\"").exit()).isZero();
        return command;
    }

    @AfterEach
    void stop() {
        tmux("kill-server");
    }

    @Test
    void twoWrongPassphrasesThenTheRightOneAndNothingIsEchoed() throws Exception {
        start();
        waitFor("Passphrase for", 1);
        type("first-wrong-guess");
        waitFor("Passphrase for", 2);
        type("second-wrong-guess");
        waitFor("Passphrase for", 3);
        type("test-only-recipient");
        waitFor("EXIT=", 1);
        String s = screen();
        assertThat(s).contains("Wrong passphrase, try again.", "EXIT=0", "Verdict: GOOD")
                .doesNotContain("first-wrong-guess", "second-wrong-guess", "test-only-recipient");
    }

    @Test
    void threeWrongPassphrasesEndWithExit11() throws Exception {
        start();
        for (int i = 1; i <= 3; i++) {
            waitFor("Passphrase for", i);
            type("wrong-" + i);
        }
        waitFor("EXIT=", 1);
        String s = screen();
        assertThat(s).contains("EXIT=11", "wrong passphrase").doesNotContain("wrong-1", "wrong-2", "wrong-3");
    }
}
