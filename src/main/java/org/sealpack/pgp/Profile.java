package org.sealpack.pgp;

import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaAEADSecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * Key profiles, each with its cipher suite. Every algorithm sealpack writes is named here and
 * nowhere else in the code: the cipher (AES-256), the AEAD mode of the RFC 9580 profile (OCB, 256
 * KiB chunks), the hashes of signatures, the preferences written on keys, and how a secret key is
 * protected. To change or add one, change this file (the reading side accepts what {@link Policy}
 * allows).
 */
public enum Profile {
    /**
     * OpenPGP v4, Ed25519 + Curve25519 (legacy algorithm IDs), CFB-protected: GnuPG 2.2 reads it.
     */
    DEFAULT,
    /**
     * RFC 9580: v6 keys, Ed25519 + X25519, AEAD (OCB) + Argon2 protection. GnuPG 2.2 cannot read
     * it.
     */
    RFC9580;

    /** The cipher of the data and of secret-key protection. */
    static final int CIPHER = SymmetricKeyAlgorithmTags.AES_256;

    /**
     * The ciphers and hashes a key asks its peers for, best first (GnuPG reads them off the User ID
     * too).
     */
    static final int[] PREFERRED_CIPHERS = {
        SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128
    };

    static final int[] PREFERRED_HASHES = {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256};

    /** The AEAD mode of SEIPD v2 and of v6 secret-key protection. */
    static final int AEAD = AEADAlgorithmTags.OCB;

    /**
     * AEAD chunks of 256 KiB: 2^18 bytes, which Bouncy Castle takes as the exponent 18 and writes
     * as the chunk size octet 12 (RFC 9580 5.13.2: 2^(c+6) bytes). Passing 12 here gave octet 6 (4
     * KiB chunks).
     */
    static final int AEAD_CHUNK_EXPONENT = 18;

    /**
     * The outer signature over the whole file: a hash free to choose, and SHA-256 is twice
     * SHA-512's speed here.
     */
    static final int FILE_SIGNATURE_HASH = HashAlgorithmTags.SHA256;

    /**
     * Signatures over documents (the bag's tag manifest, receipts), key certifications and
     * revocations.
     */
    static final int DOCUMENT_SIGNATURE_HASH = HashAlgorithmTags.SHA512;

    /** v4 secret-key protection: iterated and salted S2K with this hash and count. */
    static final int S2K_HASH = HashAlgorithmTags.SHA256;

    static final int S2K_COUNT = 0xF0;

    /** The profile of a key by its version. */
    static Profile ofVersion(int keyVersion) {
        return keyVersion == 6 ? RFC9580 : DEFAULT;
    }

    /**
     * The profile a message to these keys is written in: RFC 9580 (AEAD) only when every one is v6.
     */
    static Profile forMessageTo(List<Certificate> readers) {
        return readers.stream().allMatch(c -> c.version() == 6) ? RFC9580 : DEFAULT;
    }

    /** Whether data is written as SEIPD v2 (AEAD); otherwise SEIPD v1 with MDC. */
    boolean aead() {
        return this == RFC9580;
    }

    /**
     * The data encryptor: AES-256 with MDC (SEIPD v1: sealpack's own CFB, on two threads, see
     * {@link CfbEncryptor}) or with OCB (SEIPD v2: Bouncy Castle's).
     */
    PGPDataEncryptorBuilder dataEncryptor() {
        return dataEncryptor(false);
    }

    /**
     * The data encryptor; {@code twoThreads}: SEIPD v1 encrypts on a second thread (pack of a large
     * payload).
     */
    PGPDataEncryptorBuilder dataEncryptor(boolean twoThreads) {
        if (!aead()) {
            return new CfbEncryptor(CIPHER, new SecureRandom(), twoThreads);
        }
        if (AEAD == OcbEncryptor.OCB) {
            return new OcbEncryptor(CIPHER, AEAD_CHUNK_EXPONENT, new SecureRandom());
        }
        JcePGPDataEncryptorBuilder data =
                new JcePGPDataEncryptorBuilder(CIPHER)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom());
        Crypto.bouncyCastle(); // the JDK has no OCB
        data.setWithAEAD(AEAD, AEAD_CHUNK_EXPONENT);
        data.setUseV6AEAD();
        return data;
    }

    /**
     * How a secret key of this profile is protected by a passphrase (null for none: an empty
     * passphrase).
     */
    PBESecretKeyEncryptor protection(char[] passphrase, PGPPublicKey key) throws PGPException {
        if (passphrase == null || passphrase.length == 0) {
            return null;
        }
        if (aead()) {
            return new JcaAEADSecretKeyEncryptorBuilder(
                            AEAD, CIPHER, S2K.Argon2Params.universallyRecommendedParameters())
                    .build(passphrase, key.getPublicKeyPacket());
        }
        return new JcePBESecretKeyEncryptorBuilder(
                        CIPHER, Crypto.digests().get(S2K_HASH), S2K_COUNT)
                .build(passphrase);
    }
}
