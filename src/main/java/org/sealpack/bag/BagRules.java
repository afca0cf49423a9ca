package org.sealpack.bag;

import java.io.IOException;
import java.util.List;
import org.sealpack.failure.BagIncompleteException;
import org.sealpack.failure.BagInvalidException;

/**
 * The one rule set that judges a bag, for {@code open}, {@code verify FILE --key}, {@code verify
 * DIR} and {@code validate}, over the same view of a bag ({@link BagContent}) whether it was read
 * from a sealed file or lies in a directory. Two levels:
 *
 * <ul>
 *   <li>{@link Level#SEALED}: what sealpack writes and opens, docs/FORMAT.md section 4; nothing
 *       that the bag signature does not cover ({@link SealedBag});
 *   <li>{@link Level#ANY_BAG}: any bag of BagIt 0.93 to 1.0 (RFC 8493), as the Library of
 *       Congress's bagit-java reads them ({@link AnyBag}).
 * </ul>
 *
 * Every problem is collected, not only the first.
 */
public final class BagRules {
    private static final String HINT =
            "the bag is damaged or was altered; do not rely on it, ask the sender for a new copy";

    /** A bag with a million wrong files gets a readable message, not a million clauses. */
    static final int MAX_PROBLEMS_SHOWN = 12;

    private BagRules() {}

    /** How strict. */
    public enum Level {
        /**
         * A sealed bag: exactly what sealpack writes; anything not covered by the signature is a
         * problem.
         */
        SEALED,
        /** Any bag: RFC 8493 and BagIt 0.93 to 0.97, as the reference validators read them. */
        ANY_BAG
    }

    /**
     * What the rules found.
     *
     * @param version the BagIt version bagit.txt declares
     * @param algorithms the payload manifests' algorithms ("sha512", "md5", ...)
     * @param bagInfo bag-info.txt (empty when absent), or null when it cannot be read
     * @param payload the payload files found, with their size and their digest in {@link
     *     #payloadAlgorithm()}
     * @param problems what makes the bag invalid (empty: valid)
     * @param warnings what passed but deserves a word (a weak checksum algorithm)
     * @param toFetch payload files that fetch.txt says are elsewhere and are not here (a holey bag)
     */
    public record Verdict(
            Level level,
            String version,
            List<String> algorithms,
            Metadata bagInfo,
            Manifest payload,
            long payloadBytes,
            List<String> problems,
            List<String> warnings,
            List<String> toFetch) {
        public boolean valid() {
            return problems.isEmpty();
        }

        public boolean complete() {
            return toFetch.isEmpty();
        }

        /**
         * The algorithm of the digests in {@link #payload()}: SHA-512 when the bag has it, else its
         * first.
         */
        public String payloadAlgorithm() {
            return algorithms.contains("sha512") || algorithms.isEmpty()
                    ? "sha512"
                    : algorithms.get(0);
        }

        /**
         * Throws the failure naming every problem (exit 24), or the incomplete bag's (exit 28),
         * unless it is complete and valid.
         */
        public Verdict requireValid(String bag) {
            if (!problems.isEmpty()) {
                throw new BagInvalidException(bag + " is invalid: " + summary(problems), HINT);
            }
            if (!toFetch.isEmpty()) {
                throw new BagIncompleteException(
                        bag
                                + " is valid but holey: "
                                + toFetch.size()
                                + " file(s) that fetch.txt"
                                + " lists are not here ("
                                + summary(toFetch)
                                + "), and sealpack never fetches anything",
                        "fetch them with a BagIt tool on a connected machine, then validate the bag again");
            }
            return this;
        }
    }

    /**
     * Judges the bag at the level. An I/O error reading it is thrown; everything about its content
     * is a problem.
     */
    public static Verdict check(BagContent bag, Level level) throws IOException {
        return level == Level.SEALED ? SealedBag.check(bag) : AnyBag.check(bag);
    }

    /**
     * The problems in one line: all of them up to a dozen, else the first dozen and how many more.
     */
    public static String summary(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        int shown = Math.min(problems.size(), MAX_PROBLEMS_SHOWN);
        String listed = String.join("; ", problems.subList(0, shown));
        return problems.size()
                + " problems: "
                + listed
                + (shown < problems.size() ? "; and " + (problems.size() - shown) + " more" : "");
    }
}
