package org.sealpack.custody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.sealpack.failure.InputException;
import org.sealpack.seal.Checks;

/**
 * A record that agrees with itself (docs/FORMAT.md R11.15): its job, verdict, checks, signer,
 * recipients and tag manifest in one of the combinations sealpack writes (ReceiptRecords), so that
 * a record cannot say GOOD and list a failed check, or claim what its job cannot know. Each rule
 * broken is refused (exit 3) with its own message.
 */
final class RecordCoherence {
    private static final String PASSED = "passed";
    private static final String FAILED = "failed";
    private static final String NOT_CHECKED = "not checked";

    /** What a verification that decrypted the file has passed whenever it is GOOD. */
    private static final List<String> DECRYPTED_PASSES =
            List.of(Checks.INTEGRITY, Checks.BAG_SIGNATURE, Checks.MANIFEST, Checks.TAG_MANIFEST);

    private final JsonNode r;
    private final Function<String, InputException> fail;

    private RecordCoherence(JsonNode r, Function<String, InputException> fail) {
        this.r = r;
        this.fail = fail;
    }

    static void check(JsonNode record, Function<String, InputException> fail) {
        new RecordCoherence(record, fail).check();
    }

    private void check() {
        String job = r.get("job").asText();
        String verdict = r.get("verdict").asText();
        List<String> names = new ArrayList<>();
        List<String> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : r.get("checks")) {
            String name = c.get("check").asText();
            if (!seen.add(name)) {
                throw fail.apply("lists the check " + name + " twice (each check is listed once)");
            }
            names.add(name);
            results.add(c.get("result").asText());
        }
        if (names.isEmpty()) {
            throw fail.apply("lists no checks (every receipt lists what its job checked)");
        }
        switch (verdict) {
            case ReceiptRecord.GOOD -> good(job, names, results);
            case ReceiptRecord.CARRIED -> carried(names, results);
            default -> failed(job, names, results);
        }
    }

    private void good(String job, List<String> names, List<String> results) {
        int failed = results.indexOf(FAILED);
        if (failed >= 0) {
            throw fail.apply(
                    "has verdict GOOD with the check "
                            + names.get(failed)
                            + " failed (a failed check makes the verdict FAILED)");
        }
        sixInOrder("verdict GOOD", names);
        if (r.get("signer").isNull()) {
            throw fail.apply(
                    "has verdict GOOD (job "
                            + job
                            + ") but names no signer (a GOOD check found one)");
        }
        if ("verify".equals(job)) {
            for (int i = 0; i < names.size(); i++) {
                String want = Checks.OUTER_SIGNATURE.equals(names.get(i)) ? PASSED : NOT_CHECKED;
                if (!want.equals(results.get(i))) {
                    throw fail.apply(
                            "is a verify without a key (job verify) whose check "
                                    + names.get(i)
                                    + " is "
                                    + results.get(i)
                                    + ", not "
                                    + want
                                    + " (without a key only the outer signature is checked)");
                }
            }
            if (!r.get("tagManifestSha512").isNull()) {
                throw fail.apply(
                        "is a verify without a key (job verify) that gives the bag's tag manifest"
                                + " (only a check that decrypted the file can know it)");
            }
        } else {
            for (String pass : DECRYPTED_PASSES) {
                if (!PASSED.equals(results.get(names.indexOf(pass)))) {
                    throw fail.apply(
                            "has job "
                                    + job
                                    + " and verdict GOOD but its check "
                                    + pass
                                    + " is "
                                    + results.get(names.indexOf(pass))
                                    + " (a GOOD "
                                    + job
                                    + " passed integrity, bag-signature, manifest and tag-manifest)");
                }
            }
            if (r.get("tagManifestSha512").isNull()) {
                throw fail.apply(
                        "has job "
                                + job
                                + " and verdict GOOD but no tagManifestSha512 (a GOOD "
                                + job
                                + " decrypted the file and gives it)");
            }
        }
    }

    private void carried(List<String> names, List<String> results) {
        sixInOrder("verdict CARRIED", names);
        int checked =
                results.indexOf(PASSED) >= 0 ? results.indexOf(PASSED) : results.indexOf(FAILED);
        if (checked >= 0) {
            throw fail.apply(
                    "is a carry (CARRIED) whose check "
                            + names.get(checked)
                            + " is "
                            + results.get(checked)
                            + " (a hand that only carried the file checked nothing)");
        }
        notAfterFailureOrCarry("a carry (CARRIED)");
    }

    private void failed(String job, List<String> names, List<String> results) {
        int last = names.size() - 1;
        if (!FAILED.equals(results.get(last))) {
            throw fail.apply(
                    "has verdict FAILED but its last check "
                            + names.get(last)
                            + " is "
                            + results.get(last)
                            + " (a FAILED receipt lists the checks that passed, then the one that"
                            + " failed)");
        }
        for (int i = 0; i < last; i++) {
            if (!PASSED.equals(results.get(i))
                    || !ReceiptRecords.ALL.contains(names.get(i))
                    || "verify".equals(job) && !Checks.OUTER_SIGNATURE.equals(names.get(i))) {
                throw fail.apply(
                        "has verdict FAILED with the check "
                                + names.get(i)
                                + " "
                                + results.get(i)
                                + " before the one that failed (only checks that passed come"
                                + " before it"
                                + ("verify".equals(job)
                                        ? "; without a key only the outer signature can"
                                        : "")
                                + ")");
            }
        }
        notAfterFailureOrCarry("a FAILED check");
    }

    /** A failed check and a carry name no signer, no recipients and no tag manifest. */
    private void notAfterFailureOrCarry(String what) {
        if (!r.get("signer").isNull()
                || !r.get("recipients").isEmpty()
                || !r.get("tagManifestSha512").isNull()) {
            throw fail.apply(
                    "is "
                            + what
                            + " that names a signer, recipients or the bag's tag manifest"
                            + " (sealpack gives these only for a GOOD check)");
        }
    }

    private void sixInOrder(String what, List<String> names) {
        if (!names.equals(ReceiptRecords.ALL)) {
            throw fail.apply(
                    "has "
                            + what
                            + " with the checks "
                            + String.join(", ", names)
                            + ", not the six sealpack lists ("
                            + String.join(", ", ReceiptRecords.ALL)
                            + ", in that order)");
        }
    }
}
