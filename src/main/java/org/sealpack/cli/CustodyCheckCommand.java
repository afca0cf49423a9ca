package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
import org.sealpack.custody.ChainReport;
import org.sealpack.custody.Custody;
import org.sealpack.custody.SignedReceipt;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SecretKey;
import org.sealpack.report.Json;
import org.sealpack.seal.Outputs;
import org.sealpack.seal.Passphrases;
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
        if (report != null) {
            Outputs.checkNewFile(report, "the report");
        }
        var trusted = trust.trusted(common);
        Custody.Chain chain;
        String sha256 = null;
        try {
            Custody.Target what = Custody.Target.of(target, trusted);
            sha256 = what.sealedSha256();
            chain = Custody.check(what, receipts, trusted, returnKeys());
        } catch (RuntimeException e) {
            if (json) {
                Json.print(
                        spec.commandLine().getOut(),
                        FailureHandler.json("custody", e, List.of(), sha256));
            }
            throw e;
        }
        if (json) {
            Json.print(spec.commandLine().getOut(), ChainReport.json(chain));
        } else if (!common.quiet) {
            ChainReport.print(common.out(spec), chain, target);
        }
        if (report != null) {
            ChainReport.writeMarkdown(report, chain);
        }
        return ExitCode.OK.code;
    }

    /**
     * The secret keys for return copies: the ones named, or the keyring's; each unlocked only when
     * used.
     */
    private SignedReceipt.ReturnKeys returnKeys() {
        return new SignedReceipt.ReturnKeys() {
            @Override
            public List<KeyHandle> keys() {
                return Keys.secretKeys(keys, common.keyring());
            }

            @Override
            public SecretKey unlock(KeyHandle key, LongPredicate parts) {
                return Passphrases.unlock(key, passphrase.forUnlocking(), parts);
            }
        };
    }
}
