package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.VerifyJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class VerifyCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    Path file;
    final TrustOptions trust = new TrustOptions();
    String key;
    final PassphraseOptions passphrase = new PassphraseOptions();
    final LimitOptions limitOptions = new LimitOptions();
    final ReportOptions reporting = new ReportOptions();

    VerifyCommand() {
        spec.name("verify");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
                        "Check a sealed file without opening it, or an opened bag directory at rest.",
                        "Without --key: the outer signature (origin and integrity of the whole file); no secret needed.",
                        "With --key: also decrypts in memory and checks the bag signature, the intended recipients "
                                + "and every checksum. Nothing is written.",
                        "Given a directory (an opened bag): its signature by a trusted signer, and the rules open used: "
                                + "every checksum, and nothing in the bag that its signature does not cover.");
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack verify statement.sealed --signer keys/signer.cert.asc",
                        "  sealpack verify statement.sealed --signer keys/signer.cert.asc \\",
                        "    --key keys/recipient.key.asc --passphrase-file keys/recipient.passphrase",
                        "  sealpack verify statement.sealed --signer keys/signer.cert.asc \\",
                        "    --receipt sender.md --sign-receipt keys/signer.key.asc \\",
                        "    --passphrase-file keys/signer.passphrase --note 'checked before sending'");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("FILE")
                        .required(true)
                        .description(
                                "The sealed file (- for standard input), or an opened bag directory.")
                        .type(Path.class)
                        .build());
        trust.addTo(spec);
        spec.addOption(
                OptionSpec.builder("--key")
                        .paramLabel("KEY")
                        .description(
                                "Your secret key (file, fingerprint, or name in the keyring; gpg:SELECTOR for a key GnuPG "
                                        + "holds), to check everything inside.")
                        .type(String.class)
                        .build());
        passphrase.addTo(spec);
        limitOptions.addTo(spec);
        reporting.addTo(spec);
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        file = spec.positionalParameters().get(0).getValue();
        trust.readFrom(spec);
        key = spec.findOption("--key").getValue();
        passphrase.readFrom(spec);
        limitOptions.readFrom(spec);
        reporting.readFrom(spec);
    }

    @Override
    public Integer call() {
        read();
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
