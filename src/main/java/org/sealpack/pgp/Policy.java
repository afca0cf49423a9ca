package org.sealpack.pgp;

import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.WeakCryptoException;

/** The algorithms sealpack accepts when it reads. Everything else fails closed. */
final class Policy {
    private static final Set<Integer> SIGNATURE_HASHES =
            Set.of(
                    HashAlgorithmTags.SHA256,
                    HashAlgorithmTags.SHA384,
                    HashAlgorithmTags.SHA512,
                    HashAlgorithmTags.SHA224,
                    HashAlgorithmTags.SHA3_256,
                    HashAlgorithmTags.SHA3_512);

    private static final Set<Integer> CIPHERS =
            Set.of(
                    SymmetricKeyAlgorithmTags.AES_128,
                    SymmetricKeyAlgorithmTags.AES_192,
                    SymmetricKeyAlgorithmTags.AES_256,
                    SymmetricKeyAlgorithmTags.CAMELLIA_128,
                    SymmetricKeyAlgorithmTags.CAMELLIA_192,
                    SymmetricKeyAlgorithmTags.CAMELLIA_256,
                    SymmetricKeyAlgorithmTags.TWOFISH);

    /**
     * Critical subpackets sealpack understands; any other critical one makes a signature
     * unacceptable.
     */
    private static final Set<Integer> KNOWN_CRITICAL =
            Set.of(
                    SignatureSubpacketTags.CREATION_TIME,
                    SignatureSubpacketTags.EXPIRE_TIME,
                    SignatureSubpacketTags.ISSUER_FINGERPRINT,
                    SignatureSubpacketTags.ISSUER_KEY_ID,
                    SignatureSubpacketTags.KEY_FLAGS);

    /** Smallest acceptable RSA, DSA and ElGamal modulus. */
    private static final int MIN_FACTORING_BITS = 2048;

    private Policy() {}

    /**
     * A data signature: an acceptable hash, and no critical subpacket sealpack does not understand.
     */
    static void checkSignature(PGPSignature signature, String what) {
        checkSignatureHash(signature.getHashAlgorithm(), what);
        var hashed = signature.getHashedSubPackets();
        if (hashed == null) {
            return;
        }
        for (SignatureSubpacket p : hashed.toArray()) {
            if (p.isCritical()
                    && p.getType() == SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT) {
                // docs/FORMAT.md section 4: non-critical, since GnuPG 2.2 calls such a signature
                // bad, and a
                // sealed file must verify with stock tools too.
                throw new BadSignatureException(
                        what
                                + " marks an Intended Recipient Fingerprint"
                                + " critical, which GnuPG rejects (a sealed file's are non-critical)",
                        "the archive was made by an incompatible tool, or altered");
            }
            if (p.isCritical() && !KNOWN_CRITICAL.contains(p.getType())) {
                throw new BadSignatureException(
                        what
                                + " has a critical subpacket sealpack does not know ("
                                + p.getType()
                                + ")",
                        "the archive was made by an incompatible tool");
            }
        }
    }

    /** A key that signs or is encrypted to: no short RSA, DSA or ElGamal key. */
    static void checkKey(PGPPublicKey key, String what) {
        int algorithm = key.getAlgorithm();
        boolean factoring =
                algorithm == PublicKeyAlgorithmTags.RSA_GENERAL
                        || algorithm == PublicKeyAlgorithmTags.RSA_ENCRYPT
                        || algorithm == PublicKeyAlgorithmTags.RSA_SIGN
                        || algorithm == PublicKeyAlgorithmTags.DSA
                        || algorithm == PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT
                        || algorithm == PublicKeyAlgorithmTags.ELGAMAL_GENERAL;
        if (factoring && key.getBitStrength() < MIN_FACTORING_BITS) {
            throw new WeakCryptoException(
                    what
                            + " is a "
                            + key.getBitStrength()
                            + "-bit "
                            + Names.publicKey(algorithm)
                            + " key, too weak to rely on",
                    "use a key of at least " + MIN_FACTORING_BITS + " bits, or Ed25519/Curve25519");
        }
    }

    static void checkSignatureHash(int hashAlgorithm, String what) {
        if (!SIGNATURE_HASHES.contains(hashAlgorithm)) {
            throw new WeakCryptoException(
                    what
                            + " uses the hash algorithm "
                            + Names.hash(hashAlgorithm)
                            + ", which sealpack does not accept",
                    "ask the sender to sign again with SHA-256 or SHA-512");
        }
    }

    static void checkCipher(int cipher) {
        if (!CIPHERS.contains(cipher)) {
            throw new WeakCryptoException(
                    "the data is encrypted with "
                            + Names.cipher(cipher)
                            + ", which sealpack does not accept",
                    "ask the sender to seal it again with sealpack");
        }
    }
}
