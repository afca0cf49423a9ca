package org.sealpack.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.sealpack.custody.ReceiptRecord;
import org.sealpack.pgp.Certificate;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Version;

/** The machine-readable record of a receipt (docs/FORMAT.md section 11), from a check's result. */
final class ReceiptRecords {
    /** Every check of a full verification, in order; a custodian's check does the first only. */
    static final List<String> ALL = List.of(Checks.OUTER_SIGNATURE, Checks.INTEGRITY, Checks.BAG_SIGNATURE,
            Checks.INTENDED_RECIPIENT, Checks.MANIFEST, Checks.TAG_MANIFEST);

    private ReceiptRecords() {
    }

    static ReceiptRecord good(String job, Path archive, String sha256, Reports.Outer outer, Reports.Full full,
                              List<String> passed, Instant at, ReportOptions.Custody custody) {
        List<ReceiptRecord.Check> checks = new ArrayList<>();
        for (String check : ALL) {
            checks.add(new ReceiptRecord.Check(check, passed.contains(check) ? "passed" : "not checked"));
        }
        return new ReceiptRecord(ReceiptRecord.FORMAT, job, time(at), "sealpack " + Version.get(), null, custody.note(),
                new ReceiptRecord.SealedFile(name(archive), sha256, outer.fileBytes()), party(outer.signer()),
                outer.recipients().stream().map(r -> new ReceiptRecord.Recipient(r.keyId(), r.algorithm())).toList(),
                full == null ? null : full.tagManifestSha512(), checks, ReceiptRecord.GOOD, 0, null, custody.after());
    }

    static ReceiptRecord failed(String job, Path archive, String sha256, List<String> passed, Throwable failure,
                                Instant at, ReportOptions.Custody custody) {
        List<ReceiptRecord.Check> checks = new ArrayList<>();
        passed.forEach(check -> checks.add(new ReceiptRecord.Check(check, "passed")));
        checks.add(new ReceiptRecord.Check(failedCheck(failure, passed), "failed"));
        ExitCode code = ExitCode.of(failure);
        String error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return new ReceiptRecord(ReceiptRecord.FORMAT, job, time(at), "sealpack " + Version.get(), null, custody.note(),
                new ReceiptRecord.SealedFile(name(archive), sha256, null), null, List.of(), null, checks,
                ReceiptRecord.FAILED, code.code, error, custody.after());
    }

    static ReceiptRecord carried(Path file, String sha256, long bytes, Instant at, ReportOptions.Custody custody) {
        List<ReceiptRecord.Check> checks = ALL.stream().map(c -> new ReceiptRecord.Check(c, "not checked")).toList();
        return new ReceiptRecord(ReceiptRecord.FORMAT, ReceiptRecord.CARRY, time(at), "sealpack " + Version.get(), null,
                custody.note(), new ReceiptRecord.SealedFile(name(file), sha256, bytes), null, List.of(), null, checks,
                ReceiptRecord.CARRIED, 0, null, custody.after());
    }

    /** Which check a failure stopped, from its kind (the first signature unless it had passed). */
    private static String failedCheck(Throwable failure, List<String> passed) {
        return switch (ExitCode.of(failure)) {
            case BAD_SIGNATURE, UNTRUSTED_SIGNER, SIGNER_EXPIRED, SIGNER_REVOKED, WEAK_CRYPTO, NOT_VERIFIABLE ->
                    passed.contains(Checks.OUTER_SIGNATURE) || passed.contains(Checks.INTEGRITY)
                            ? Checks.BAG_SIGNATURE : Checks.OUTER_SIGNATURE;
            case TAMPERED -> Checks.INTEGRITY;
            case BAG_INVALID, UNSAFE_ARCHIVE -> Checks.MANIFEST;
            case NOT_RECIPIENT, PASSPHRASE, NOT_SECRET_KEY, KEY, NO_SUCH_KEY, AMBIGUOUS_KEY -> "decryption";
            default -> "format";
        };
    }

    static ReceiptRecord.Party party(Certificate c) {
        return c == null ? null : new ReceiptRecord.Party(c.fingerprint(), c.primaryUserId());
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String name(Path archive) {
        return Receipt.name(archive);
    }
}
