package org.sealpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands' models are built with picocli's programmatic API, not from annotations: reading
 * annotations made the JVM generate a proxy class per annotation type at every start (eight, with
 * the JDK's own on Object's methods, which picocli scans), and a model built from them cost the
 * example's pack, verify and open 20-30 ms each (50 ms of CPU). Each command builds its options in
 * its constructor, in the order --help lists them, and reads their values back in {@code read()}; a
 * group of options shared by commands adds itself ({@code addTo}) and reads itself back ({@code
 * readFrom}). The help, the errors, the man pages and the completion script are those the
 * annotations gave, byte for byte.
 */
final class Specs {
    private Specs() {}

    /** -h and -V, as picocli's mixinStandardHelpOptions adds them (last). */
    static void standardHelp(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help message and exit.")
                        .build());
        spec.addOption(
                OptionSpec.builder("-V", "--version")
                        .versionHelp(true)
                        .description("Print version information and exit.")
                        .build());
    }

    /** A subcommand under its own name. */
    static void subcommand(CommandSpec parent, CommandSpec sub) {
        parent.addSubcommand(sub.name(), new CommandLine(sub));
    }
}
