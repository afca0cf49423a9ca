package org.sealpack.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.sealpack.jobs.KeySources;
import org.sealpack.seal.Home;
import org.sealpack.text.Untrusted;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every command has. */
final class CommonOptions {
    @Option(names = "--debug", description = "On failure, print the stack trace too.")
    boolean debug;

    @Option(
            names = {"-q", "--quiet"},
            description =
                    "Print nothing but errors and what --json asks for (the exit code still tells the verdict).")
    boolean quiet;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "The keyring's directory (default: " + Home.DEFAULT + ").")
    Path home;

    private KeySources keys;

    /** Where a command prints its report: stdout, or nowhere with --quiet. */
    PrintWriter out(CommandSpec spec) {
        return quiet ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getOut();
    }

    /**
     * Tells the user, on stderr, of things done beside the output (an interrupted run cleaned up).
     */
    static Consumer<String> notices(CommandSpec spec) {
        return text -> {
            spec.commandLine().getErr().println("sealpack: note: " + Untrusted.of(text));
            spec.commandLine().getErr().flush();
        };
    }

    /** The keyring and the other key sources, the keyring opened on first use. */
    KeySources keys() {
        if (keys == null) {
            keys = KeySources.at(home);
        }
        return keys;
    }
}
