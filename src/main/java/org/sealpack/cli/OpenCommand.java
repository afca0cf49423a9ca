package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.OpenJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class OpenCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    Path file;
    List<String> keys;
    final TrustOptions trust = new TrustOptions();
    Path output;
    boolean force;
    final PassphraseOptions passphrase = new PassphraseOptions();
    final LimitOptions limitOptions = new LimitOptions();
    final ReportOptions reporting = new ReportOptions();

    OpenCommand() {
        spec.name("open");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
                        "Decrypt a sealed file, verify everything, and only then place the bag at DIR.",
                        "Nothing appears at DIR unless every check passed.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack open statement.sealed --key keys/recipient.key.asc \\",
                        "    --passphrase-file keys/recipient.passphrase \\",
                        "    --signer keys/signer.cert.asc -o statement");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("FILE")
                        .required(true)
                        .description("The sealed file, or - for standard input.")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--key")
                        .paramLabel("KEY")
                        .description(
                                "Your secret key (file, fingerprint, or name in the keyring; gpg:SELECTOR for a key GnuPG "
                                        + "holds, on a card too); repeat to try several. Default: every secret key in the keyring, "
                                        + "then any key GnuPG's agent holds for a recipient.")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .build());
        trust.addTo(spec);
        spec.addOption(
                OptionSpec.builder("-o", "--output")
                        .paramLabel("DIR")
                        .required(true)
                        .description("Where to place the opened bag (must not exist).")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--force")
                        .description(
                                "Replace DIR if it is a bag opened earlier with nothing added to it (never any other "
                                        + "directory, nor the current one, a parent of it, your home or the keyring's).")
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
        keys = spec.findOption("--key").getValue();
        trust.readFrom(spec);
        output = spec.findOption("-o").getValue();
        force = Boolean.TRUE.equals(spec.findOption("--force").getValue());
        passphrase.readFrom(spec);
        limitOptions.readFrom(spec);
        reporting.readFrom(spec);
    }

    @Override
    public Integer call() {
        read();
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
