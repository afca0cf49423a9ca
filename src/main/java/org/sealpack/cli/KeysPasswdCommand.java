package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.jobs.PassphraseSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "passwd",
        mixinStandardHelpOptions = true,
        description = "Change the passphrase of a secret key in the keyring.",
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack keys passwd jane@example.org --passphrase-file jane.passphrase \\",
            "    --new-passphrase-file jane.new-passphrase"
        })
final class KeysPasswdCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "ID",
            description = "Full fingerprint, or a name or e-mail that matches one secret key.")
    String id;

    @Mixin PassphraseOptions passphrase;

    @Option(
            names = "--new-passphrase-file",
            paramLabel = "FILE",
            description =
                    "Read the new passphrase from FILE (default: asked twice at the terminal).")
    Path newFile;

    @Option(
            names = "--no-passphrase",
            description =
                    "Remove the passphrase: the secret key is then stored UNPROTECTED. Never the default.")
    boolean noPassphrase;

    @Override
    public Integer call() {
        if (noPassphrase && newFile != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--no-passphrase and --new-passphrase-file contradict each other");
        }
        String key =
                KeyJobs.changePassphrase(
                        common.keys(),
                        id,
                        passphrase.source(),
                        noPassphrase ? null : PassphraseSource.of(newFile, null));
        common.out(spec)
                .println(
                        noPassphrase
                                ? "removed the passphrase of "
                                        + key
                                        + ": its secret key is now UNPROTECTED"
                                : "changed the passphrase of " + key);
        return ExitCode.OK.code;
    }
}
