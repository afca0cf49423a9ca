package org.sealpack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/** Writes the bash completion script for the whole command tree (run by the build). */
public final class Completion {
    private Completion() {}

    public static void main(String[] args) throws IOException {
        var quiet = new PrintWriter(new StringWriter());
        Files.writeString(
                Path.of(args[0]), AutoComplete.bash("sealpack", Main.commandLine(quiet, quiet)));
    }
}
