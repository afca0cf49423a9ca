package org.sealpack.cli;

import java.nio.file.Path;
import org.sealpack.jobs.PassphraseSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Where a secret key's passphrase comes from: never a plain command-line value. */
final class PassphraseOptions {
    Path file;
    String env;
    private PassphraseSource source;

    /** Adds these options to a command (in this order). */
    void addTo(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("--passphrase-file")
                        .paramLabel("FILE")
                        .description("Read the passphrase from the first line of FILE.")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--passphrase-env")
                        .paramLabel("NAME")
                        .description("Read the passphrase from the environment variable NAME.")
                        .type(String.class)
                        .build());
    }

    /** Takes their values from the command line just parsed. */
    void readFrom(CommandSpec spec) {
        file = spec.findOption("--passphrase-file").getValue();
        env = spec.findOption("--passphrase-env").getValue();
    }

    /** The one source of a run (a passphrase typed at the prompt is asked for once). */
    PassphraseSource source() {
        if (source == null) {
            source = PassphraseSource.of(file, env);
        }
        return source;
    }
}
