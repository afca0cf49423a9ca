package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.archive.SafeTarReader;
import org.sealpack.archive.UnverifiedSink;
import org.sealpack.bag.BagIt;
import org.sealpack.bag.BagReader;
import org.sealpack.bag.BagRules;
import org.sealpack.bag.Digests;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.SealpackException;
import org.sealpack.io.ChunkPipe;
import org.sealpack.io.Pipeline;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Hex;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SealReader;
import org.sealpack.pgp.SignatureCheck;
import org.sealpack.pgp.Signatures;
import org.sealpack.text.Untrusted;

/**
 * The full check of a sealed file, shared by {@code verify --key} and {@code open}, in the order of
 * docs/FORMAT.md: decrypt and read the bag into the sink for unverified data, the integrity tag,
 * the outer signature, the bag signature with its signer and intended recipients, then every
 * manifest line. If anything inside fails, the outer signature is still checked first: a file
 * altered after it was signed is reported as that.
 */
final class FullCheck {
    private static final String HINT = "do not trust this archive; ask the sender for a new copy";

    private FullCheck() {}

    /**
     * Runs every check on the file {@code reader} reads from {@code source}, the plaintext going
     * into {@code sink} (unverified until this returns), and returns the verified result.
     */
    static Verified<Reports.Full> run(
            Source source,
            SealReader reader,
            List<? extends KeyHandle> keys,
            Passphrases passphrases,
            List<Certificate> trusted,
            UnverifiedSink sink,
            Limits limits,
            Checks checks) {
        BagReader.ReadBag bag;
        InputStream plaintext =
                reader.decrypt(
                        keys,
                        (k, wanted) -> Passphrases.unlock(k, passphrases, wanted),
                        limits.maxRecipients());
        // Two cores: one thread decrypts (and hashes the outer signature), this one reads the tar,
        // hashes
        // the payload and writes it into the sink for unverified data.
        Pipeline pipeline =
                Pipeline.writingInBackground(
                        "sealpack-decrypt", into -> ChunkPipe.copy(plaintext, into));
        try {
            InputStream tar = pipeline.input();
            bag = BagReader.read(new SafeTarReader(tar, limits), sink);
            tar.transferTo(OutputStream.nullOutputStream());
            pipeline.finish();
            reader.checkIntegrity();
            checks.passed(Checks.INTEGRITY);
        } catch (IOException | RuntimeException inner) {
            Throwable reported = pipeline.failed(inner);
            if (!reader.isAnonymous()) {
                reader.verifyOuter(trusted);
            }
            throw asFailure(reported);
        }
        SignatureCheck outer = reader.isAnonymous() ? null : reader.verifyOuter(trusted);
        if (outer != null) {
            checks.passed(Checks.OUTER_SIGNATURE);
        }
        List<String> warnings = new ArrayList<>();
        Certificate openedBy = reader.openedBy();
        SignatureCheck bagSignature =
                checkBagSignature(bag, trusted, outer, openedBy, warnings, checks);
        Reports.Outer outerReport =
                outer == null
                        ? new Reports.Outer(
                                bagSignature.signer(),
                                bagSignature.created(),
                                reader.recipients(),
                                reader.fileBytesRead(),
                                reader.innerBytesRead(),
                                true,
                                Untrusted.each(bagSignature.notes()))
                        : new Reports.Outer(
                                outer.signer(),
                                outer.created(),
                                reader.recipients(),
                                reader.fileBytesRead(),
                                reader.innerBytesRead(),
                                false,
                                Untrusted.each(outer.notes()));
        BagRules.Verdict valid;
        try {
            valid = BagRules.check(bag, BagRules.Level.SEALED).requireValid("the bag");
        } catch (IOException e) {
            throw asFailure(e);
        }
        checks.passed(Checks.MANIFEST);
        checks.passed(Checks.TAG_MANIFEST);
        warnings.addAll(valid.warnings());
        Reports.Full report =
                new Reports.Full(
                        outerReport,
                        openedBy,
                        reader.openedHeldBy(),
                        bagSignature.created(),
                        bagSignature.intendedRecipients(),
                        bag.root(),
                        valid.bagInfo(),
                        bag.payload(),
                        bag.payloadBytes(),
                        warnings,
                        Digests.sha512Hex(bag.tagFiles().get(BagIt.TAG_MANIFEST)));
        return new Verified<>(report, source.sha256(), sink);
    }

    private static SignatureCheck checkBagSignature(
            BagReader.ReadBag bag,
            List<Certificate> trusted,
            SignatureCheck outer,
            Certificate opener,
            List<String> warnings,
            Checks checks) {
        byte[] tagManifest = bag.tagFiles().get(BagIt.TAG_MANIFEST);
        byte[] signature = bag.tagFiles().get(BagIt.SIGNATURE);
        if (tagManifest == null || signature == null) {
            throw new BadSignatureException(
                    "the bag has no signature over its tag manifest ("
                            + BagIt.SIGNATURE
                            + " is missing)",
                    HINT);
        }
        SignatureCheck check =
                Signatures.verifyDetached(signature, tagManifest, trusted, "the bag signature");
        if (outer != null && !check.signer().equals(outer.signer())) {
            throw new BadSignatureException(
                    "the bag was signed by "
                            + check.signer().describe()
                            + " but the file by "
                            + outer.signer().describe()
                            + "; they must be the same key",
                    HINT);
        }
        checks.passed(Checks.BAG_SIGNATURE);
        if (check.intendedRecipients().isEmpty()) {
            warnings.add(
                    "the bag signature names no intended recipients, so it cannot show that the bag was "
                            + "addressed to you");
        } else if (!check.intendedRecipients().contains(opener.fingerprint())) {
            throw new BadSignatureException(
                    "the bag was signed for other recipients ("
                            + String.join(
                                    ", ",
                                    check.intendedRecipients().stream().map(Hex::grouped).toList())
                            + "), not for "
                            + opener.describe()
                            + ": it was forwarded by someone else",
                    "ask the sender for a copy addressed to you");
        } else {
            checks.passed(Checks.INTENDED_RECIPIENT);
        }
        return check;
    }

    private static SealpackException asFailure(Throwable e) {
        if (e instanceof SealpackException s) {
            return s;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new MalformedSealException(
                "the archive inside the sealed file is corrupt: " + e.getMessage(), HINT, e);
    }
}
