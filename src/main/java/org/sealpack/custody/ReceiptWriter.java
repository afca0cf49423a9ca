package org.sealpack.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sealpack.bag.Metadata;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.Staging;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Hex;
import org.sealpack.pgp.SealReader;
import org.sealpack.pgp.Signatures;
import org.sealpack.pgp.SignedMessage;
import org.sealpack.report.CheckFailed;
import org.sealpack.report.Checked;
import org.sealpack.report.People;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Version;
import org.sealpack.text.Untrusted;

/**
 * Writes receipts (docs/FORMAT.md section 11): a printable Markdown record of what was checked (or
 * carried), when, and with what result, ending with its JSON record; its detached signature
 * FILE.asc and its copy for the return trip FILE.pgp when asked. The one place a receipt is made:
 * the command line only gathers the options and calls it.
 */
public final class ReceiptWriter {
    /**
     * What the Markdown lists at most, so that a receipt stays within its bound (docs/FORMAT.md
     * R11.7).
     */
    public static final int MAX_FILES = 1_000;

    public static final int MAX_LABELS = 200;
    public static final int MAX_VALUE = 2_000;
    public static final int MAX_NOTE = 10_000;

    /** What a hand-over receipt says of what it is (the last paragraph of its Markdown). */
    static final String CARRIED_TEXT =
            "Nothing about the file's origin or contents was checked: an anonymous (seizure-mode) file names no"
                    + " sender, and only a recipient's key can check it. This receipt states which bytes passed through"
                    + " this hand, and when.";

    private final StringBuilder md = new StringBuilder();

    private ReceiptWriter() {}

