package org.sealpack.cli;

import java.nio.file.Path;
import org.sealpack.jobs.PassphraseSource;
import picocli.CommandLine.Option;

/** Where a secret key's passphrase comes from: never a plain command-line value. */
final class PassphraseOptions {
    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE.")
    Path file;

    @Option(
            names = "--passphrase-env",
            paramLabel = "NAME",
            description = "Read the passphrase from the environment variable NAME.")
    String env;

    private PassphraseSource source;

    /** The one source of a run (a passphrase typed at the prompt is asked for once). */
    PassphraseSource source() {
        if (source == null) {
            source = PassphraseSource.of(file, env);
        }
        return source;
    }
}
