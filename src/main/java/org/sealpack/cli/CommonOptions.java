package org.sealpack.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class CommonOptions {
    @Option(names = "--debug", description = "On failure, print the stack trace too.")
    boolean debug;
}
