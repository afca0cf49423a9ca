package org.sealpack.custody;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.ChainLinkMissingException;
import org.sealpack.failure.ChainTimeException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.ReceiptAlteredException;
import org.sealpack.failure.ReceiptOtherFileException;
import org.sealpack.failure.ReceiptReportsFailureException;
import org.sealpack.failure.ReceiptUntrustedException;
import org.sealpack.failure.UntrustedSignerException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SignatureCheck;
import org.sealpack.pgp.Signatures;

/**
 * Checks a chain of custody (docs/FORMAT.md section 11.3): every receipt signed by a trusted custodian
 * and unaltered, naming this sealed file (or, for an opened bag, its tag manifest), reporting no
 * failure; every link pointing at a receipt given; no time going backwards along a link. The first
 * break found is thrown, in that order of checks; otherwise the hands, oldest first.
 */
public final class Custody {
    private Custody() {
    }

    /** One hand the file passed through: its receipt and the custodian whose signature on it verified. */
    public record Hand(ReceiptFile.Read receipt, Certificate custodian, Instant checkedAt) {
    }

    /** What the receipts must name: a sealed file's SHA-256, or an opened bag's tag-manifest SHA-512. */
    public record Target(String description, String sealedSha256, String tagManifestSha512) {
        public static Target of(Path fileOrDir) {
            try {
                if (Files.isDirectory(fileOrDir)) {
                    Path tagManifest = fileOrDir.resolve("tagmanifest-sha512.txt");
                    if (!Files.isRegularFile(tagManifest)) {
                        throw new InputException(fileOrDir + " is not an opened bag (no tagmanifest-sha512.txt)",
                                "give the sealed file, or the directory that `sealpack open` made");
                    }
                    byte[] bytes = Files.readAllBytes(tagManifest);
                    return new Target("the bag " + fileOrDir, null, org.sealpack.bag.Digests.sha512Hex(bytes));
                }
                try (var in = Files.newInputStream(fileOrDir)) {
                    var digest = java.security.MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[1 << 20];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                    return new Target(fileOrDir.toString(), java.util.HexFormat.of().formatHex(digest.digest()), null);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                throw new InputException("not found: " + fileOrDir, "check the path");
            } catch (IOException e) {
                throw new InputException("cannot read " + fileOrDir + ": " + e.getMessage(), "check its permissions");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static List<Hand> check(Target target, List<Path> receiptFiles, List<Certificate> trusted) {
        List<Hand> hands = new ArrayList<>();
        for (Path file : receiptFiles) {
            ReceiptFile.Read read = ReceiptFile.read(file);
            hands.add(new Hand(read, custodian(read, trusted), Instant.parse(read.record().checkedAt())));
        }
        requireThisFile(target, hands);
        for (Hand h : hands) {
            if (!ReceiptRecord.GOOD.equals(h.receipt().record().verdict())) {
                throw new ReceiptReportsFailureException("receipt " + h.receipt().path() + " reports a failed check at "
                        + h.checkedAt() + ": " + h.receipt().record().error(), "find out what happened to the file at that hand");
            }
        }
        Map<String, Hand> bySha = new LinkedHashMap<>();
        hands.forEach(h -> bySha.put(h.receipt().sha256(), h));
        for (Hand h : hands) {
            for (String link : h.receipt().record().after()) {
                Hand before = bySha.get(link);
                if (before == null) {
                    throw new ChainLinkMissingException("receipt " + h.receipt().path() + " follows a receipt with SHA-256 "
                            + link + ", which was not given (a missing link)", "give every receipt of the chain");
                }
                if (h.checkedAt().isBefore(before.checkedAt())) {
                    throw new ChainTimeException("receipt " + h.receipt().path() + " (" + h.checkedAt() + ") follows "
                            + before.receipt().path() + " (" + before.checkedAt() + "), which is later: time goes"
                            + " backwards", "ask the custodians about their clocks, and whether the receipts were reordered");
                }
            }
        }
        return inOrder(hands, bySha);
    }

    /**
     * Oldest first; of hands at the same second, one that follows another comes after it (so a chain
     * made within a second still reads in its order).
     */
    private static List<Hand> inOrder(List<Hand> hands, Map<String, Hand> bySha) {
        List<Hand> left = new ArrayList<>(hands);
        left.sort(Comparator.comparing(Hand::checkedAt));
        List<Hand> ordered = new ArrayList<>();
        Set<Hand> placed = new HashSet<>();
        while (!left.isEmpty()) {
            Hand next = left.stream().filter(h -> h.receipt().record().after().stream().map(bySha::get)
                    .allMatch(placed::contains)).findFirst().orElse(left.get(0));
            left.remove(next);
            placed.add(next);
            ordered.add(next);
        }
        return ordered;
    }

    /** The signature FILE.asc verifies by a trusted certificate, that of the custodian the record names. */
    private static Certificate custodian(ReceiptFile.Read read, List<Certificate> trusted) {
        Path signature = ReceiptFile.signatureOf(read.path());
        if (!Files.isRegularFile(signature)) {
            throw new ReceiptUntrustedException("receipt " + read.path() + " is not signed (no " + signature.getFileName()
                    + " beside it)", "ask its custodian for the signed receipt (--sign-receipt)");
        }
        SignatureCheck check;
        try {
            check = Signatures.verifyDetached(Files.readAllBytes(signature), read.bytes(), trusted,
                    "the signature of receipt " + read.path());
        } catch (BadSignatureException e) {
            throw new ReceiptAlteredException("receipt " + read.path() + " was altered after it was signed ("
                    + e.getMessage() + ")", "do not rely on it; ask its custodian for their copy");
        } catch (UntrustedSignerException e) {
            throw new ReceiptUntrustedException("receipt " + read.path() + " is signed by a custodian not trusted: "
                    + e.getMessage(), "compare the custodian's fingerprint with them, then `sealpack keys import"
                    + " THEIR-CERT.asc` or name it with --signer");
        } catch (IOException e) {
            throw new InputException("cannot read " + signature + ": " + e.getMessage(), "check its permissions");
        }
        ReceiptRecord.Party named = read.record().custodian();
        if (named == null || !check.signer().fingerprint().equalsIgnoreCase(named.fingerprint())) {
            throw new ReceiptAlteredException("receipt " + read.path() + " names "
                    + (named == null ? "no custodian" : "the custodian " + named.fingerprint())
                    + " but is signed by " + check.signer().fingerprint(), "do not rely on it; ask its custodian");
        }
        return check.signer();
    }

    /**
     * Each receipt names the target: the sealed file's SHA-256; for an opened bag, its tag manifest, or a
     * sealed file whose receipt (an open) also names that tag manifest.
     */
    private static void requireThisFile(Target target, List<Hand> hands) {
        Set<String> files = new HashSet<>();
        if (target.sealedSha256() != null) {
            files.add(target.sealedSha256());
        }
        for (Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            if (target.tagManifestSha512() != null && target.tagManifestSha512().equals(r.tagManifestSha512())
                    && r.sealedFile().sha256() != null) {
                files.add(r.sealedFile().sha256());
            }
        }
        for (Hand h : hands) {
            ReceiptRecord r = h.receipt().record();
            boolean bag = target.tagManifestSha512() != null && target.tagManifestSha512().equals(r.tagManifestSha512());
            if (!bag && !files.contains(r.sealedFile().sha256())) {
                throw new ReceiptOtherFileException("receipt " + h.receipt().path() + " names another file (SHA-256 "
                        + r.sealedFile().sha256() + ") than " + target.description(), "give the receipts of this file only");
            }
        }
    }
}
