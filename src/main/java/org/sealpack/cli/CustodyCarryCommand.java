package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.CustodyJob;
import org.sealpack.jobs.ReceiptRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "carry",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Record that a file passed through your hands, when you cannot check it: a courier of an "
                    + "anonymous (seizure-mode) file, which names no sender and which only a recipient's key can verify.",
            "Writes a signed hand-over receipt (verdict CARRIED) of the SHA-256 and size of the bytes you carry, the "
                    + "time, you as custodian, your note, and the receipt you follow. It checks nothing and claims nothing "
                    + "about the file's origin; `custody check` counts it as a link and says which hand first verified the "
                    + "origin. A file you can verify (it has an outer signature, or you hold a recipient's key) you verify "
                    + "instead: `sealpack verify FILE --receipt R`.",
            "Exit 0: the receipt was written (nothing was checked)."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack custody carry evidence.sealed --receipt courier.md \\",
            "    --sign-receipt keys/recipient.key.asc \\",
            "    --passphrase-file keys/recipient.passphrase --after sender.md \\",
            "    --note 'received by hand in Dushanbe'"
        })
final class CustodyCarryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The file you carry (an anonymous sealed file).")
    Path file;

    @Option(
            names = "--receipt",
            paramLabel = "FILE",
            required = true,
            description =
                    "The hand-over receipt to write (Markdown for people, ending with a JSON record; docs/FORMAT.md"
                            + " section 11).")
    String receipt;

    @Option(
            names = "--sign-receipt",
            paramLabel = "KEY",
            required = true,
            description =
                    "Your secret key, as custodian: FILE.asc, a detached signature that `gpg --verify FILE.asc FILE`"
                            + " checks.")
    String signReceipt;

    @Option(
            names = "--receipt-to",
            paramLabel = "CERT",
            description =
                    "Also write the signed receipt encrypted to this certificate (for the return trip): FILE.pgp.")
    String receiptTo;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note to put in the receipt.")
    String note;

    @Option(
            names = "--after",
            paramLabel = "RECEIPT",
            description =
                    "The receipt of the hand before yours: this receipt links to it (repeatable).")
    List<Path> after;

    @Mixin PassphraseOptions passphrase;

    @Override
    public Integer call() {
        CustodyJob.carry(
                common.keys(),
                file,
                ReceiptRequest.of(receipt, signReceipt, receiptTo, note, after),
                passphrase.source(),
                common.out(spec));
        return ExitCode.OK.code;
    }
}
