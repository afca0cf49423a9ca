package org.sealpack.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shell recipes of docs/FORMAT.md, Appendix C, as they stand there: tests run them, not copies.
 */
final class Recipes {
    static final Path FORMAT = Path.of("docs/FORMAT.md");

    private Recipes() {}

    /** The {@code n}-th (from 0) ```sh block after the heading that starts with {@code heading}. */
    static String block(String heading, int n) {
        try {
            String text = Files.readString(FORMAT);
            int at = text.indexOf("\n" + heading);
            if (at < 0) {
                throw new IllegalArgumentException("no heading " + heading + " in " + FORMAT);
            }
            for (int i = 0; ; i++) {
                int start = text.indexOf("\n```sh\n", at) + 7;
                int end = text.indexOf("\n```\n", start);
                if (i == n) {
                    return text.substring(start, end + 1);
                }
                at = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The block with the line that sets {@code variable} (its first assignment) replaced. */
    static String with(String script, String line, String replacement) {
        if (!script.contains(line)) {
            throw new IllegalArgumentException("the recipe has no line '" + line + "'");
        }
        return script.replace(line, replacement);
    }
}
