package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.Tmux;

/**
 * The interactive passphrase prompt, driven through a real pseudo-terminal (tmux): nothing typed is
 * echoed, a wrong passphrase gets two more tries, three wrong ones end with exit 11.
 */
class PromptIT {
    static final Path KEYS = Proc.testKeys();

    @TempDir Path dir;
    Tmux tmux;

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

    void start() {
        Path sealed = Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        tmux.start(
                Proc.javaJar()
                        + " verify "
                        + sealed
                        + " --key "
                        + KEYS.resolve("recipient.key.asc")
                        + " --signer "
                        + KEYS.resolve("signer.cert.asc")
                        + " --home "
                        + dir);
    }

    @Test
    void twoWrongPassphrasesThenTheRightOneAndNothingIsEchoed() throws Exception {
        start();
        tmux.waitFor("Passphrase for", 1);
        tmux.type("first-wrong-guess");
        tmux.waitFor("Passphrase for", 2);
        tmux.type("second-wrong-guess");
        tmux.waitFor("Passphrase for", 3);
        tmux.type("test-only-recipient");
        tmux.waitFor("EXIT=", 1);
        String s = tmux.screen();
        assertThat(s)
                .contains("Wrong passphrase, try again.", "EXIT=0", "Verdict: GOOD")
                .doesNotContain("first-wrong-guess", "second-wrong-guess", "test-only-recipient");
    }

    /**
     * open decrypts with a key, then signs the receipt with the same key: its passphrase is asked
     * once.
     */
    @Test
    void theSameKeysPassphraseIsAskedOncePerRun() throws Exception {
        Path sealed = Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        tmux.start(
                Proc.javaJar()
                        + " open "
                        + sealed
                        + " --key "
                        + KEYS.resolve("recipient.key.asc")
                        + " --signer "
                        + KEYS.resolve("signer.cert.asc")
                        + " -o "
                        + dir.resolve("opened")
                        + " --receipt "
                        + dir.resolve("receipt.md")
                        + " --sign-receipt "
                        + KEYS.resolve("recipient.key.asc")
                        + " --home "
                        + dir);
        tmux.waitFor("Passphrase for", 1);
        tmux.type("test-only-recipient");
        tmux.waitFor("EXIT=", 1);
        String s = tmux.screen();
        assertThat(s).contains("EXIT=0").doesNotContain("test-only-recipient", "Wrong passphrase");
        assertThat(s.split("Passphrase for", -1)).as("one prompt: " + s).hasSize(2);
        assertThat(dir.resolve("receipt.md.asc")).exists();
    }

    @Test
    void threeWrongPassphrasesEndWithExit11() throws Exception {
        start();
        for (int i = 1; i <= 3; i++) {
            tmux.waitFor("Passphrase for", i);
            tmux.type("wrong-" + i);
        }
        tmux.waitFor("EXIT=", 1);
        String s = tmux.screen();
        assertThat(s)
                .contains("EXIT=11", "wrong passphrase")
                .doesNotContain("wrong-1", "wrong-2", "wrong-3");
    }

    /**
     * Enter twice at the prompt for a new key's passphrase makes no unprotected key: it is refused.
     */
    @Test
    void anEmptyPassphraseAtThePromptIsRefused() throws Exception {
        tmux.start(Proc.javaJar() + " keys generate --name Jane --home " + dir.resolve("home"));
        tmux.waitFor("Passphrase for the new key");
        tmux.type("");
        tmux.waitFor("EXIT=");
        assertThat(tmux.screen())
                .contains(
                        "sealpack: error: no passphrase was entered. hint: give a passphrase, or add "
                                + "--no-passphrase",
                        "EXIT=11");
        assertThat(dir.resolve("home")).doesNotExist();
    }

    /**
     * keys revoke and keys delete at a terminal: they say what they will do and need the word
     * typed.
     */
    @Test
    void revokeAndDeleteAskForConfirmationAtATerminal() throws Exception {
        Path home = dir.resolve("home");
        assertThat(
                        Proc.sealpack(
                                        dir,
                                        "keys",
                                        "import",
                                        KEYS.resolve("other.key.asc").toString(),
                                        "--home",
                                        home.toString())
                                .exit())
                .isZero();
        byte[] before = java.nio.file.Files.readAllBytes(home.resolve("keyring.pgp"));
        String revoke =
                Proc.javaJar()
                        + " keys revoke other@test.sealpack.invalid --reason compromised --passphrase-file "
                        + KEYS.resolve("other.passphrase")
                        + " --home "
                        + home;
        tmux.start(revoke);
        tmux.waitFor("Type 'revoke' to go on");
        assertThat(tmux.screen())
                .contains("as 'compromised'", "This voids EVERY signature the key ever made");
        tmux.type("no");
        tmux.waitFor("EXIT=");
        assertThat(tmux.screen())
                .contains(
                        "sealpack: error: cancelled at the prompt: nothing was changed",
                        "EXIT=130");
        assertThat(java.nio.file.Files.readAllBytes(home.resolve("keyring.pgp"))).isEqualTo(before);
        tmux.close();

        tmux = new Tmux(dir);
        tmux.start(Proc.javaJar() + " keys delete other --secret --home " + home);
        tmux.waitFor("Type 'delete' to go on");
        assertThat(tmux.screen()).contains("This deletes your SECRET KEY too");
        tmux.type("delete");
        tmux.waitFor("EXIT=");
        assertThat(tmux.screen())
                .contains("deleted A252 9FF8 D6A9 CE22 6582  73F4 CA31 9515 4BB8 B663", "EXIT=0");
    }

    /**
     * keys passwd asks for the current passphrase, then the new one twice, each prompt saying
     * which.
     */
    @Test
    void passwdAsksForTheCurrentThenTheNewPassphrase() throws Exception {
        Path home = dir.resolve("passwd-home");
        assertThat(
                        Proc.sealpack(
                                        dir,
                                        "keys",
                                        "import",
                                        KEYS.resolve("other.key.asc").toString(),
                                        "--home",
                                        home.toString())
                                .exit())
                .isZero();
        tmux.start(Proc.javaJar() + " keys passwd other --home " + home);
        tmux.waitFor("Current passphrase for");
        tmux.type("test-only-other");
        tmux.waitFor("New passphrase for");
        tmux.type("a-new-one");
        tmux.waitFor("Repeat the passphrase:");
        tmux.type("a-new-one");
        tmux.waitFor("EXIT=");
        assertThat(tmux.screen())
                .contains("changed the passphrase of ", "EXIT=0")
                .doesNotContain("Passphrase for the new key", "test-only-other", "a-new-one");
    }

    /** Ctrl-C at a prompt: one line, exit 130, and no keyring made. */
    @Test
    void ctrlCAtAPromptSaysNothingWasLeftBehind() throws Exception {
        tmux.start(Proc.javaJar() + " keys generate --name Jane --home " + dir.resolve("cut-home"));
        tmux.waitFor("Passphrase for the new key");
        tmux.key("C-c");
        tmux.waitFor("EXIT=");
        assertThat(tmux.screen())
                .contains("sealpack: interrupted; nothing was left behind", "EXIT=130");
        assertThat(dir.resolve("cut-home")).doesNotExist();
    }
}