    /**
     * Text from an archive or a key, as Markdown that shows it literally: a code span (inside which
     * nothing is markup: no link, image, HTML, emphasis or autolink), fenced with more backticks
     * than the text holds in a row, with '|' escaped for the table, every invisible character shown
     * (Untrusted.escape).
     */
    public static String cell(String s) {
        String text = Untrusted.escape(s).replace("|", "\\|");
        if (text.isEmpty()) {
            return "";
        }
        int longest = 0;
        for (int i = 0, run = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        return fence + " " + text + " " + fence;
    }

    private ReceiptWriter line(String s) {
        md.append(s).append('\n');
        return this;
    }

    /**
     * The sealed file as a receipt names it: its file name only, nothing else of this computer's
     * file system.
     */
    public static String name(Path file) {
        return file == null || file.getFileName() == null ? null : file.getFileName().toString();
    }

    /**
     * A receipt of a check that passed, from the same result the text report and the JSON document
     * show. It names the archive's file name only (standard input when {@code archive} is null),
     * and needs the SHA-256 of the bytes that were verified (the source was hashed as it was read).
     */
    public static void write(Path receipt, Checked result, Signing custody) {
        Path archive = result.archive();
        String command = result.command();
        String sha256 = result.sha256();
        Reports.Outer outer = result.outer();
        Reports.Full full = result.full();
        List<Certificate> known = result.known();
        Instant now = Instant.now();
        List<String> passed = new ArrayList<>();
        if (!outer.anonymous()) {
            passed.add(Checks.OUTER_SIGNATURE);
        }
        if (full != null) {
            passed.addAll(ReceiptRecords.ALL.subList(1, ReceiptRecords.ALL.size()));
        }
        ReceiptWriter r = new ReceiptWriter();
        r.line("# sealpack verification receipt").line("");
        r.line("| | |").line("|---|---|");
        r.line("| Verdict | **GOOD: every check below passed** |");
        r.line("| Checked at | " + People.time(now) + " (this computer's clock) |");
        r.custodian(command, custody);
        r.line(
                "| Archive | "
                        + (name(archive) == null ? "standard input" : cell(name(archive)))
                        + " |");
        r.line("| Archive size | " + outer.fileBytes() + " bytes |");
        r.line(
                "| Archive SHA-256 | `"
                        + Objects.requireNonNull(sha256, "the source was not hashed")
                        + "` (of the bytes verified) |");
        r.line("");
        r.line("## Checks").line("").line("| Check | Result |").line("|---|---|");
        if (outer.anonymous()) {
            r.line("| Outer signature | none: anonymous file (seizure mode), by design |");
        } else {
            r.line(
                    "| Outer signature (whole file) | GOOD, by a trusted signer, made "
                            + People.time(outer.signed())
                            + " |");
        }
        if (full != null) {
            r.line("| Integrity of the encrypted data (MDC/AEAD) | GOOD |");
            r.line(
                    "| Bag signature over the tag manifest | GOOD, made "
                            + People.time(full.bagSigned())
                            + (outer.anonymous() ? "" : ", same key as the outer signature")
                            + " |");
            r.line(
                    "| Addressed to the key that opened it | "
                            + (full.intendedRecipients().isEmpty()
                                    ? "not stated by the signature"
                                    : "yes")
                            + " |");
            r.line(
                    "| Payload manifest (SHA-512) | every file present, listed once, checksum matches |");
            r.line("| Tag manifest, bagit.txt, Payload-Oxum | GOOD |");
            for (String w : full.warnings()) {
                r.line("| Note | " + cell(w) + " |");
            }
        } else {
            r.line(
                    "| Contents | not checked (no secret key given: custodian's check of the outer layer only) |");
        }
        r.line("");
        r.line("## Signer").line("").line("| | |").line("|---|---|");
        r.line("| Fingerprint | `" + Hex.grouped(outer.signer().fingerprint()) + "` |");
        r.line("| User ID | " + cell(outer.signer().primaryUserId()) + " |");
        r.line("");
        r.line("## Recipients (who can open it)")
                .line("")
                .line("| Key ID | Algorithm | Holder |")
                .line("|---|---|---|");
        for (SealReader.Recipient rec : outer.recipients()) {
            r.line(
                    "| "
                            + cell(rec.keyId())
                            + " | "
                            + cell(rec.algorithm())
                            + " | "
                            + cell(
                                    People.recipient(
                                            rec.keyId(),
                                            known,
                                            outer.anonymous() ? null : outer.signer()))
                            + " |");
        }
        if (full != null) {
            r.line("")
                    .line(
                            "Opened with `"
                                    + Hex.grouped(full.openedBy().fingerprint())
                                    + "` ("
                                    + cell(full.openedBy().primaryUserId())
                                    + ")"
                                    + ("GnuPG".equals(full.openedHeldBy())
                                            ? ", a key held by GnuPG (its agent decrypted; the secret never left it)"
                                            : "")
                                    + ".");
            if (!full.intendedRecipients().isEmpty()) {
                r.line(
                        "Intended recipients named in the bag signature: "
                                + String.join(
                                        ", ",
                                        full.intendedRecipients().stream()
                                                .map(f -> "`" + Hex.grouped(f) + "`")
                                                .toList())
                                + ".");
            }
            r.line("")
                    .line("## Metadata (bag-info.txt of bag " + cell(full.bagName()) + ")")
                    .line("")
                    .line("| Label | Value |")
                    .line("|---|---|");
            List<Metadata.Element> elements = full.bagInfo().elements();
            for (Metadata.Element e : elements.subList(0, Math.min(elements.size(), MAX_LABELS))) {
                String value = Metadata.unfold(e.value());
                r.line(
                        "| "
                                + cell(e.label())
                                + " | "
                                + cell(
                                        value.length() <= MAX_VALUE
                                                ? value
                                                : value.substring(0, MAX_VALUE)
                                                        + "... ("
                                                        + value.length()
                                                        + " characters in all)")
                                + " |");
            }
            if (elements.size() > MAX_LABELS) {
                r.line(
                        "| ... | and "
                                + (elements.size() - MAX_LABELS)
                                + " more labels, in bag-info.txt |");
            }
            int files = full.manifest().checksums().size();
            r.line("")
                    .line(
                            "## Payload files ("
                                    + files
                                    + " files, "
                                    + full.payloadBytes()
                                    + " bytes)")
                    .line("")
                    .line("| File | Bytes | SHA-512 |")
                    .line("|---|---:|---|");
            full.manifest().checksums().entrySet().stream()
                    .limit(MAX_FILES)
                    .forEach(
                            e ->
                                    r.line(
                                            "| "
                                                    + cell(e.getKey())
                                                    + " | "
                                                    + full.manifest().sizeOf(e.getKey())
                                                    + " | `"
                                                    + e.getValue()
                                                    + "` |"));
            if (files > MAX_FILES) {
                r.line(
                        "| ... and "
                                + (files - MAX_FILES)
                                + " more files | | every one listed in the bag's manifest, which"
                                + " the tag manifest below covers |");
            }
            r.line("").line("Tag manifest SHA-512: `" + full.tagManifestSha512() + "`");
        }
        r.save(
                receipt,
                ReceiptRecords.good(command, archive, sha256, outer, full, passed, now, custody),
                custody);
    }

    /**
     * A hand-over receipt (job carry): which bytes passed through this hand and when, and that
     * nothing of their origin or contents was checked (an anonymous file names no sender; only a
     * recipient can check it).
     */
    public static void writeCarried(
            Path receipt, Path file, String sha256, long bytes, Signing custody) {
        Instant now = Instant.now();
        ReceiptWriter r = new ReceiptWriter();
        r.line("# sealpack hand-over receipt (carried, not checked)").line("");
        r.line("| | |").line("|---|---|");
        r.line(
                "| Verdict | **CARRIED: the file passed through this hand; its origin was not checked** |");
        r.line("| Handed over at | " + People.time(now) + " (this computer's clock) |");
        r.custodian("custody carry", custody);
        r.line("| File | " + cell(name(file)) + " |");
        r.line("| File size | " + bytes + " bytes |");
        r.line("| File SHA-256 | `" + sha256 + "` (of the bytes carried) |");
        r.line("");
        r.line(CARRIED_TEXT);
        r.save(receipt, ReceiptRecords.carried(file, sha256, bytes, now, custody), custody);
    }

    /**
     * Who checked: the software and command, the custodian who signs, the note, the receipts it
     * follows.
     */
    private void custodian(String command, Signing custody) {
        line("| Checked by | sealpack " + cell(Version.get()) + ", command `" + command + "` |");
        if (custody.custodian() != null) {
            var c = custody.custodian().certificate();
            line(
                    "| Custodian (signs this receipt) | "
                            + cell(c.primaryUserId())
                            + " `"
                            + Hex.grouped(c.fingerprint())
                            + "` |");
        }
        if (custody.note() != null) {
            line("| Note | " + cell(custody.note()) + " |");
        }
        for (String link : custody.after()) {
            line("| Follows the receipt with SHA-256 | `" + link + "` |");
        }
    }

    /**
     * A receipt of a check that failed: when, what was checked, the SHA-256 of the file as it was
     * read (when known), which checks passed before the failure, and what failed, with its exit
     * code.
     */
    public static void writeFailure(Path receipt, CheckFailed failed, Signing custody) {
        Path archive = failed.archive();
        String command = failed.command();
        String sha256 = failed.sha256();
        List<String> passed = failed.passed();
        Throwable thrown = failed.failure();
        Failure failure = Failure.of(thrown, passed);
        Instant now = Instant.now();
        ReceiptWriter r = new ReceiptWriter();
        r.line("# sealpack verification receipt").line("");
        r.line("| | |").line("|---|---|");
        r.line(
                "| Verdict | **FAILED: "
                        + failure.meaning()
                        + "** (exit "
                        + failure.exitCode()
                        + ") |");
        r.line("| Checked at | " + People.time(now) + " (this computer's clock) |");
        r.custodian(command, custody);
        r.line(
                "| Archive | "
                        + (name(archive) == null ? "standard input" : cell(name(archive)))
                        + " |");
        r.line(
                "| Archive SHA-256 | "
                        + (sha256 == null
                                ? "not known (a stream that was not read to its end)"
                                : "`" + sha256 + "`")
                        + " |");
        r.line("");
        r.line("## What failed").line("");
        r.line(cell(failure.message()));
        if (failure.hint() != null) {
            r.line("").line("What to do: " + cell(failure.hint()));
        }
        r.line("").line("## Checks that passed before it").line("");
        if (passed.isEmpty()) {
            r.line("None.");
        }
        for (String check : passed) {
            r.line("- " + check);
        }
        r.save(
                receipt,
                ReceiptRecords.failed(command, archive, sha256, passed, failure, now, custody),
                custody);
    }

    /**
     * Writes the receipt (people's part, then the record) and, when a custodian signs it, its
     * detached signature FILE.asc, made before either file is written; each file under a temporary
     * name first.
     */
    private void save(Path receipt, ReceiptRecord record, Signing custody) {
        var custodian = custody.custodian();
        if (custodian != null) {
            record = record.signedBy(ReceiptRecords.party(custodian.certificate()));
        }
        byte[] text = ReceiptFile.render(md.toString(), record).getBytes(StandardCharsets.UTF_8);
        byte[] signature =
                custodian == null
                        ? null
                        : Signatures.signDetached(custodian, text, List.of(), Instant.now());
        byte[] returnCopy =
                custody.returnTo() == null
                        ? null
                        : SignedMessage.signAndEncrypt(
                                text,
                                receipt.getFileName().toString(),
                                custodian,
                                custody.returnTo(),
                                Instant.now());
        List<Path> written = new ArrayList<>();
        try {
            write(receipt, text);
            written.add(receipt);
            if (signature != null) {
                write(ReceiptFile.signatureOf(receipt), signature);
                written.add(ReceiptFile.signatureOf(receipt));
            }
            if (returnCopy != null) {
                write(ReceiptFile.returnCopyOf(receipt), returnCopy);
            }
        } catch (RuntimeException e) {
            for (Path mine : written) { // made by this run a moment ago: nothing is left behind
                try {
                    Files.deleteIfExists(mine);
                } catch (IOException ignored) {
                    // named in the failure's line: the file stays only if it cannot be deleted
                }
            }
            throw e;
        }
    }

    /** Writes a new text file (a report) under a temporary name first. */
    public static void writeText(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try (Staging staging = Staging.file(file)) {
            Files.write(staging.path(), bytes, StandardOpenOption.WRITE);
            staging.commit();
        } catch (FileAlreadyExistsException e) {
            throw new OutputExistsException(
                    file + " exists", "choose another name for the receipt");
        } catch (NoSuchFileException e) {
            throw new WriteFailedException(
                    "cannot write " + file + ": its directory does not exist",
                    "create the directory, or choose another path");
        } catch (IOException e) {
            // Not e.getMessage(): it names the temporary file beside the output, which is gone by
            // now.
            throw new WriteFailedException(
                    "cannot write " + file + " (" + e.getClass().getSimpleName() + ")",
                    "check the directory's permissions and free space");
        }
    }
}
