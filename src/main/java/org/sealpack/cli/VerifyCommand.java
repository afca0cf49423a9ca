package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.VerifyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check a sealed file without opening it, or an opened bag directory at rest.",
            "Without --key: the outer signature (origin and integrity of the whole file); no secret needed.",
            "With --key: also decrypts in memory and checks the bag signature, the intended recipients "
                    + "and every checksum. Nothing is written.",
            "Given a directory (an opened bag): its signature by a trusted signer, and the rules open used: "
                    + "every checksum, and nothing in the bag that its signature does not cover."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  sealpack verify statement.sealed --signer keys/signer.cert.asc",
            "  sealpack verify statement.sealed --signer keys/signer.cert.asc \\",
            "    --key keys/recipient.key.asc --passphrase-file keys/recipient.passphrase",
            "  sealpack verify statement.sealed --signer keys/signer.cert.asc \\",
            "    --receipt sender.md --sign-receipt keys/signer.key.asc \\",
            "    --passphrase-file keys/signer.passphrase --note 'checked before sending'"
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "FILE",
            description = "The sealed file (- for standard input), or an opened bag directory.")
    Path file;

    @Mixin TrustOptions trust;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description =
                    "Your secret key (file, fingerprint, or name in the keyring; gpg:SELECTOR for a key GnuPG "
                            + "holds), to check everything inside.")
    String key;

    @Mixin PassphraseOptions passphrase;

    @Mixin LimitOptions limitOptions;

    @Mixin ReportOptions reporting;

    @Override
    public Integer call() {
        var request =
                new VerifyJob.Request(
                        ReportOptions.input(file),
                        trust.signers,
                        key,
                        passphrase.source(),
                        limitOptions.limits(),
                        reporting.receipt(spec));
        VerifyJob.run(common.keys(), request, reporting.output(spec, common));
        return ExitCode.OK.code;
    }
}
