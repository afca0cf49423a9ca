package org.sealpack.custody;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.sealpack.pgp.Certificate;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Version;

/** The machine-readable record of a receipt (docs/FORMAT.md section 11), from a check's result. */
final class ReceiptRecords {
    /** Every check of a full verification, in order; a custodian's check does the first only. */
    public static final List<String> ALL =
            List.of(
                    Checks.OUTER_SIGNATURE,
                    Checks.INTEGRITY,
                    Checks.BAG_SIGNATURE,
                    Checks.INTENDED_RECIPIENT,
                    Checks.MANIFEST,
                    Checks.TAG_MANIFEST);

    private ReceiptRecords() {}

    static ReceiptRecord good(
            String job,
            Path archive,
            String sha256,
            Reports.Outer outer,
            Reports.Full full,
            List<String> passed,
            Instant at,
            Signing custody) {
        List<ReceiptRecord.Check> checks = new ArrayList<>();
        for (String check : ALL) {
            checks.add(
                    new ReceiptRecord.Check(
                            check, passed.contains(check) ? "passed" : "not checked"));
        }
        return new ReceiptRecord(
                ReceiptRecord.FORMAT,
                job,
                time(at),
                "sealpack " + Version.get(),
                null,
                custody.note(),
                new ReceiptRecord.SealedFile(name(archive), sha256, outer.fileBytes()),
                party(outer.signer()),
                outer.recipients().stream()
                        .map(r -> new ReceiptRecord.Recipient(r.keyId(), r.algorithm()))
                        .toList(),
                full == null ? null : full.tagManifestSha512(),
                checks,
                ReceiptRecord.GOOD,
                0,
                null,
                custody.after());
    }

    static ReceiptRecord failed(
            String job,
            Path archive,
            String sha256,
            List<String> passed,
            Failure failure,
            Instant at,
            Signing custody) {
        List<ReceiptRecord.Check> checks = new ArrayList<>();
        passed.forEach(check -> checks.add(new ReceiptRecord.Check(check, "passed")));
        checks.add(new ReceiptRecord.Check(failure.check(), "failed"));
        return new ReceiptRecord(
                ReceiptRecord.FORMAT,
                job,
                time(at),
                "sealpack " + Version.get(),
                null,
                custody.note(),
                new ReceiptRecord.SealedFile(name(archive), sha256, null),
                null,
                List.of(),
                null,
                checks,
                ReceiptRecord.FAILED,
                failure.exitCode(),
                failure.message(),
                custody.after());
    }

    static ReceiptRecord carried(
            Path file, String sha256, long bytes, Instant at, Signing custody) {
        List<ReceiptRecord.Check> checks =
                ALL.stream().map(c -> new ReceiptRecord.Check(c, "not checked")).toList();
        return new ReceiptRecord(
                ReceiptRecord.FORMAT,
                ReceiptRecord.CARRY,
                time(at),
                "sealpack " + Version.get(),
                null,
                custody.note(),
                new ReceiptRecord.SealedFile(name(file), sha256, bytes),
                null,
                List.of(),
                null,
                checks,
                ReceiptRecord.CARRIED,
                0,
                null,
                custody.after());
    }

    static ReceiptRecord.Party party(Certificate c) {
        return c == null ? null : new ReceiptRecord.Party(c.fingerprint(), c.primaryUserId());
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String name(Path archive) {
        return ReceiptWriter.name(archive);
    }
}
