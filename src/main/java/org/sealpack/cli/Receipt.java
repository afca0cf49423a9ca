package org.sealpack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.sealpack.bag.Metadata;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.Staging;
import org.sealpack.pgp.SealReader;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Version;

/**
 * A verification receipt: a printable Markdown record of what was checked, when, and with what result,
 * for a case file's chain of custody. Written only after every check passed.
 */
final class Receipt {
    private final StringBuilder md = new StringBuilder();

    private Receipt() {
    }

    /**
     * Text from an archive or a key, as Markdown that shows it literally: a code span (inside which
     * nothing is markup: no link, image, HTML, emphasis or autolink), fenced with more backticks than the
     * text holds in a row, with '|' escaped for the table, every invisible character shown (Terminal.safe).
     */
    static String cell(String s) {
        String text = Terminal.safe(s).replace("|", "\\|");
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

    private Receipt line(String s) {
        md.append(s).append('\n');
        return this;
    }

    /** Refuses an existing receipt before any work is done. */
    static void checkAbsent(Path receipt) {
        if (receipt != null && Files.exists(receipt)) {
            throw new OutputExistsException(receipt + " exists", "choose another name for the receipt");
        }
    }

    /**
     * @param sha256 the SHA-256 of the bytes that were verified (the source was hashed as it was read)
     */
    static void write(Path receipt, Path archive, String command, String sha256, Reports.Outer outer, Reports.Full full) {
        if (Files.exists(receipt)) {
            throw new OutputExistsException(receipt + " exists", "choose another name for the receipt");
        }
        Receipt r = new Receipt();
        r.line("# sealpack verification receipt").line("");
        r.line("| | |").line("|---|---|");
        r.line("| Verdict | **GOOD: every check below passed** |");
        r.line("| Checked at | " + Instant.now() + " (UTC, this computer's clock) |");
        r.line("| Checked by | sealpack " + cell(Version.get()) + ", command `" + command + "` |");
        r.line("| Archive | " + (StandardStreams.isStdin(archive) ? "standard input"
                : cell(archive.toAbsolutePath().toString())) + " |");
        r.line("| Archive size | " + outer.fileBytes() + " bytes |");
        r.line("| Archive SHA-256 | `" + java.util.Objects.requireNonNull(sha256, "the source was not hashed") + "` (of the bytes verified) |");
        r.line("");
        r.line("## Checks").line("").line("| Check | Result |").line("|---|---|");
        if (outer.anonymous()) {
            r.line("| Outer signature | none: anonymous file (seizure mode), by design |");
        } else {
            r.line("| Outer signature (whole file) | GOOD, by a trusted signer, made " + outer.signed() + " |");
        }
        if (full != null) {
            r.line("| Integrity of the encrypted data (MDC/AEAD) | GOOD |");
            r.line("| Bag signature over the tag manifest | GOOD, made " + full.bagSigned()
                    + (outer.anonymous() ? "" : ", same key as the outer signature") + " |");
            r.line("| Addressed to the key that opened it | "
                    + (full.intendedRecipients().isEmpty() ? "not stated by the signature" : "yes") + " |");
            r.line("| Payload manifest (SHA-512) | every file present, listed once, checksum matches |");
            r.line("| Tag manifest, bagit.txt, Payload-Oxum | GOOD |");
            for (String w : full.warnings()) {
                r.line("| Note | " + cell(w) + " |");
            }
        } else {
            r.line("| Contents | not checked (no secret key given: custodian's check of the outer layer only) |");
        }
        r.line("");
        r.line("## Signer").line("").line("| | |").line("|---|---|");
        r.line("| Fingerprint | `" + outer.signer().fingerprint() + "` |");
        r.line("| User ID | " + cell(outer.signer().primaryUserId()) + " |");
        r.line("");
        r.line("## Recipients").line("").line("| Key ID | Algorithm |").line("|---|---|");
        for (SealReader.Recipient rec : outer.recipients()) {
            r.line("| " + cell(rec.keyId()) + " | " + cell(rec.algorithm()) + " |");
        }
        if (full != null) {
            r.line("").line("Opened with `" + full.openedBy().fingerprint() + "` (" + cell(full.openedBy().primaryUserId()) + ").");
            if (!full.intendedRecipients().isEmpty()) {
                r.line("Intended recipients named in the bag signature: "
                        + String.join(", ", full.intendedRecipients().stream().map(f -> "`" + f + "`").toList()) + ".");
            }
            r.line("").line("## Metadata (bag-info.txt of bag " + cell(full.bagName()) + ")").line("")
                    .line("| Label | Value |").line("|---|---|");
            for (Metadata.Element e : full.bagInfo().elements()) {
                r.line("| " + cell(e.label()) + " | " + cell(Metadata.unfold(e.value())) + " |");
            }
            r.line("").line("## Payload files (" + full.manifest().checksums().size() + " files, " + full.payloadBytes()
                    + " bytes)").line("").line("| File | Bytes | SHA-512 |").line("|---|---:|---|");
            full.manifest().checksums().forEach((path, sum) -> r.line("| " + cell(path) + " | "
                    + full.manifest().sizeOf(path) + " | `" + sum + "` |"));
        }
        try (Staging staging = Staging.file(receipt)) {
            Files.writeString(staging.path(), r.md.toString(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            staging.commit();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new OutputExistsException(receipt + " exists", "choose another name for the receipt");
        } catch (IOException e) {
            throw new WriteFailedException("cannot write the receipt " + receipt + ": " + e.getMessage(),
                    "check the directory and free space");
        }
    }

}
