package org.sealpack.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.sealpack.bag.BagIt;
import org.sealpack.bag.BagRules;
import org.sealpack.bag.DirectoryContent;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.BagInvalidException;
import org.sealpack.failure.InputException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SignatureCheck;
import org.sealpack.pgp.Signatures;

/**
 * Bags at rest: any BagIt directory from any tool ({@link #validate}), or an opened sealed bag
 * whose signature and checksums are checked again years later ({@link #verify}), by the same rules
 * as open.
 */
public final class AtRest {
    private AtRest() {}

    /**
     * What was found: the rules' verdict on the bag, and the bag signature when it was checked.
     *
     * @param signature null when the signature was not checked
     */
    public record Report(Path bag, BagRules.Verdict verdict, SignatureCheck signature) {
        /** Throws the failure naming every problem, unless the bag is valid and complete. */
        public Report requireValid() {
            verdict.requireValid("the bag " + bag);
            return this;
        }
    }

    /**
     * Validates any bag (BagIt 0.93 to 1.0); with trusted signers given, also its sealpack
     * signature, which must then be present. Returns the problems found (see {@link
     * Report#requireValid()}); a bad or untrusted signature fails at once.
     */
    public static Report validate(Path dir, List<Certificate> trusted, boolean requireSignature) {
        BagRules.Verdict verdict = rules(dir, BagRules.Level.ANY_BAG);
        return new Report(dir, verdict, requireSignature ? signature(dir, trusted) : null);
    }

    /**
     * The at-rest check of an opened sealed bag: the signature by a trusted signer, and the rules a
     * sealed bag is opened by (everything covered by the signature, nothing else, every checksum).
     */
    public static Report verify(Path dir, List<Certificate> trusted) {
        SignatureCheck signature = signature(dir, trusted);
        return new Report(dir, rules(dir, BagRules.Level.SEALED), signature);
    }

    private static BagRules.Verdict rules(Path dir, BagRules.Level level) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(
                    dir + " is not a directory",
                    "give the bag's top directory (the one with bagit.txt)");
        }
        try {
            return BagRules.check(new DirectoryContent(dir), level);
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the bag " + dir + ": " + e.getMessage(), "check its permissions");
        }
    }

    private static SignatureCheck signature(Path dir, List<Certificate> trusted) {
        Path asc = dir.resolve(BagIt.SIGNATURE);
        if (!Files.isRegularFile(asc)) {
            throw new BadSignatureException(
                    "the bag has no signature (" + BagIt.SIGNATURE + " is missing)",
                    "only bags sealed by sealpack (or signed the same way) can be verified at rest; use 'sealpack validate' for checksums only");
        }
        try {
            return Signatures.verifyDetached(
                    Files.readAllBytes(asc),
                    Files.readAllBytes(dir.resolve(BagIt.TAG_MANIFEST)),
                    trusted,
                    "the bag signature");
        } catch (NoSuchFileException e) {
            throw new BagInvalidException(
                    "tagmanifest-sha512.txt is missing, so the signature covers nothing",
                    "the bag is damaged or was altered");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + asc + ": " + e.getMessage(), "check its permissions");
        }
    }
}
