package org.sealpack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sealpack.custody.Custody;
import org.sealpack.custody.ReceiptRecord;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.text.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the receipts of a sealed file (or of the bag opened from it) and print its chain of "
                + "custody as a timeline: who checked which copy when, what was checked, the verdict.",
            "Each receipt must be signed (FILE.asc beside it) by a trusted custodian and unaltered, name this file "
                + "(an opened bag: its tag manifest), and report no failure; each link (--after) must point at a "
                + "receipt given, and no time may go backwards along a link. The first break is named; its exit "
                + "code says which kind (40 to 45)."},
        footerHeading = "%nExample:%n",
        footer = {"  sealpack custody check statement.sealed sender.md \\", "    --signer keys/signer.cert.asc"})
final class CustodyCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TrustOptions trust;

    @Parameters(index = "0", paramLabel = "FILE-OR-DIR", description = "The sealed file, or the bag `open` made from it.")
    Path target;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RECEIPT", description = "The receipts, in any order.")
    List<Path> receipts;

    @Option(names = "--json", description = "Print one JSON document (docs/sealpack.schema.json) instead of the timeline.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the timeline as a printable Markdown report.")
    Path report;

    @Override
    public Integer call() {
        Receipt.checkAbsent(report);
        Custody.Target what = Custody.Target.of(target);
        List<Custody.Hand> hands;
        try {
            hands = Custody.check(what, receipts, trust.trusted(common));
        } catch (RuntimeException e) {
            if (json) {
                Json.print(spec.commandLine().getOut(), FailureHandler.json("custody", e, List.of(), what.sealedSha256()));
            }
            throw e;
        }
        if (json) {
            Json.print(spec.commandLine().getOut(), json(hands));
        } else if (!common.quiet) {
            var out = common.out(spec);
            out.println("Chain of custody of " + Untrusted.of(what.description()) + ": " + hands.size()
                    + (hands.size() == 1 ? " hand" : " hands") + ", every receipt signed by a trusted custodian");
            for (String line : timeline(hands, false)) {
                out.println(line);
            }
            out.println("Verdict: GOOD (no break: every link is there, time never goes backwards, no hand reports a failure)");
        }
        if (report != null) {
            List<String> md = new ArrayList<>(List.of("# sealpack chain of custody", "",
                    "Of " + Receipt.cell(what.description()) + ", checked " + People.time(java.time.Instant.now())
                            + " by sealpack " + org.sealpack.seal.Version.get() + ": **GOOD**, no break.", "",
                    "| When | Custodian | Job | Checks passed | Verdict | Receipt | Follows |", "|---|---|---|---|---|---|---|"));
            md.addAll(timeline(hands, true));
            Receipt.writeText(report, String.join("\n", md) + "\n");
        }
        return ExitCode.OK.code;
    }

    /** The hands, oldest first: as terminal lines, or as rows of a Markdown table. */
    private static List<String> timeline(List<Custody.Hand> hands, boolean markdown) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> number = new LinkedHashMap<>();
        for (Custody.Hand h : hands) {
            number.put(h.receipt().sha256(), number.size() + 1);
        }
        for (Custody.Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            List<String> passed = r.checks().stream().filter(c -> c.result().equals("passed")).map(ReceiptRecord.Check::check)
                    .toList();
            String follows = r.after().isEmpty() ? "-" : String.join(", ", r.after().stream().map(a -> "#" + number.get(a)).toList());
            int n = number.get(h.receipt().sha256());
            if (markdown) {
                lines.add("| " + People.time(h.checkedAt()) + " | " + Receipt.cell(People.certificate(h.custodian())) + " | `"
                        + r.job() + "` | " + String.join(", ", passed) + " | " + r.verdict() + " | "
                        + Receipt.cell(h.receipt().path().getFileName().toString()) + " | " + follows + " |");
            } else {
                lines.add(String.format("  #%d  %s  %s", n, People.time(h.checkedAt()), Untrusted.of(People.certificate(h.custodian()))));
                lines.add("        " + r.job() + ": " + String.join(", ", passed) + " passed; " + r.verdict()
                        + (r.after().isEmpty() ? "; the first hand" : "; follows " + follows)
                        + "; receipt " + Untrusted.of(h.receipt().path().toString()));
                if (r.note() != null) {
                    lines.add("        note: " + Untrusted.of(r.note()));
                }
            }
        }
        return lines;
    }

    private static Map<String, Object> json(List<Custody.Hand> hands) {
        Map<String, Object> doc = Json.document("custody");
        doc.put("verdict", "GOOD");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Custody.Hand h : hands) {
            Map<String, Object> hand = new LinkedHashMap<>();
            hand.put("receipt", h.receipt().path().toString());
            hand.put("receiptSha256", h.receipt().sha256());
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
