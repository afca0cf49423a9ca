package org.sealpack.custody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sealpack.bag.BagIt;
import org.sealpack.bag.Digests;
import org.sealpack.failure.ChainLinkMissingException;
import org.sealpack.failure.ChainTimeException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.NotVerifiableException;
import org.sealpack.failure.ReceiptOtherFileException;
import org.sealpack.failure.ReceiptRepeatedException;
import org.sealpack.failure.ReceiptReportsFailureException;
import org.sealpack.failure.SealpackException;
import org.sealpack.pgp.Certificate;
import org.sealpack.report.People;
import org.sealpack.seal.AtRest;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Source;
import org.sealpack.seal.Verifier;
import org.sealpack.text.Untrusted;

/**
 * Checks a chain of custody (docs/FORMAT.md section 11.3): an opened bag first in full at rest, as
 * `verify DIR` does; then every receipt once (no receipt given twice), signed by a trusted
 * custodian and unaltered, made when its signature says, naming this sealed file (or, for an opened
 * bag, its tag manifest), reporting no failure; every link pointing at a receipt given; no time
 * going backwards along a link. The first break found is thrown, in that order of checks; otherwise
 * the chain.
 */
public final class Custody {
    private Custody() {}

    /**
     * One hand the file passed through: its receipt and the custodian whose signature on it
     * verified.
     */
    public record Hand(SignedReceipt.Read receipt, Certificate custodian, Instant checkedAt) {
        /** A hand-over of a file whose origin the hand could not check (an anonymous file). */
        public boolean carried() {
            return ReceiptRecord.CARRIED.equals(receipt.record().verdict());
        }

        /** Whether this hand checked the file's origin: a signature of the sealed file passed. */
        public boolean verifiedOrigin() {
            return ReceiptRecord.GOOD.equals(receipt.record().verdict())
                    && receipt.record().checks().stream()
                            .anyMatch(
                                    c ->
                                            c.result().equals("passed")
                                                    && (c.check().equals("outer-signature")
                                                            || c.check().equals("bag-signature")));
        }
    }

