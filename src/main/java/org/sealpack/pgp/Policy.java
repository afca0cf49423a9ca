package org.sealpack.pgp;

import java.util.Set;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.sealpack.failure.WeakCryptoException;

/** The algorithms sealpack accepts when it reads. Everything else fails closed. */
final class Policy {
    private static final Set<Integer> SIGNATURE_HASHES = Set.of(
            HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512,
            HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA3_256, HashAlgorithmTags.SHA3_512);

    private static final Set<Integer> CIPHERS = Set.of(
            SymmetricKeyAlgorithmTags.AES_128, SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_256,
            SymmetricKeyAlgorithmTags.CAMELLIA_128, SymmetricKeyAlgorithmTags.CAMELLIA_192,
            SymmetricKeyAlgorithmTags.CAMELLIA_256, SymmetricKeyAlgorithmTags.TWOFISH);

    private Policy() {
    }

    static void checkSignatureHash(int hashAlgorithm, String what) {
        if (!SIGNATURE_HASHES.contains(hashAlgorithm)) {
            throw new WeakCryptoException(what + " uses the hash algorithm " + Names.hash(hashAlgorithm)
                    + ", which sealpack does not accept",
                    "ask the sender to sign again with SHA-256 or SHA-512");
        }
    }

    static void checkCipher(int cipher) {
        if (!CIPHERS.contains(cipher)) {
            throw new WeakCryptoException("the data is encrypted with " + Names.cipher(cipher)
                    + ", which sealpack does not accept", "ask the sender to seal it again with sealpack");
        }
    }
}
