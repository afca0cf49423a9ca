package org.sealpack.jobs;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sealpack.custody.ReceiptFile;
import org.sealpack.custody.ReceiptWriter;
import org.sealpack.custody.Signing;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.SignerExpiredException;
import org.sealpack.failure.SignerRevokedException;
import org.sealpack.failure.UsageException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SecretKey;
import org.sealpack.report.CheckFailed;
import org.sealpack.report.Checked;
import org.sealpack.report.Json;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Outputs;
import org.sealpack.seal.Passphrases;
import org.sealpack.seal.Source;

/**
 * The receipt a checking job writes for the case file (docs/FORMAT.md section 11), on a failure
 * too.
 *
 * @param receipt the receipt to write, or null for none
 * @param signReceipt the custodian's KEY that signs it (FILE.asc), or null
 * @param receiptTo the CERT its signed copy is encrypted to for the return trip (FILE.pgp), or null
 * @param note the custodian's note, or null
 * @param after the receipts of the hands before, which it links to
 */
public record ReceiptRequest(
        Path receipt, String signReceipt, String receiptTo, String note, List<Path> after) {
    public static final ReceiptRequest NONE = new ReceiptRequest(null, null, null, null, null);

    /**
     * The request from the words given: a receipt named with a trailing slash (a directory's name)
     * is refused, never written as a file without the slash (a usage error, exit 2).
     */
    public static ReceiptRequest of(
            String receipt, String signReceipt, String receiptTo, String note, List<Path> after) {
        if (receipt != null && (receipt.endsWith("/") || receipt.endsWith(File.separator))) {
            throw new UsageException(
                    "--receipt "
                            + receipt
                            + " names a directory (it ends with a slash); a receipt is a file",
                    "give the receipt's file name, such as " + receipt + "receipt.md");
        }
        return new ReceiptRequest(
                receipt == null ? null : Path.of(receipt), signReceipt, receiptTo, note, after);
    }

    boolean wanted() {
        return receipt != null;
    }

    /**
     * Before any work: the receipt's files checked absent (without following links), the receipts
     * it follows read (their SHA-256), the custodian's key unlocked (its passphrase asked for now,
     * not after a long check) and the return trip's certificate read.
     */
    public Signing prepare(KeySources keys, PassphraseSource passphrase) {
        if (receipt == null) {
            return Signing.NONE;
        }
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
        Certificate returnTo = receiptTo == null ? null : keys.certificate(receiptTo);
        List<String> links =
                after == null ? List.of() : after.stream().map(ReceiptFile::link).toList();
        SecretKey key = null;
        if (signReceipt != null) {
            KeyHandle custodian = keys.key(signReceipt);
            // a key revoked (or expired) now signs no receipt, as pack signs with none (R11.2)
            try {
                custodian.certificate().checkUsableAt(Instant.now(), Certificate.Role.SENDER);
            } catch (SignerRevokedException | SignerExpiredException e) {
                String why = "--sign-receipt: " + e.getMessage() + "; it signs no receipt";
                String hint =
                        "sign with your current key (sealpack keys generate makes one) and give its"
                                + " certificate to those who check your receipts";
                throw e instanceof SignerRevokedException
                        ? new SignerRevokedException(why, hint)
                        : new SignerExpiredException(why, hint);
            }
            key =
                    Passphrases.unlock(
                            custodian,
                            passphrase.forUnlocking(),
                            custodian.signingParts(Instant.now()));
        }
        return new Signing(key, note, links, returnTo);
    }

    /**
     * The sealed file as a source; hashed when a receipt or JSON will name it, so that both give
     * the SHA-256 of the very bytes that were verified (standard input too).
     */
    Source source(Input input, Output out) {
        Source source = input.source();
        return (wanted() || out.wantsJson() ? source.hashed() : source)
                .withProgress(out.progress());
    }

    /** The receipt of a check that passed, from the result the report and JSON show. */
    void passed(Checked result, Signing custody) {
        if (wanted()) {
            ReceiptWriter.write(receipt, result, custody);
        }
    }

    /**
     * A check failed: the JSON document (--json) and the receipt (--receipt) say what failed and
     * what had passed before it, both from one {@link CheckFailed}; the failure then goes on to its
     * one line on stderr and its exit code.
     */
    void failed(
            Output out,
            String kind,
            String command,
            Input input,
            Source source,
            Checks checks,
            Signing custody,
            RuntimeException failure) {
        String sha256 = out.wantsJson() || wanted() ? source.sha256IfKnown() : null;
        CheckFailed failed =
                new CheckFailed(kind, command, input.archive(), sha256, checks.passed(), failure);
        if (out.wantsJson()) {
            Json.print(out.json(), Json.failure(failed));
        }
        if (wanted()) {
            try {
                ReceiptWriter.writeFailure(receipt, failed, custody);
            } catch (SealpackException e) {
                out.notices()
                        .accept("the receipt of the failure was not written: " + e.getMessage());
            }
        }
    }
}