    /**
     * What the receipts must name: a sealed file's SHA-256, or an opened bag's tag-manifest
     * SHA-512.
     *
     * @param atRest the at-rest check of an opened bag (null for a sealed file)
     */
    public record Target(
            String description,
            String sealedSha256,
            String tagManifestSha512,
            AtRest.Report atRest,
            Certificate signer,
            RuntimeException unverified) {
        /**
         * A sealed file hashed and its outer signature verified (as `verify` does: its signer is
         * what every receipt must name), or an opened bag checked in full at rest (as `verify DIR`)
         * and its tag manifest hashed. An anonymous file has no outer signature: its signer is
         * null.
         */
        public static Target of(Path fileOrDir, List<Certificate> trusted) {
            try {
                if (Files.isDirectory(fileOrDir)) {
                    AtRest.Report report = AtRest.verify(fileOrDir, trusted).requireValid();
                    byte[] tagManifest = Files.readAllBytes(fileOrDir.resolve(BagIt.TAG_MANIFEST));
                    return new Target(
                            "the bag " + fileOrDir,
                            null,
                            Digests.sha512Hex(tagManifest),
                            report,
                            report.signature().signer(),
                            null);
                }
                if (!Files.exists(fileOrDir)) {
                    throw new NoSuchFileException(fileOrDir.toString());
                }
                ReceiptFile.requireRegular(fileOrDir, "the sealed file");
                try {
                    var verified =
                            Verifier.custody(
                                    Source.file(fileOrDir).hashed(), trusted, new Checks());
                    return new Target(
                            fileOrDir.toString(),
                            verified.sourceSha256(),
                            null,
                            null,
                            verified.report().signer(),
                            null);
                } catch (NotVerifiableException anonymous) {
                    return new Target(
                            fileOrDir.toString(), sha256(fileOrDir), null, null, null, null);
                } catch (InputException e) {
                    throw e;
                } catch (SealpackException e) {
                    // Kept: what the receipts name is judged first (another file is 42), this only
                    // when a receipt names the file's signer.
                    return new Target(fileOrDir.toString(), sha256(fileOrDir), null, null, null, e);
                }
            } catch (NoSuchFileException e) {
                throw new InputException("not found: " + fileOrDir, "check the path");
            } catch (IOException e) {
                throw new InputException(
                        "cannot read " + fileOrDir + ": " + e.getMessage(),
                        "check its permissions");
            }
        }

        private static String sha256(Path file) throws IOException {
            MessageDigest digest = ReceiptFile.sha256();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 20];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /**
     * A chain that holds: the hands oldest first, how many only carried the file, and the position
     * (1 for the first hand) of the first hand that verified its origin, or 0 if none did.
     */
    public record Chain(Target target, List<Hand> hands, int carried, int firstVerified) {}

    public static Chain check(
            Target target,
            List<Path> receiptFiles,
            List<Certificate> trusted,
            SignedReceipt.ReturnKeys keys) {
        Map<Path, Path> paths = new HashMap<>();
        for (Path file : receiptFiles) {
            Path earlier = paths.putIfAbsent(file.toAbsolutePath().normalize(), file);
            if (earlier != null) {
                throw repeated(
                        "receipt "
                                + file
                                + " is given twice (as "
                                + earlier
                                + " and as "
                                + file
                                + ")");
            }
        }
        List<Hand> hands = new ArrayList<>();
        Map<String, Hand> bySha = new LinkedHashMap<>();
        for (Path file : receiptFiles) {
            SignedReceipt.Read read = SignedReceipt.read(file, trusted, keys);
            Hand hand = new Hand(read, read.custodian(), read.checkedAt());
            Hand same = bySha.putIfAbsent(read.sha256(), hand);
            if (same != null) {
                throw repeated(
                        "receipts "
                                + same.receipt().path()
                                + " and "
                                + file
                                + " are the same receipt (byte for"
                                + " byte, SHA-256 "
                                + read.sha256()
                                + ")");
            }
            hands.add(hand);
        }
        requireThisFile(target, hands);
        requireItsSigner(target, hands);
        for (Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            if (ReceiptRecord.FAILED.equals(r.verdict())) {
                throw new ReceiptReportsFailureException(
                        "receipt "
                                + h.receipt().path()
                                + " reports a failed check at "
                                + h.checkedAt()
                                + " (exit "
                                + r.exitCode()
                                + "): "
                                + r.error(),
                        r.exitCode() == 27
                                ? "that hand held no key for an anonymous file; a courier records a hand-over with `sealpack"
                                        + " custody carry FILE --receipt R` instead: ask them for that receipt"
                                : "find out what happened to the file at that hand");
            }
        }
        for (Hand h : hands) {
            for (String link : h.receipt().record().after()) {
                Hand before = bySha.get(link);
                if (before == null) {
                    throw new ChainLinkMissingException(
                            "receipt "
                                    + h.receipt().path()
                                    + " follows a receipt with SHA-256 "
                                    + link
                                    + ", which was not given (a missing link)",
                            "give every receipt of the chain");
                }
                if (h.checkedAt().isBefore(before.checkedAt())) {
                    throw new ChainTimeException(
                            "receipt "
                                    + h.receipt().path()
                                    + " ("
                                    + h.checkedAt()
                                    + ") follows "
                                    + before.receipt().path()
                                    + " ("
                                    + before.checkedAt()
                                    + "), which is later: time goes"
                                    + " backwards",
                            "ask the custodians about their clocks, and whether the receipts were reordered");
                }
            }
        }
        List<Hand> ordered = inOrder(hands, bySha);
        int carried = (int) ordered.stream().filter(Hand::carried).count();
        int first = 0;
        for (int i = 0; i < ordered.size() && first == 0; i++) {
            first = ordered.get(i).verifiedOrigin() ? i + 1 : 0;
        }
        return new Chain(target, ordered, carried, first);
    }

    /**
     * Each receipt that names the sealed file's signer names the key that signed the file being
     * checked (R11.2): its outer signature, or for an opened bag its bag signature; the user ID it
     * names is one of that key's. A receipt of an anonymous file that claims its outer signature
     * passed names a signature the file does not have. (A carry names no signer: RecordRules.)
     */
    private static void requireItsSigner(Target target, List<Hand> hands) {
        for (Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            ReceiptRecord.Party named = r.signer();
            boolean outerPassed =
                    r.checks().stream()
                            .anyMatch(
                                    c ->
                                            c.check().equals(Checks.OUTER_SIGNATURE)
                                                    && c.result().equals("passed"));
            Certificate actual = target.signer();
            if (target.unverified() != null && (named != null || outerPassed)) {
                throw target.unverified();
            }
            if (actual == null && outerPassed) {
                throw new ReceiptOtherFileException(
                        "receipt "
                                + h.receipt().path()
                                + " says the outer signature of the file passed, but "
                                + target.description()
                                + " has none (an anonymous file)",
                        "do not rely on it: its custodian signed a record of another file; ask"
                                + " them");
            }
            if (named == null || actual == null) {
                continue;
            }
            if (!actual.fingerprint().equalsIgnoreCase(named.fingerprint())) {
                throw new ReceiptOtherFileException(
                        "receipt "
                                + h.receipt().path()
                                + " says the file is signed by "
                                + People.fingerprint(named.fingerprint())
                                + ", but "
                                + target.description()
                                + " is signed by "
                                + actual.describe(),
                        "do not rely on it: its custodian signed a record that names another"
                                + " signer than the file's; ask them");
            }
            if (named.userId() != null && !actual.userIds().contains(named.userId())) {
                throw new ReceiptOtherFileException(
                        "receipt "
                                + h.receipt().path()
                                + " names the file's signer \""
                                + Untrusted.escape(named.userId())
                                + "\", which is not a user ID of the key that signed "
                                + target.description()
                                + " ("
                                + actual.describe()
                                + ")",
                        "do not rely on it: a reader of its record would take the signer for"
                                + " someone else; ask its custodian");
            }
        }
    }

    private static ReceiptRepeatedException repeated(String what) {
        return new ReceiptRepeatedException(
                what + ": a receipt counts as one hand, once",
                "give each receipt once; if a hand checked the file twice, it signs two receipts");
    }

    /**
     * Oldest first; of hands at the same second, one that follows another comes after it (so a
     * chain made within a second still reads in its order).
     */
    private static List<Hand> inOrder(List<Hand> hands, Map<String, Hand> bySha) {
        List<Hand> left = new ArrayList<>(hands);
        left.sort(Comparator.comparing(Hand::checkedAt));
        List<Hand> ordered = new ArrayList<>();
        Set<Hand> placed = new HashSet<>();
        while (!left.isEmpty()) {
            Hand next =
                    left.stream()
                            .filter(
                                    h ->
                                            h.receipt().record().after().stream()
                                                    .map(bySha::get)
                                                    .allMatch(placed::contains))
                            .findFirst()
                            .orElse(left.get(0));
            left.remove(next);
            placed.add(next);
            ordered.add(next);
        }
        return ordered;
    }

    /**
     * Each receipt names the target: the sealed file's SHA-256; for an opened bag, its tag
     * manifest, or a sealed file whose receipt (an open) also names that tag manifest.
     */
    private static void requireThisFile(Target target, List<Hand> hands) {
        Set<String> files = new HashSet<>();
        if (target.sealedSha256() != null) {
            files.add(target.sealedSha256());
        }
        for (Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            if (target.tagManifestSha512() != null
                    && target.tagManifestSha512().equals(r.tagManifestSha512())
                    && r.sealedFile().sha256() != null) {
                files.add(r.sealedFile().sha256());
            }
        }
        for (Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            boolean bag =
                    target.tagManifestSha512() != null
                            && target.tagManifestSha512().equals(r.tagManifestSha512());
            if (!bag && !files.contains(r.sealedFile().sha256())) {
                throw new ReceiptOtherFileException(
                        "receipt "
                                + h.receipt().path()
                                + " names another file (SHA-256 "
                                + r.sealedFile().sha256()
                                + ") than "
                                + target.description(),
                        "give the receipts of this file only");
            }
        }
    }
}
