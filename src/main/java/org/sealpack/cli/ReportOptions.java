package org.sealpack.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sealpack.custody.ReceiptFile;
import org.sealpack.custody.ReceiptWriter;
import org.sealpack.custody.Signing;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.UsageException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SecretKey;
import org.sealpack.report.Json;
import org.sealpack.seal.Checks;
import org.sealpack.seal.KeySelector;
import org.sealpack.seal.Outputs;
import org.sealpack.seal.Passphrases;
import org.sealpack.seal.Source;
import org.sealpack.text.Untrusted;
import picocli.CommandLine.Option;

/**
 * How a verifying command reports besides its text: a JSON document, a receipt for the case file.
 */
final class ReportOptions {
    @Option(
            names = "--json",
            description =
                    "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Option(
            names = "--receipt",
            paramLabel = "FILE",
            description =
                    "Also write a receipt of what was checked and its result (Markdown for people, ending"
                            + " with a JSON record; docs/FORMAT.md section 11), for the case file; on a failure too.")
    Path receipt;

    @Option(
            names = "--sign-receipt",
            paramLabel = "KEY",
            description =
                    "Sign the receipt with your secret key, as its custodian: FILE.asc, a detached signature"
                            + " that `gpg --verify FILE.asc FILE` checks.")
    String signReceipt;

    @Option(
            names = "--receipt-to",
            paramLabel = "CERT",
            description =
                    "Also write the signed receipt encrypted to this certificate (the sender's, for the return"
                            + " trip): FILE.pgp, which `gpg --decrypt` opens and checks.")
    String receiptTo;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note to put in the receipt.")
    String note;

    @Option(
            names = "--after",
            paramLabel = "RECEIPT",
            description =
                    "The receipt of the hand before yours: this receipt links to it (repeatable).")
    List<Path> after;

    private Signing custody = Signing.NONE;

    /**
     * Before any work: refuses an existing receipt or signature, reads the receipts it follows, and
     * unlocks the custodian's key (asking for its passphrase now, not after a long check).
     */
    void prepare(
            picocli.CommandLine.Model.CommandSpec spec,
            CommonOptions common,
            PassphraseOptions passphrase) {
        if (receipt == null
                && (signReceipt != null || note != null || after != null || receiptTo != null)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--sign-receipt, --receipt-to, --note and --after need --receipt FILE");
        }
        if (receiptTo != null && signReceipt == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--receipt-to sends a signed receipt: it needs --sign-receipt KEY");
        }
        if (receipt == null) {
            return;
        }
        custody = custody(receipt, signReceipt, receiptTo, note, after, common, passphrase);
    }

    /**
     * Before any work: the receipt's files checked absent (without following links), the receipts
     * it follows read (their SHA-256), the custodian's key unlocked and the return trip's
     * certificate read.
     */
    static Signing custody(
            Path receipt,
            String signReceipt,
            String receiptTo,
            String note,
            List<Path> after,
            CommonOptions common,
            PassphraseOptions passphrase) {
        if (note != null && note.length() > ReceiptWriter.MAX_NOTE) {
            throw new UsageException(
                    "--note is "
                            + note.length()
                            + " characters long; a receipt's"
                            + " note holds at most "
                            + ReceiptWriter.MAX_NOTE,
                    "shorten the note (docs/FORMAT.md R11.7)");
        }
        Outputs.checkNewFile(receipt, "the receipt");
        if (signReceipt != null) {
            Outputs.checkNewFile(ReceiptFile.signatureOf(receipt), "the receipt's signature");
        }
        if (receiptTo != null) {
            Outputs.checkNewFile(ReceiptFile.returnCopyOf(receipt), "the receipt's return copy");
        }
        Certificate returnTo =
                receiptTo == null ? null : KeySelector.certificate(receiptTo, common.keyring());
        List<String> links =
                after == null ? List.of() : after.stream().map(ReceiptFile::link).toList();
        SecretKey key = null;
        if (signReceipt != null) {
            KeyHandle custodian = KeySelector.key(signReceipt, common.keyring());
            key =
                    Passphrases.unlock(
                            custodian,
                            passphrase.forUnlocking(),
                            custodian.signingParts(Instant.now()));
        }
        return new Signing(key, note, links, returnTo);
    }

    Signing custody() {
        return custody;
    }

    /**
     * The sealed file as a source; hashed when a receipt or JSON will name it, so that both give
     * the SHA-256 of the very bytes that were verified (standard input too).
     */
    Source source(Path file) {
        Source source = StandardStreams.source(file);
        return receipt != null || json ? source.hashed() : source;
    }

    /**
     * A check failed: the JSON document (--json) and the receipt (--receipt) say what failed and
     * what had passed before it; the failure then goes on to its one line on stderr and its exit
     * code.
     */
    void failed(
            picocli.CommandLine.Model.CommandSpec spec,
            String kind,
            String command,
            Path file,
            Source source,
            Checks checks,
            RuntimeException failure) {
        String sha256 = json || receipt != null ? source.sha256IfKnown() : null;
        if (json) {
            Json.print(
                    spec.commandLine().getOut(),
                    FailureHandler.json(kind, failure, checks.passed(), sha256));
        }
        if (receipt != null) {
            try {
                ReceiptWriter.writeFailure(
                        receipt,
                        StandardStreams.isStdin(file) ? null : file,
                        command,
                        sha256,
                        checks.passed(),
                        failure,
                        custody);
            } catch (SealpackException e) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "sealpack: note: the receipt of the failure was not written: "
                                        + Untrusted.of(e.getMessage()));
            }
        }
    }
}
