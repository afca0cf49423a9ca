package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.OpenJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "open",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decrypt a sealed file, verify everything, and only then place the bag at DIR.",
            "Nothing appears at DIR unless every check passed."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack open statement.sealed --key keys/recipient.key.asc \\",
            "    --passphrase-file keys/recipient.passphrase \\",
            "    --signer keys/signer.cert.asc -o statement"
        })
final class OpenCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The sealed file, or - for standard input.")
    Path file;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description =
                    "Your secret key (file, fingerprint, or name in the keyring; gpg:SELECTOR for a key GnuPG "
                            + "holds, on a card too); repeat to try several. Default: every secret key in the keyring, "
                            + "then any key GnuPG's agent holds for a recipient.")
    List<String> keys;

    @Mixin TrustOptions trust;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "Where to place the opened bag (must not exist).")
    Path output;

    @Option(
            names = "--force",
            description =
                    "Replace DIR if it is a bag opened earlier with nothing added to it (never any other "
                            + "directory, nor the current one, a parent of it, your home or the keyring's).")
    boolean force;

    @Mixin PassphraseOptions passphrase;

    @Mixin LimitOptions limitOptions;

    @Mixin ReportOptions reporting;

    @Override
    public Integer call() {
        var request =
                new OpenJob.Request(
                        ReportOptions.input(file),
                        keys,
                        trust.signers,
                        output,
                        force,
                        passphrase.source(),
                        limitOptions.limits(),
                        reporting.receipt(spec));
        OpenJob.run(common.keys(), request, reporting.output(spec, common));
        return ExitCode.OK.code;
    }
}
