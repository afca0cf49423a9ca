package org.sealpack.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.sealpack.jobs.KeySources;
import org.sealpack.seal.Home;
import org.sealpack.text.Untrusted;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Options every command has. */
final class CommonOptions {
    boolean debug;
    boolean quiet;
    Path home;
    private KeySources keys;

    /** Adds these options to a command (in this order). */
    void addTo(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("--debug")
                        .description("On failure, print the stack trace too.")
                        .build());
        spec.addOption(
                OptionSpec.builder("-q", "--quiet")
                        .description(
                                "Print nothing but errors and what --json asks for (the exit code still tells the verdict).")
                        .build());
        spec.addOption(
                OptionSpec.builder("--home")
                        .paramLabel("DIR")
                        .description("The keyring's directory (default: " + Home.DEFAULT + ").")
                        .type(Path.class)
                        .build());
    }

    /** Takes their values from the command line just parsed. */
    void readFrom(CommandSpec spec) {
        debug = Boolean.TRUE.equals(spec.findOption("--debug").getValue());
        quiet = Boolean.TRUE.equals(spec.findOption("-q").getValue());
        home = spec.findOption("--home").getValue();
    }

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
