package org.sealpack.custody;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The machine-readable part of a receipt (docs/FORMAT.md section 11, docs/receipt.schema.json):
 * what was checked, by whom, when, of which bytes, with what result, and which receipts came before
 * it.
 *
 * @param format always {@link #FORMAT}
 * @param job "verify" (a custodian's check of the outer layer), "verify --key", "open", or "carry"
 *     (a hand-over of a file whose origin the hand could not check)
 * @param checkedAt when, by the custodian's clock (ISO 8601, UTC, to the second)
 * @param software "sealpack VERSION"
 * @param custodian who checked and signs the receipt (null for an unsigned receipt)
 * @param note the custodian's note, or null
 * @param sealedFile the sealed file: its file name (no directory), the SHA-256 and size of the very
 *     bytes checked or carried
 * @param signer the sealed file's signer, when its signature was verified
 * @param recipients the recipients the sealed file names
 * @param tagManifestSha512 the SHA-512 of the bag's tagmanifest-sha512.txt, when the file was
 *     decrypted
 * @param checks every check of the job, each "passed", "failed" or "not checked"
 * @param verdict "GOOD", "FAILED", or "CARRIED" (a carry: nothing was checked, nothing failed)
 * @param exitCode the exit code of the check (0 for GOOD)
 * @param error what failed, or null
 * @param after the SHA-256 of each receipt this one follows (the chain's links)
 */
@JsonPropertyOrder({
    "format",
    "job",
    "checkedAt",
    "software",
    "custodian",
    "note",
    "sealedFile",
    "signer",
    "recipients",
    "tagManifestSha512",
    "checks",
    "verdict",
    "exitCode",
    "error",
    "after"
})
public record ReceiptRecord(
        String format,
        String job,
        String checkedAt,
        String software,
        Party custodian,
        String note,
        SealedFile sealedFile,
        Party signer,
        List<Recipient> recipients,
        String tagManifestSha512,
        List<Check> checks,
        String verdict,
        int exitCode,
        String error,
        List<String> after) {
    public static final String FORMAT = "sealpack-receipt/1";
    public static final String GOOD = "GOOD";
    public static final String FAILED = "FAILED";

    /**
     * The verdict of a hand-over: the bytes were carried, their origin not checked (an anonymous
     * file).
     */
    public static final String CARRIED = "CARRIED";

    /** The job of a courier who records a hand-over (docs/FORMAT.md section 11). */
    public static final String CARRY = "carry";

    /** A key holder: primary fingerprint (plain upper-case hex) and primary user ID. */
    @JsonPropertyOrder({"fingerprint", "userId"})
    public record Party(String fingerprint, String userId) {}

    @JsonPropertyOrder({"name", "sha256", "bytes"})
    public record SealedFile(String name, String sha256, Long bytes) {}

    @JsonPropertyOrder({"keyId", "algorithm"})
    public record Recipient(String keyId, String algorithm) {}

    @JsonPropertyOrder({"check", "result"})
    public record Check(String check, String result) {}

    public ReceiptRecord {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        checks = checks == null ? List.of() : List.copyOf(checks);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** The same record, signed by this custodian. */
    public ReceiptRecord signedBy(Party who) {
        return new ReceiptRecord(
                format,
                job,
                checkedAt,
                software,
                who,
                note,
                sealedFile,
                signer,
                recipients,
                tagManifestSha512,
                checks,
                verdict,
                exitCode,
                error,
                after);
    }
}
