package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.CustodyJob;
import org.sealpack.jobs.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check the receipts of a sealed file (or of the bag opened from it) and print its chain of "
                    + "custody as a timeline: who checked or carried which copy when, what was checked, the verdict.",
            "An opened bag is first checked in full at rest, as `verify DIR` does. Each receipt must be given once, "
                    + "signed (FILE.asc beside it) by a trusted custodian and unaltered, made when its signature says, name "
                    + "this file (an opened bag: its tag manifest), and report no failure; each link (--after) must point at a "
                    + "receipt given, and no time may go backwards along a link. A return copy (FILE.pgp) is decrypted with "
                    + "--key or the keyring's secret keys and its signature checked. The first break is named; its exit code "
                    + "says which kind (40 to 47).",
            "A chain shows the receipts given: it cannot show that none is missing after the last hand."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack custody check statement.sealed sender.md \\",
            "    --signer keys/signer.cert.asc"
        })
final class CustodyCheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Mixin TrustOptions trust;

    @Parameters(
            index = "0",
            paramLabel = "FILE-OR-DIR",
            description = "The sealed file, or the bag `open` made from it.")
    Path target;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "RECEIPT",
            description =
                    "The receipts, in any order: R.md (with R.md.asc beside it) or a return copy R.md.pgp as it arrived.")
    List<Path> receipts;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description =
                    "Your secret key, to decrypt return copies (FILE.pgp); repeatable. Default: every secret key in"
                            + " the keyring.")
    List<String> keys;

    @Mixin PassphraseOptions passphrase;

    @Option(
            names = "--json",
            description =
                    "Print one JSON document (docs/sealpack.schema.json) instead of the timeline.")
    boolean json;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Also write the timeline as a printable Markdown report.")
    Path report;

    @Override
    public Integer call() {
        var request =
                new CustodyJob.Request(
                        target, receipts, trust.signers, keys, passphrase.source(), report);
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        CustodyJob.run(common.keys(), request, out);
        return ExitCode.OK.code;
    }
}
