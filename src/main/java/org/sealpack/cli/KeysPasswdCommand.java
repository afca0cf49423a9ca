package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.jobs.PassphraseSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

final class KeysPasswdCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    String id;
    final PassphraseOptions passphrase = new PassphraseOptions();
    Path newFile;
    boolean noPassphrase;

    KeysPasswdCommand() {
        spec.name("passwd");
        spec.usageMessage().description("Change the passphrase of a secret key in the keyring.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack keys passwd jane@example.org --passphrase-file jane.passphrase \\",
                        "    --new-passphrase-file jane.new-passphrase");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("ID")
                        .required(true)
                        .description(
                                "Full fingerprint, or a name or e-mail that matches one secret key.")
                        .type(String.class)
                        .build());
        passphrase.addTo(spec);
        spec.addOption(
                OptionSpec.builder("--new-passphrase-file")
                        .paramLabel("FILE")
                        .description(
                                "Read the new passphrase from FILE (default: asked twice at the terminal).")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--no-passphrase")
                        .description(
                                "Remove the passphrase: the secret key is then stored UNPROTECTED. Never the default.")
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        id = spec.positionalParameters().get(0).getValue();
        passphrase.readFrom(spec);
        newFile = spec.findOption("--new-passphrase-file").getValue();
        noPassphrase = Boolean.TRUE.equals(spec.findOption("--no-passphrase").getValue());
    }

    @Override
    public Integer call() {
        read();
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
