package org.sealpack.jobs;

import java.io.Console;
import org.sealpack.failure.CancelledException;

/** A question at the terminal that must be answered with one word before something is destroyed. */
final class Confirmation {
    private Confirmation() {}

    /** Whether there is a terminal to ask at. */
    static boolean possible() {
        return System.console() != null;
    }

    /**
     * Prints the lines, then asks for the word; anything else cancels (exit 130, nothing changed).
     * Without a terminal it does nothing: the caller decides what a script must give instead.
     */
    static void require(String word, String... lines) {
        Console console = System.console();
        if (console == null) {
            return;
        }
        for (String line : lines) {
            console.printf("%s%n", line);
        }
        String answer = console.readLine("Type '%s' to go on, anything else to stop: ", word);
        if (answer == null || !answer.strip().equals(word)) {
            throw new CancelledException("cancelled at the prompt: nothing was changed", null);
        }
    }
}
