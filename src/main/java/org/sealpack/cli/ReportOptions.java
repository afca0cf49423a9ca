package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import org.sealpack.jobs.Input;
import org.sealpack.jobs.Output;
import org.sealpack.jobs.ReceiptRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How a verifying command reports besides its text: a JSON document, a receipt for the case file.
 */
final class ReportOptions {
    boolean json;
    String receipt;
    String signReceipt;
    String receiptTo;
    String note;
    List<Path> after;

    /** Adds these options to a command (in this order). */
    void addTo(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("--json")
                        .description(
                                "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
                        .build());
        spec.addOption(
                OptionSpec.builder("--receipt")
                        .paramLabel("FILE")
                        .description(
                                "Also write a receipt of what was checked and its result (Markdown for people, ending"
                                        + " with a JSON record; docs/FORMAT.md section 11), for the case file; on a failure too.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--sign-receipt")
                        .paramLabel("KEY")
                        .description(
                                "Sign the receipt with your secret key, as its custodian: FILE.asc, a detached signature"
                                        + " that `gpg --verify FILE.asc FILE` checks.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--receipt-to")
                        .paramLabel("CERT")
                        .description(
                                "Also write the signed receipt encrypted to this certificate (the sender's, for the return"
                                        + " trip): FILE.pgp, which `gpg --decrypt` opens and checks.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--note")
                        .paramLabel("TEXT")
                        .description("A note to put in the receipt.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--after")
                        .paramLabel("RECEIPT")
                        .description(
                                "The receipt of the hand before yours: this receipt links to it (repeatable).")
                        .type(List.class)
                        .auxiliaryTypes(Path.class)
                        .build());
    }

    /** Takes their values from the command line just parsed. */
    void readFrom(CommandSpec spec) {
        json = Boolean.TRUE.equals(spec.findOption("--json").getValue());
        receipt = spec.findOption("--receipt").getValue();
        signReceipt = spec.findOption("--sign-receipt").getValue();
        receiptTo = spec.findOption("--receipt-to").getValue();
        note = spec.findOption("--note").getValue();
        after = spec.findOption("--after").getValue();
    }

    /** The receipt asked for; options that need --receipt without it are a usage error. */
    ReceiptRequest receipt(CommandSpec spec) {
        if (receipt == null
                && (signReceipt != null || note != null || after != null || receiptTo != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--sign-receipt, --receipt-to, --note and --after need --receipt FILE");
        }
        if (receiptTo != null && signReceipt == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--receipt-to sends a signed receipt: it needs --sign-receipt KEY");
        }
        return ReceiptRequest.of(receipt, signReceipt, receiptTo, note, after);
    }

    /** The sealed file named on the command line: a file, or standard input for "-". */
    static Input input(Path file) {
        return new Input(file, StandardStreams.source(file), StandardStreams.isStdin(file));
    }

    /** Where the job shows its result: text (unless --quiet), or the JSON document. */
    Output output(CommandSpec spec, CommonOptions common) {
        return new Output(
                common.out(spec),
                json ? spec.commandLine().getOut() : null,
                CommonOptions.notices(spec),
                TerminalProgress.forCommand(common, json, spec.commandLine().getErr()));
    }
}
