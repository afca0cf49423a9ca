package org.sealpack.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sealpack.bag.BagIt;
import org.sealpack.bag.DirectoryBag;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.BagInvalidException;
import org.sealpack.failure.InputException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SignatureCheck;
import org.sealpack.pgp.Signatures;

/**
 * Bags at rest: a plain BagIt directory from any tool ({@link #validate}), or an opened sealed bag whose
 * signature and checksums are checked again years later ({@link #verify}).
 */
public final class AtRest {
    private AtRest() {
    }

    /**
     * What was found: the validation, and the bag signature when it was checked.
     *
     * @param signature null when the bag has no signature and none was required
     */
    public record Report(DirectoryBag.Result bag, SignatureCheck signature) {
        /** Throws a failure that lists every problem, unless the bag is valid. */
        public Report requireValid() {
            if (!bag.valid()) {
                throw new BagInvalidException("the bag " + bag.root() + " is invalid: " + bag.problems().size()
                        + " problem(s): " + String.join("; ", bag.problems()),
                        "the bag is damaged or incomplete; do not rely on it");
            }
            return this;
        }
    }

    /**
     * Validates a bag directory, and its signature when required. Returns the problems found
     * (see {@link Report#requireValid()}); a bad or untrusted signature fails at once.
     */
    public static Report validate(Path dir, List<Certificate> trusted, boolean requireSignature) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + " is not a directory", "give the bag's top directory (the one with bagit.txt)");
        }
        DirectoryBag.Result result;
        try {
            result = DirectoryBag.validate(dir);
        } catch (IOException e) {
            throw new InputException("cannot read the bag " + dir + ": " + e.getMessage(), "check its permissions");
        }
        SignatureCheck signature = null;
        Path asc = dir.resolve(BagIt.SIGNATURE);
        if (requireSignature) {
            if (!Files.isRegularFile(asc)) {
                throw new BadSignatureException("the bag has no signature (" + BagIt.SIGNATURE + " is missing)",
                        "only bags sealed by sealpack (or signed the same way) can be verified at rest; use 'sealpack validate' for checksums only");
            }
            try {
                signature = Signatures.verifyDetached(Files.readAllBytes(asc),
                        Files.readAllBytes(dir.resolve(BagIt.TAG_MANIFEST)), trusted, "the bag signature");
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BagInvalidException("tagmanifest-sha512.txt is missing, so the signature covers nothing",
                        "the bag is damaged or was altered");
            } catch (IOException e) {
                throw new InputException("cannot read " + asc + ": " + e.getMessage(), "check its permissions");
            }
        }
        return new Report(result, signature);
    }

    /** The at-rest check of an opened sealed bag: a signature by a trusted signer, and every checksum. */
    public static Report verify(Path dir, List<Certificate> trusted) {
        Report report = validate(dir, trusted, true);
        if (Files.exists(dir.resolve(BagIt.FETCH))) {
            List<String> problems = new ArrayList<>(report.bag().problems());
            problems.add("fetch.txt is present (a sealed bag holds all of its payload)");
            DirectoryBag.Result b = report.bag();
            return new Report(new DirectoryBag.Result(dir, b.version(), b.bagInfo(), b.manifests(), b.payloadFiles(),
                    b.payloadBytes(), problems), report.signature());
        }
        return report;
    }
}
