package org.sealpack.custody;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.InputException;
import org.sealpack.pgp.Hex;
import org.sealpack.report.People;
import org.sealpack.seal.Checks;
import org.sealpack.text.Untrusted;

/**
 * Holds a receipt's Markdown to its record (docs/FORMAT.md R11.14): people read the Markdown, so it
 * must be what sealpack writes for that record, line by line. What the record says is rendered
 * again as {@link ReceiptWriter} renders it and compared byte for byte; what the record does not
 * hold (the times of the signatures, the holders of recipient keys, the metadata, the payload
 * files) must have the very form the writer gives it, each text from an archive or a key a code
 * span exactly as {@link ReceiptWriter#cell} writes it (so no HTML, link or other markup can
 * appear). Then the record block, which must be the record as sealpack writes it. Lines are fed one
 * at a time, so a receipt is never held whole.
 */
final class ReceiptMarkdown {
    private static final String CELL = MarkdownForms.CELL;
    private static final String FP = MarkdownForms.FP;
    private static final String TIME = MarkdownForms.TIME;

    /** One expected line: exact, or of a form; once, optional, or repeated. */
    private record Expect(String shown, String exact, Pattern form, int kind, List<Expect> then) {
        static final int ONE = 0;
        static final int OPTIONAL = 1;
        static final int MANY = 2;
    }

    private final String name;
    private final Deque<Expect> expected = new ArrayDeque<>();
    private int line;

    private ReceiptMarkdown(String name, List<Expect> expects) {
        this.name = name;
        this.expected.addAll(expects);
    }

    /** The checker of one receipt's lines, built from its record. */
    static ReceiptMarkdown of(ReceiptRecord record, String name) {
        List<Expect> e = new ArrayList<>();
        if (ReceiptRecord.CARRIED.equals(record.verdict())) {
            carried(e, record);
        } else if (ReceiptRecord.FAILED.equals(record.verdict())) {
            failed(e, record);
        } else {
            good(e, record);
        }
        exact(e, "", "## Record (machine-readable)", "", ReceiptFile.START);
        for (String json : ReceiptFile.json(record).split("\n", -1)) {
            exact(e, json);
        }
        exact(e, "```");
        return new ReceiptMarkdown(name, e);
    }

    /** The next line of the receipt (without its line end). */
    void line(String text) {
        line++;
        while (true) {
            Expect e = expected.peekFirst();
            if (e == null) {
                throw differs(text, "nothing (the record block is the end of a receipt)");
            }
            boolean matches = matches(e, text);
            if (matches && e.kind() != Expect.MANY) {
                expected.removeFirst();
                for (int i = e.then().size() - 1; i >= 0; i--) {
                    expected.addFirst(e.then().get(i));
                }
                return;
            }
            if (matches) {
                return;
            }
            if (e.kind() == Expect.ONE) {
                throw differs(text, e.shown());
            }
            expected.removeFirst();
        }
    }

    /** The receipt ended: nothing more was expected. */
    void end() {
        for (Expect e : expected) {
            if (e.kind() == Expect.ONE) {
                line++;
                throw differs(null, e.shown());
            }
        }
    }

    private InputException differs(String text, String wanted) {
        return ReceiptFile.notAReceipt(
                name,
                "its Markdown is not what sealpack writes for its record (docs/FORMAT.md R11.14): line "
                        + line
                        + (text == null ? " is missing" : " reads \"" + shown(text) + "\"")
                        + ", where sealpack writes "
                        + (wanted.startsWith("\"") ? "" : "a line ")
                        + shown(wanted));
    }

