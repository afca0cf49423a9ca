package org.sealpack.pgp;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.sealpack.failure.BadSignatureException;

/**
 * A signature over data that is given in pieces, checked when the data has ended: a receipt is read
 * once, hashed and its signature checked in the same pass, without holding it. The signature is
 * parsed and its signer resolved among the trusted certificates when it is made (a bad or untrusted
 * signature fails then); the data's verdict comes from {@link #verify()}.
 */
public final class DetachedSignature {
    private final PGPSignature signature;
    private final Signatures.Verified verified;
    private final PGPDigestCalculator digest;
    private final String what;

    private DetachedSignature(PGPSignature signature, List<Certificate> trusted, String what) {
        this.signature = signature;
        this.what = what;
        if (signature.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            throw new BadSignatureException(
                    what + " is not a binary document signature",
                    "the archive was not made by sealpack, or was altered");
        }
        this.verified = Signatures.resolve(signature, trusted, what);
        try {
            this.digest = Crypto.digests().get(signature.getHashAlgorithm());
            if (signature.getVersion() == 6) {
                digest.getOutputStream().write(Signatures.salt(signature));
            }
            signature.init(Crypto.verifiers(), verified.key());
        } catch (PGPException | IOException e) {
            throw new BadSignatureException(
                    what + " cannot be checked: " + e.getMessage(),
                    "do not trust this archive; ask the sender for a new copy",
                    e);
        }
    }

    /** One ASCII-armored detached signature and nothing else (docs/FORMAT.md sections 4 and 11). */
    public static DetachedSignature armored(
            byte[] armored, List<Certificate> trusted, String what) {
        return new DetachedSignature(Signatures.readSingleSignature(armored, what), trusted, what);
    }

    /**
     * The signature of a signed message (its one-pass header checked already), over its literal
     * data.
     */
    static DetachedSignature of(PGPSignature signature, List<Certificate> trusted, String what) {
        return new DetachedSignature(signature, trusted, what);
    }

    /**
     * The trusted certificate whose key made the signature (its validity then is judged by {@link
     * #verify()}).
     */
    public Certificate signer() {
        return verified.certificate();
    }

    public void update(byte[] data, int offset, int length) {
        try {
            digest.getOutputStream().write(data, offset, length);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        signature.update(data, offset, length);
    }

    /**
     * After the last byte of the data: whether the signature matches it, and was made when its key
     * could sign.
     */
    public SignatureCheck verify() {
        try {
            Signatures.checkDigestPrefix(signature, digest, what);
            if (!signature.verify()) {
                throw new BadSignatureException(
                        what + " does not match the data: it was altered",
                        "do not trust this archive; ask the sender for a new copy");
            }
        } catch (PGPException | IOException e) {
            throw new BadSignatureException(
                    what + " cannot be checked: " + e.getMessage(),
                    "do not trust this archive; ask the sender for a new copy",
                    e);
        }
        List<String> notes = Signatures.checkKeyAt(verified, signature, what);
        return new SignatureCheck(
                verified.certificate(),
                signature.getCreationTime().toInstant(),
                Signatures.intendedRecipients(signature),
                notes);
    }
}
