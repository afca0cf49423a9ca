package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.CustodyJob;
import org.sealpack.jobs.ReceiptRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class CustodyCarryCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    Path file;
    String receipt;
    String signReceipt;
    String receiptTo;
    String note;
    List<Path> after;
    final PassphraseOptions passphrase = new PassphraseOptions();

    CustodyCarryCommand() {
        spec.name("carry");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
                        "Record that a file passed through your hands, when you cannot check it: a courier of an "
                                + "anonymous (seizure-mode) file, which names no sender and which only a recipient's key can verify.",
                        "Writes a signed hand-over receipt (verdict CARRIED) of the SHA-256 and size of the bytes you carry, the "
                                + "time, you as custodian, your note, and the receipt you follow. It checks nothing and claims nothing "
                                + "about the file's origin; `custody check` counts it as a link and says which hand first verified the "
                                + "origin. A file you can verify (it has an outer signature, or you hold a recipient's key) you verify "
                                + "instead: `sealpack verify FILE --receipt R`.",
                        "Exit 0: the receipt was written (nothing was checked).");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack custody carry evidence.sealed --receipt courier.md \\",
                        "    --sign-receipt keys/recipient.key.asc \\",
                        "    --passphrase-file keys/recipient.passphrase --after sender.md \\",
                        "    --note 'received by hand in Dushanbe'");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("FILE")
                        .required(true)
                        .description("The file you carry (an anonymous sealed file).")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--receipt")
                        .paramLabel("FILE")
                        .required(true)
                        .description(
                                "The hand-over receipt to write (Markdown for people, ending with a JSON record; docs/FORMAT.md"
                                        + " section 11).")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--sign-receipt")
                        .paramLabel("KEY")
                        .required(true)
                        .description(
                                "Your secret key, as custodian: FILE.asc, a detached signature that `gpg --verify FILE.asc FILE`"
                                        + " checks.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--receipt-to")
                        .paramLabel("CERT")
                        .description(
                                "Also write the signed receipt encrypted to this certificate (for the return trip): FILE.pgp.")
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
        passphrase.addTo(spec);
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        file = spec.positionalParameters().get(0).getValue();
        receipt = spec.findOption("--receipt").getValue();
        signReceipt = spec.findOption("--sign-receipt").getValue();
        receiptTo = spec.findOption("--receipt-to").getValue();
        note = spec.findOption("--note").getValue();
        after = spec.findOption("--after").getValue();
        passphrase.readFrom(spec);
    }

    @Override
    public Integer call() {
        read();
        CustodyJob.carry(
                common.keys(),
                file,
                ReceiptRequest.of(receipt, signReceipt, receiptTo, note, after),
                passphrase.source(),
                common.out(spec));
        return ExitCode.OK.code;
    }
}
