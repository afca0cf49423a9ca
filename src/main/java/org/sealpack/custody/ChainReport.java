package org.sealpack.custody;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.seal.Version;
import org.sealpack.text.Untrusted;

/**
 * A chain of custody that checked out, as people read it (terminal, Markdown report) and as JSON.
 */
public final class ChainReport {
    private ChainReport() {}

    /** The timeline for the terminal. */
    public static void print(PrintWriter out, Custody.Chain chain, Path target) {
        List<Custody.Hand> hands = chain.hands();
        if (chain.target().atRest() != null) {
            out.println(
                    "The bag "
                            + Untrusted.of(target.toString())
                            + ": signed by "
                            + Untrusted.of(
                                    People.certificate(
                                            chain.target().atRest().signature().signer()))
                            + ", every checksum matches, nothing unlisted (as `verify DIR`)");
        }
        out.println(
                "Chain of custody of "
                        + Untrusted.of(chain.target().description())
                        + ": "
                        + hands.size()
                        + (hands.size() == 1 ? " hand" : " hands")
                        + ", every receipt signed by a trusted custodian");
        for (String line : timeline(hands, false)) {
            out.println(line);
        }
        out.println(
                "Verdict: GOOD (no break: every link is there, time never goes backwards, no hand reports a"
                        + " failure; "
                        + origin(chain)
                        + ")");
        out.println(
                "  A chain shows the receipts given; it cannot show that none is missing after the last hand.");
    }

    /** The printable Markdown report (--report FILE). */
    public static void writeMarkdown(Path report, Custody.Chain chain) {
        List<String> md =
                new ArrayList<>(
                        List.of(
                                "# sealpack chain of custody",
                                "",
                                "Of "
                                        + ReceiptWriter.cell(chain.target().description())
                                        + ", checked "
                                        + People.time(Instant.now())
                                        + " by sealpack "
                                        + Version.get()
                                        + ": **GOOD**, no break; "
                                        + origin(chain)
                                        + ".",
                                "",
                                "A chain shows the receipts given; it cannot show that none is missing after the last hand.",
                                "",
                                "| # | When | Custodian | Job | Checks passed | Verdict | Receipt | Follows |",
                                "|---|---|---|---|---|---|---|---|"));
        md.addAll(timeline(chain.hands(), true));
        ReceiptWriter.writeText(report, String.join("\n", md) + "\n");
    }

    /** How many hands only carried the file, and which hand first verified its origin. */
    public static String origin(Custody.Chain chain) {
        int n = chain.hands().size();
        String carried =
                chain.carried() == 0
                        ? "no hand only carried the file"
                        : chain.carried()
                                + " of "
                                + n
                                + (n == 1 ? " hand" : " hands")
                                + " only carried the file (origin not"
                                + " checkable: anonymous file)";
        String first =
                chain.firstVerified() > 0
                        ? "hand #" + chain.firstVerified() + " first verified its origin"
                        : chain.target().atRest() != null
                                ? "no hand verified its origin; the bag's signature did, here"
                                : "NO hand verified its origin (open it, or verify it with --key, to check who sent it)";
        return carried + "; " + first;
    }

    /**
     * The hands, numbered by position, oldest first: as terminal lines, or as rows of a Markdown
     * table.
     */
    private static List<String> timeline(List<Custody.Hand> hands, boolean markdown) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> number = new LinkedHashMap<>();
        for (int i = 0; i < hands.size(); i++) {
            number.put(hands.get(i).receipt().sha256(), i + 1);
        }
        for (int i = 0; i < hands.size(); i++) {
            Custody.Hand h = hands.get(i);
            ReceiptRecord r = h.receipt().record();
            List<String> passed =
                    r.checks().stream()
                            .filter(c -> c.result().equals("passed"))
                            .map(ReceiptRecord.Check::check)
                            .toList();
            String what =
                    h.carried()
                            ? "carried; origin not checkable: anonymous file"
                            : String.join(", ", passed) + " passed; " + r.verdict();
            String follows =
                    r.after().isEmpty()
                            ? "-"
                            : String.join(
                                    ", ",
                                    r.after().stream().map(a -> "#" + number.get(a)).toList());
            String receipt =
                    h.receipt().path().toString()
                            + (h.receipt().returned() ? " (return copy, decrypted)" : "");
            if (markdown) {
                lines.add(
                        "| "
                                + (i + 1)
                                + " | "
                                + People.time(h.checkedAt())
                                + " | "
                                + ReceiptWriter.cell(People.certificate(h.custodian()))
                                + " | `"
                                + r.job()
                                + "` | "
                                + (h.carried() ? "none (carried)" : String.join(", ", passed))
                                + " | "
                                + r.verdict()
                                + " | "
                                + ReceiptWriter.cell(h.receipt().path().getFileName().toString())
                                + " | "
                                + follows
                                + " |");
            } else {
                lines.add(
                        String.format(
                                "  #%d  %s  %s",
                                i + 1,
                                People.time(h.checkedAt()),
                                Untrusted.of(People.certificate(h.custodian()))));
                lines.add(
                        "        "
                                + r.job()
                                + ": "
                                + what
                                + (r.after().isEmpty()
                                        ? "; the first hand"
                                        : "; follows " + follows)
                                + "; receipt "
                                + Untrusted.of(receipt));
                if (r.note() != null) {
                    lines.add("        note: " + Untrusted.of(r.note()));
                }
            }
        }
        return lines;
    }

    /** The --json document of the chain. */
    public static Map<String, Object> json(Custody.Chain chain) {
        Map<String, Object> doc = Json.document("custody");
        doc.put("verdict", "GOOD");
        if (chain.target().atRest() != null) {
            doc.put(
                    "bag",
                    Map.of(
                            "path",
                            chain.target().atRest().bag().toString(),
                            "signer",
                            Json.certificate(chain.target().atRest().signature().signer())));
        }
        doc.put("carried", chain.carried());
        doc.put("originFirstVerifiedBy", chain.firstVerified() == 0 ? null : chain.firstVerified());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Custody.Hand h : chain.hands()) {
            Map<String, Object> hand = new LinkedHashMap<>();
            hand.put("position", list.size() + 1);
            hand.put("receipt", h.receipt().path().toString());
            hand.put("receiptSha256", h.receipt().sha256());
            hand.put("returned", h.receipt().returned());
            hand.put("custodian", Json.certificate(h.custodian()));
            hand.put("checkedAt", h.receipt().record().checkedAt());
            hand.put("job", h.receipt().record().job());
            hand.put("verdict", h.receipt().record().verdict());
            hand.put("after", h.receipt().record().after());
            hand.put("note", h.receipt().record().note());
            list.add(hand);
        }
        doc.put("hands", list);
        return doc;
    }
}
