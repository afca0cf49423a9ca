package org.sealpack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sealpack.cli.Main;

/**
 * The CLI's code run in-process (same parsing, failure handling and exit codes as the jar), and
 * vector side files.
 */
public final class Cli {
    private Cli() {}

    /** What one command line did. */
    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        // Every exit seen in the tests must be one the command's --help lists.
        if (!Main.exitCodesOf(args).contains(exit)) {
            throw new AssertionError(
                    "exit "
                            + exit
                            + " of '"
                            + String.join(" ", args)
                            + "' is not among the codes its"
                            + " --help lists: "
                            + Main.exitCodesOf(args)
                            + "; stderr: "
                            + err);
        }
        return new Run(exit, out.toString(), err.toString());
    }

    /** A vector's NAME.expect file: "label: value" lines, '#' comments. */
    public static Map<String, String> expectations(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && line.contains(": ")) {
                m.put(
                        line.substring(0, line.indexOf(": ")),
                        line.substring(line.indexOf(": ") + 2));
            }
        }
        return m;
    }
}
