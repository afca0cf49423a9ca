package org.sealpack.cli;

import org.sealpack.custody.ReceiptWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sealpack.custody.Custody;
import org.sealpack.custody.ReceiptRecord;
import org.sealpack.custody.SignedReceipt;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.UnlockedKey;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.seal.Outputs;
import org.sealpack.seal.Passphrases;
import org.sealpack.seal.Version;
import org.sealpack.text.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the receipts of a sealed file (or of the bag opened from it) and print its chain of "
                + "custody as a timeline: who checked or carried which copy when, what was checked, the verdict.",
            "An opened bag is first checked in full at rest, as `verify DIR` does. Each receipt must be given once, "
                + "signed (FILE.asc beside it) by a trusted custodian and unaltered, made when its signature says, name "
                + "this file (an opened bag: its tag manifest), and report no failure; each link (--after) must point at a "
                + "receipt given, and no time may go backwards along a link. A return copy (FILE.pgp) is decrypted with "
                + "--key or the keyring's secret keys and its signature checked. The first break is named; its exit code "
                + "says which kind (40 to 47).",
            "A chain shows the receipts given: it cannot show that none is missing after the last hand."},
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

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RECEIPT",
            description = "The receipts, in any order: R.md (with R.md.asc beside it) or a return copy R.md.pgp as it arrived.")
    List<Path> receipts;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Your secret key, to decrypt return copies (FILE.pgp); repeatable. Default: every secret key in"
                    + " the keyring.")
    List<String> keys;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--json", description = "Print one JSON document (docs/sealpack.schema.json) instead of the timeline.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the timeline as a printable Markdown report.")
    Path report;

    @Override
    public Integer call() {
        if (report != null) {
            Outputs.checkNewFile(report, "the report");
        }
        List<Certificate> trusted = trust.trusted(common);
        Custody.Chain chain;
        String sha256 = null;
        try {
            Custody.Target what = Custody.Target.of(target, trusted);
            sha256 = what.sealedSha256();
            chain = Custody.check(what, receipts, trusted, returnKeys());
        } catch (RuntimeException e) {
            if (json) {
                Json.print(spec.commandLine().getOut(), FailureHandler.json("custody", e, List.of(), sha256));
            }
            throw e;
        }
        List<Custody.Hand> hands = chain.hands();
        if (json) {
            Json.print(spec.commandLine().getOut(), json(chain));
        } else if (!common.quiet) {
            var out = common.out(spec);
            if (chain.target().atRest() != null) {
                out.println("The bag " + Untrusted.of(target.toString()) + ": signed by "
                        + Untrusted.of(People.certificate(chain.target().atRest().signature().signer()))
                        + ", every checksum matches, nothing unlisted (as `verify DIR`)");
            }
            out.println("Chain of custody of " + Untrusted.of(chain.target().description()) + ": " + hands.size()
                    + (hands.size() == 1 ? " hand" : " hands") + ", every receipt signed by a trusted custodian");
            for (String line : timeline(hands, false)) {
                out.println(line);
            }
            out.println("Verdict: GOOD (no break: every link is there, time never goes backwards, no hand reports a"
                    + " failure; " + origin(chain) + ")");
            out.println("  A chain shows the receipts given; it cannot show that none is missing after the last hand.");
        }
        if (report != null) {
            List<String> md = new ArrayList<>(List.of("# sealpack chain of custody", "",
                    "Of " + ReceiptWriter.cell(chain.target().description()) + ", checked " + People.time(Instant.now())
                            + " by sealpack " + Version.get() + ": **GOOD**, no break; " + origin(chain) + ".", "",
                    "A chain shows the receipts given; it cannot show that none is missing after the last hand.", "",
                    "| # | When | Custodian | Job | Checks passed | Verdict | Receipt | Follows |",
                    "|---|---|---|---|---|---|---|---|"));
            md.addAll(timeline(hands, true));
            ReceiptWriter.writeText(report, String.join("\n", md) + "\n");
        }
        return ExitCode.OK.code;
    }

    /** How many hands only carried the file, and which hand first verified its origin. */
    static String origin(Custody.Chain chain) {
        int n = chain.hands().size();
        String carried = chain.carried() == 0 ? "no hand only carried the file"
                : chain.carried() + " of " + n + (n == 1 ? " hand" : " hands") + " only carried the file (origin not"
                + " checkable: anonymous file)";
        String first = chain.firstVerified() > 0 ? "hand #" + chain.firstVerified() + " first verified its origin"
                : chain.target().atRest() != null ? "no hand verified its origin; the bag's signature did, here"
                : "NO hand verified its origin (open it, or verify it with --key, to check who sent it)";
        return carried + "; " + first;
    }

    /** The secret keys for return copies: the ones named, or the keyring's; each unlocked only when used. */
    private SignedReceipt.ReturnKeys returnKeys() {
        return new SignedReceipt.ReturnKeys() {
            @Override
            public List<Key> keys() {
                return Keys.secretKeys(keys, common.keyring());
            }

            @Override
            public UnlockedKey unlock(Key key, java.util.function.LongPredicate parts) {
                return Passphrases.unlock(key, passphrase.forUnlocking(), parts);
            }
        };
    }

    /** The hands, numbered by position, oldest first: as terminal lines, or as rows of a Markdown table. */
    private static List<String> timeline(List<Custody.Hand> hands, boolean markdown) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> number = new LinkedHashMap<>();
        for (int i = 0; i < hands.size(); i++) {
            number.put(hands.get(i).receipt().sha256(), i + 1);
        }
        for (int i = 0; i < hands.size(); i++) {
            Custody.Hand h = hands.get(i);
            ReceiptRecord r = h.receipt().record();
            List<String> passed = r.checks().stream().filter(c -> c.result().equals("passed")).map(ReceiptRecord.Check::check)
                    .toList();
            String what = h.carried() ? "carried; origin not checkable: anonymous file"
                    : String.join(", ", passed) + " passed; " + r.verdict();
            String follows = r.after().isEmpty() ? "-" : String.join(", ", r.after().stream().map(a -> "#" + number.get(a)).toList());
            String receipt = h.receipt().path().toString() + (h.receipt().returned() ? " (return copy, decrypted)" : "");
            if (markdown) {
                lines.add("| " + (i + 1) + " | " + People.time(h.checkedAt()) + " | " + ReceiptWriter.cell(People.certificate(h.custodian()))
                        + " | `" + r.job() + "` | " + (h.carried() ? "none (carried)" : String.join(", ", passed)) + " | "
                        + r.verdict() + " | " + ReceiptWriter.cell(h.receipt().path().getFileName().toString()) + " | " + follows + " |");
            } else {
                lines.add(String.format("  #%d  %s  %s", i + 1, People.time(h.checkedAt()), Untrusted.of(People.certificate(h.custodian()))));
                lines.add("        " + r.job() + ": " + what + (r.after().isEmpty() ? "; the first hand" : "; follows " + follows)
                        + "; receipt " + Untrusted.of(receipt));
                if (r.note() != null) {
                    lines.add("        note: " + Untrusted.of(r.note()));
                }
            }
        }
        return lines;
    }

    private static Map<String, Object> json(Custody.Chain chain) {
        Map<String, Object> doc = Json.document("custody");
        doc.put("verdict", "GOOD");
        if (chain.target().atRest() != null) {
            doc.put("bag", Map.of("path", chain.target().atRest().bag().toString(),
                    "signer", Json.certificate(chain.target().atRest().signature().signer())));
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
