package org.sealpack.jobs;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.sealpack.failure.InputException;
import org.sealpack.failure.PassphraseException;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.seal.Passphrases;

/**
 * Where a secret key's passphrase comes from: the first line of a file, an environment variable, or
 * a prompt at the terminal without echo; never a plain command-line value.
 */
public final class PassphraseSource {
    private final Path file;
    private final String env;

    /**
     * What the prompt for a new passphrase says ("the new key", or "the new passphrase of KEY").
     */
    private String newPrompt = "Passphrase for the new key: ";

    /**
     * How the prompt to unlock a key starts ("Passphrase for ", or for keys passwd "Current
     * passphrase for ").
     */
    private String unlockPrompt = "Passphrase for ";

    /**
     * Passphrases typed at the prompt that unlocked a key, by fingerprint: each key is asked for
     * once per run (open with --sign-receipt by the same key decrypts, then signs the receipt, with
     * one prompt).
     */
    private final Map<String, char[]> typed = new HashMap<>();

    private PassphraseSource(Path file, String env) {
        this.file = file;
        this.env = env;
    }

    /** The file if given, else the variable if given, else the prompt. */
    public static PassphraseSource of(Path file, String env) {
        return new PassphraseSource(file, env);
    }

    /** Whether a file or a variable was named (not the prompt). */
    public boolean named() {
        return file != null || env != null;
    }

    PassphraseSource prompting(String prompt) {
        this.newPrompt = prompt;
        return this;
    }

    PassphraseSource promptingToUnlock(String start) {
        this.unlockPrompt = start;
        return this;
    }

    /**
     * A passphrase source for unlocking: the file, the variable, or a prompt without echo (three
     * tries).
     */
    Passphrases forUnlocking() {
        boolean interactive = file == null && env == null && System.console() != null;
        return new Passphrases() {
            /**
             * The key last asked for and not yet unlocked: asked again, its passphrase was wrong.
             */
            private String pending;

            @Override
            public char[] passphraseFor(KeyHandle key) {
                char[] known = typed.get(key.fingerprint());
                if (known != null) {
                    return known.clone();
                }
                if (interactive && key.fingerprint().equals(pending)) {
                    System.console().printf("Wrong passphrase, try again.%n");
                }
                pending = key.fingerprint();
                return obtain(key, false);
            }

            @Override
            public void unlocked(KeyHandle key, char[] passphrase) {
                pending = null;
                if (interactive) {
                    typed.putIfAbsent(key.fingerprint(), passphrase.clone());
                }
            }

            @Override
            public int attempts() {
                return interactive ? 3 : 1;
            }
        };
    }

    /**
     * The passphrase for a new key: the file, the variable, or a prompt asked twice. Never empty:
     * an unprotected key is made only with --no-passphrase, which does not call this.
     */
    char[] forNewKey() {
        return obtain(null, true);
    }

    private static final String EMPTY_HINT =
            "give a passphrase, or add --no-passphrase to leave the secret key "
                    + "unprotected on purpose";

    private char[] obtain(KeyHandle key, boolean confirm) {
        if (file != null) {
            return nonEmpty(fromFile(file), "the passphrase file " + file + " is empty", confirm);
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null) {
                throw new InputException(
                        "the environment variable " + env + " is not set",
                        "set it, or use --passphrase-file");
            }
            return nonEmpty(
                    value.toCharArray(), "the environment variable " + env + " is empty", confirm);
        }
        Console console = System.console();
        if (console == null) {
            throw new PassphraseException(
                    (key == null ? "a new key" : "the key " + key.describe())
                            + " needs a passphrase and there is no terminal to ask for it",
                    "give --passphrase-file FILE or --passphrase-env NAME");
        }
        String prompt = key == null ? newPrompt : unlockPrompt + key.description() + ": ";
        char[] first = console.readPassword("%s", prompt);
        if (first == null) {
            throw new PassphraseException(
                    "no passphrase was entered", "type the passphrase at the prompt");
        }
        nonEmpty(first, "no passphrase was entered", confirm);
        if (confirm) {
            char[] second = console.readPassword("%s", "Repeat the passphrase: ");
            if (second == null || !Arrays.equals(first, second)) {
                throw new PassphraseException(
                        "the two passphrases differ", "run the command again");
            }
        }
        return first;
    }

    private static char[] nonEmpty(char[] passphrase, String what, boolean forNewKey) {
        if (passphrase.length == 0) {
            throw new PassphraseException(
                    what, forNewKey ? EMPTY_HINT : "give the key's passphrase");
        }
        return passphrase;
    }

    /** The first line of the file, without a byte-order mark or a carriage return. */
    static char[] fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                // the byte-order mark some editors (Windows Notepad) write
                text = text.substring(1);
            }
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw new InputException("passphrase file not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the passphrase file " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
    }
}
