package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.CustodyJob;
import org.sealpack.jobs.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class CustodyCheckCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    final TrustOptions trust = new TrustOptions();
    Path target;
    List<Path> receipts;
    List<String> keys;
    final PassphraseOptions passphrase = new PassphraseOptions();
    boolean json;
    Path report;

    CustodyCheckCommand() {
        spec.name("check");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
                        "Check the receipts of a sealed file (or of the bag opened from it) and print its chain of "
                                + "custody as a timeline: who checked or carried which copy when, what was checked, the verdict.",
                        "An opened bag is first checked in full at rest, as `verify DIR` does. Each receipt must be given once, "
                                + "signed (FILE.asc beside it) by a trusted custodian and unaltered, made when its signature says, name "
                                + "this file (an opened bag: its tag manifest), and report no failure; each link (--after) must point at a "
                                + "receipt given, and no time may go backwards along a link. A return copy (FILE.pgp) is decrypted with "
                                + "--key or the keyring's secret keys and its signature checked. The first break is named; its exit code "
                                + "says which kind (40 to 47).",
                        "A chain shows the receipts given: it cannot show that none is missing after the last hand.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack custody check statement.sealed sender.md \\",
                        "    --signer keys/signer.cert.asc");
        common.addTo(spec);
        trust.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .index("0")
                        .paramLabel("FILE-OR-DIR")
                        .required(true)
                        .description("The sealed file, or the bag `open` made from it.")
                        .type(Path.class)
                        .build());
        spec.addPositional(
                PositionalParamSpec.builder()
                        .index("1..*")
                        .paramLabel("RECEIPT")
                        .arity("1..*")
                        .required(true)
                        .description(
                                "The receipts, in any order: R.md (with R.md.asc beside it) or a return copy R.md.pgp as it arrived.")
                        .type(List.class)
                        .auxiliaryTypes(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--key")
                        .paramLabel("KEY")
                        .description(
                                "Your secret key, to decrypt return copies (FILE.pgp); repeatable. Default: every secret key in"
                                        + " the keyring.")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .build());
        passphrase.addTo(spec);
        spec.addOption(
                OptionSpec.builder("--json")
                        .description(
                                "Print one JSON document (docs/sealpack.schema.json) instead of the timeline.")
                        .build());
        spec.addOption(
                OptionSpec.builder("--report")
                        .paramLabel("FILE")
                        .description("Also write the timeline as a printable Markdown report.")
                        .type(Path.class)
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        trust.readFrom(spec);
        target = spec.positionalParameters().get(0).getValue();
        receipts = spec.positionalParameters().get(1).getValue();
        keys = spec.findOption("--key").getValue();
        passphrase.readFrom(spec);
        json = Boolean.TRUE.equals(spec.findOption("--json").getValue());
        report = spec.findOption("--report").getValue();
    }

    @Override
    public Integer call() {
        read();
        var request =
                new CustodyJob.Request(
                        target, receipts, trust.signers, keys, passphrase.source(), report);
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        CustodyJob.run(common.keys(), request, out);
        return ExitCode.OK.code;
    }
}