    private static String shown(String text) {
        String s = Untrusted.escape(text);
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    private static boolean matches(Expect e, String text) {
        return e.exact() != null ? e.exact().equals(text) : MarkdownForms.matches(e.form(), text);
    }

    private static Pattern form(String template) {
        return MarkdownForms.form(template);
    }

    private static String group(String placeholder) {
        return MarkdownForms.group(placeholder);
    }

    private static void good(List<Expect> e, ReceiptRecord r) {
        boolean anonymous = !passed(r, Checks.OUTER_SIGNATURE);
        boolean full = passed(r, Checks.INTEGRITY);
        exact(e, "# sealpack verification receipt", "", "| | |", "|---|---|");
        exact(e, "| Verdict | **GOOD: every check below passed** |");
        exact(e, "| Checked at | " + time(r) + " (this computer's clock) |");
        custodian(e, r, r.job());
        exact(e, "| Archive | " + archive(r) + " |");
        exact(e, "| Archive size | " + r.sealedFile().bytes() + " bytes |");
        exact(e, "| Archive SHA-256 | `" + r.sealedFile().sha256() + "` (of the bytes verified) |");
        exact(e, "", "## Checks", "", "| Check | Result |", "|---|---|");
        if (anonymous) {
            exact(e, "| Outer signature | none: anonymous file (seizure mode), by design |");
        } else {
            form(
                    e,
                    "| Outer signature (whole file) | GOOD, by a trusted signer, made "
                            + TIME
                            + " |");
        }
        if (full) {
            exact(e, "| Integrity of the encrypted data (MDC/AEAD) | GOOD |");
            form(
                    e,
                    "| Bag signature over the tag manifest | GOOD, made "
                            + TIME
                            + (anonymous ? "" : ", same key as the outer signature")
                            + " |");
            e.add(
                    new Expect(
                            "\"| Addressed to the key that opened it | yes |\"",
                            null,
                            Pattern.compile(
                                    Pattern.quote("| Addressed to the key that opened it | ")
                                            + "(?:yes|not stated by the signature) \\|"),
                            Expect.ONE,
                            List.of()));
            exact(
                    e,
                    "| Payload manifest (SHA-512) | every file present, listed once, checksum matches |",
                    "| Tag manifest, bagit.txt, Payload-Oxum | GOOD |");
            many(e, "| Note | " + CELL + " |");
        } else {
            exact(
                    e,
                    "| Contents | not checked (no secret key given: custodian's check of the outer layer only) |");
        }
        exact(e, "", "## Signer", "", "| | |", "|---|---|");
        if (r.signer() == null) {
            exact(e, "| Fingerprint | (a GOOD receipt names its signer) |");
        } else {
            exact(e, "| Fingerprint | `" + Hex.grouped(r.signer().fingerprint()) + "` |");
            exact(e, "| User ID | " + ReceiptWriter.cell(r.signer().userId()) + " |");
        }
        exact(
                e,
                "",
                "## Recipients (who can open it)",
                "",
                "| Key ID | Algorithm | Holder |",
                "|---|---|---|");
        for (ReceiptRecord.Recipient rec : r.recipients()) {
            form(
                    e,
                    "| "
                            + ReceiptWriter.cell(rec.keyId())
                            + " | "
                            + ReceiptWriter.cell(rec.algorithm())
                            + " | "
                            + CELL
                            + " |");
        }
        if (!full) {
            return;
        }
        exact(e, "");
        e.add(
                new Expect(
                        "\"Opened with `FINGERPRINT` (USER ID).\"",
                        null,
                        Pattern.compile(
                                "Opened with `"
                                        + group(FP)
                                        + "` \\("
                                        + group(CELL)
                                        + "\\)(?:"
                                        + Pattern.quote(
                                                ", a key held by GnuPG (its agent decrypted; the secret never left it)")
                                        + ")?\\."),
                        Expect.ONE,
                        List.of()));
        e.add(
                new Expect(
                        "\"Intended recipients named in the bag signature: `FINGERPRINT`.\"",
                        null,
                        Pattern.compile(
                                Pattern.quote("Intended recipients named in the bag signature: ")
                                        + "`"
                                        + group(FP)
                                        + "`(?:, `"
                                        + group(FP)
                                        + "`)*\\."),
                        Expect.OPTIONAL,
                        List.of()));
        exact(e, "");
        form(e, "## Metadata (bag-info.txt of bag " + CELL + ")");
        exact(e, "", "| Label | Value |", "|---|---|");
        many(e, "| " + CELL + " | " + CELL + " |");
        e.add(
                new Expect(
                        "",
                        null,
                        Pattern.compile(
                                Pattern.quote("| ... | and ")
                                        + "[1-9][0-9]*"
                                        + Pattern.quote(" more labels, in bag-info.txt |")),
                        Expect.OPTIONAL,
                        List.of()));
        exact(e, "");
        e.add(
                new Expect(
                        "\"## Payload files (N files, N bytes)\"",
                        null,
                        Pattern.compile(
                                "## Payload files \\((?:0|[1-9][0-9]*) files, (?:0|[1-9][0-9]*) bytes\\)"),
                        Expect.ONE,
                        List.of()));
        exact(e, "", "| File | Bytes | SHA-512 |", "|---|---:|---|");
        e.add(
                new Expect(
                        "",
                        null,
                        Pattern.compile(
                                "\\| "
                                        + group(CELL)
                                        + " \\| (?:0|[1-9][0-9]*) \\| `[0-9a-f]{128}` \\|"),
                        Expect.MANY,
                        List.of()));
        e.add(
                new Expect(
                        "",
                        null,
                        Pattern.compile(
                                Pattern.quote("| ... and ")
                                        + "[1-9][0-9]*"
                                        + Pattern.quote(
                                                " more files | | every one listed in the bag's manifest, which"
                                                        + " the tag manifest below covers |")),
                        Expect.OPTIONAL,
                        List.of()));
        exact(e, "", "Tag manifest SHA-512: `" + r.tagManifestSha512() + "`");
    }

    private static void failed(List<Expect> e, ReceiptRecord r) {
        exact(e, "# sealpack verification receipt", "", "| | |", "|---|---|");
        String meaning = null;
        for (ExitCode code : ExitCode.values()) {
            meaning = code.code == r.exitCode() ? code.meaning : meaning;
        }
        exact(e, "| Verdict | **FAILED: " + meaning + "** (exit " + r.exitCode() + ") |");
        exact(e, "| Checked at | " + time(r) + " (this computer's clock) |");
        custodian(e, r, r.job());
        exact(e, "| Archive | " + archive(r) + " |");
        exact(
                e,
                "| Archive SHA-256 | "
                        + (r.sealedFile().sha256() == null
                                ? "not known (a stream that was not read to its end)"
                                : "`" + r.sealedFile().sha256() + "`")
                        + " |");
        exact(e, "", "## What failed", "", ReceiptWriter.cell(r.error()), "");
        e.add(
                new Expect(
                        "",
                        null,
                        form("What to do: " + CELL),
                        Expect.OPTIONAL,
                        List.of(new Expect("\"\"", "", null, Expect.ONE, List.of()))));
        exact(e, "## Checks that passed before it", "");
        List<String> passed =
                r.checks().stream()
                        .filter(c -> c.result().equals("passed"))
                        .map(ReceiptRecord.Check::check)
                        .toList();
        if (passed.isEmpty()) {
            exact(e, "None.");
        }
        for (String check : passed) {
            exact(e, "- " + check);
        }
    }

    private static void carried(List<Expect> e, ReceiptRecord r) {
        exact(
                e,
                "# sealpack hand-over receipt (carried, not checked)",
                "",
                "| | |",
                "|---|---|",
                "| Verdict | **CARRIED: the file passed through this hand; its origin was not checked** |",
                "| Handed over at | " + time(r) + " (this computer's clock) |");
        custodian(e, r, "custody carry");
        exact(e, "| File | " + ReceiptWriter.cell(r.sealedFile().name()) + " |");
        exact(e, "| File size | " + r.sealedFile().bytes() + " bytes |");
        exact(e, "| File SHA-256 | `" + r.sealedFile().sha256() + "` (of the bytes carried) |");
        exact(e, "", ReceiptWriter.CARRIED_TEXT);
    }

    private static void custodian(List<Expect> e, ReceiptRecord r, String command) {
        String version = r.software().substring("sealpack ".length());
        exact(
                e,
                "| Checked by | sealpack "
                        + ReceiptWriter.cell(version)
                        + ", command `"
                        + command
                        + "` |");
        if (r.custodian() != null) {
            exact(
                    e,
                    "| Custodian (signs this receipt) | "
                            + ReceiptWriter.cell(r.custodian().userId())
                            + " `"
                            + Hex.grouped(r.custodian().fingerprint())
                            + "` |");
        }
        if (r.note() != null) {
            exact(e, "| Note | " + ReceiptWriter.cell(r.note()) + " |");
        }
        for (String link : r.after()) {
            exact(e, "| Follows the receipt with SHA-256 | `" + link + "` |");
        }
    }

    private static boolean passed(ReceiptRecord r, String check) {
        return r.checks().stream()
                .anyMatch(c -> c.check().equals(check) && c.result().equals("passed"));
    }

    private static String time(ReceiptRecord r) {
        return People.time(Instant.parse(r.checkedAt()));
    }

    private static String archive(ReceiptRecord r) {
        return r.sealedFile().name() == null
                ? "standard input"
                : ReceiptWriter.cell(r.sealedFile().name());
    }

    private static void exact(List<Expect> e, String... lines) {
        for (String l : lines) {
            e.add(new Expect("\"" + l + "\"", l, null, Expect.ONE, List.of()));
        }
    }

    private static void form(List<Expect> e, String template) {
        e.add(new Expect(shownForm(template), null, form(template), Expect.ONE, List.of()));
    }

    private static void many(List<Expect> e, String template) {
        e.add(new Expect(shownForm(template), null, form(template), Expect.MANY, List.of()));
    }

    private static String shownForm(String template) {
        return "\""
                + template.replace(CELL, "`TEXT`")
                        .replace(FP, "FINGERPRINT")
                        .replace(TIME, "YYYY-MM-DD HH:MM:SS UTC")
                + "\"";
    }
}
