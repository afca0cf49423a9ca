package org.sealpack.pgp;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.jcajce.JcaOpenPGPImplementation;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;
import org.sealpack.failure.KeyException;

/**
 * Generates keys in the default profile of docs/FORMAT.md: a v4 Ed25519 (legacy EdDSA) primary key
 * that certifies and signs, and a v4 Curve25519 (legacy ECDH) encryption subkey, protected with
 * AES-256 under an iterated and salted SHA-256 S2K. The preferences (AES-256, AES-128 / SHA-512,
 * SHA-256 / uncompressed, ZLIB; MDC, no AEAD) are on the user ID self-signature, where GnuPG 2.2
 * reads them. Every version of GnuPG since 2.1 reads these keys.
 */
public final class KeyGenerator {
    /** S2K iteration count byte: 0xF0 hashes 32 MiB of passphrase and salt per unlock. */
    private KeyGenerator() {}

    /**
     * @param userId the user ID, for example {@code Name <email>}
     * @param passphrase the passphrase protecting the secret key; empty for none
     * @param created the creation time of the keys
     * @param validity how long the key is valid, or null for no expiry
     */
    public static Key generate(
            Profile profile, String userId, char[] passphrase, Instant created, Duration validity) {
        Crypto.bouncyCastle();
        if (profile == Profile.RFC9580) {
            return generateV6(userId, passphrase, created, validity);
        }
        try {
            Date when = Date.from(created);
            PGPKeyPairGenerator pairs =
                    new BcPGPKeyPairGeneratorProvider().get(PublicKeyPacket.VERSION_4, when);
            PGPKeyPair primary = pairs.generateLegacyEd25519KeyPair();
            PGPKeyPair encryption = pairs.generateLegacyX25519KeyPair();

            PGPSignatureSubpacketGenerator primaryHashed = new PGPSignatureSubpacketGenerator();
            primaryHashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryHashed.setPreferredSymmetricAlgorithms(false, Profile.PREFERRED_CIPHERS);
            primaryHashed.setPreferredHashAlgorithms(false, Profile.PREFERRED_HASHES);
            primaryHashed.setPreferredCompressionAlgorithms(
                    false,
                    new int[] {
                        CompressionAlgorithmTags.UNCOMPRESSED, CompressionAlgorithmTags.ZLIB
                    });
            primaryHashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            primaryHashed.setPrimaryUserID(false, true);
            primaryHashed.setIssuerFingerprint(false, primary.getPublicKey());
            primaryHashed.setSignatureCreationTime(false, when);
            if (validity != null) {
                primaryHashed.setKeyExpirationTime(false, validity.toSeconds());
            }

            PGPSignatureSubpacketGenerator subkeyHashed = new PGPSignatureSubpacketGenerator();
            subkeyHashed.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            subkeyHashed.setIssuerFingerprint(false, primary.getPublicKey());
            subkeyHashed.setSignatureCreationTime(false, when);
            if (validity != null) {
                subkeyHashed.setKeyExpirationTime(false, validity.toSeconds());
            }

            PGPDigestCalculator sha1 = Crypto.digests().get(HashAlgorithmTags.SHA1);
            PBESecretKeyEncryptor protector =
                    Profile.DEFAULT.protection(passphrase, primary.getPublicKey());

            PGPKeyRingGenerator rings =
                    new PGPKeyRingGenerator(
                            PGPSignature.POSITIVE_CERTIFICATION,
                            primary,
                            userId,
                            sha1,
                            primaryHashed.generate(),
                            null,
                            new BcPGPContentSignerBuilder(
                                    PublicKeyAlgorithmTags.EDDSA_LEGACY,
                                    Profile.DOCUMENT_SIGNATURE_HASH),
                            protector);
            rings.addSubKey(encryption, subkeyHashed.generate(), null);
            return new Key(rings.generateSecretKeyRing());
        } catch (PGPException e) {
            throw new KeyException("key generation failed: " + e.getMessage(), null, e);
        }
    }

    /**
     * RFC 9580 profile: a v6 Ed25519 primary key (certify), a v6 Ed25519 signing subkey and a v6
     * X25519 encryption subkey; preferences and expiry on the direct-key signature; AEAD (OCB) +
     * Argon2 protection.
     */
    private static Key generateV6(
            String userId, char[] passphrase, Instant created, Duration validity) {
        try {
            OpenPGPKeyGenerator generator =
                    new OpenPGPKeyGenerator(
                            new JcaOpenPGPImplementation(),
                            PublicKeyPacket.VERSION_6,
                            true,
                            Date.from(created));
            OpenPGPKey key =
                    generator
                            .withPrimaryKey(
                                    PGPKeyPairGenerator::generateEd25519KeyPair,
                                    new SignatureParameters.Callback() {
                                        @Override
                                        public SignatureParameters apply(
                                                SignatureParameters params) {
                                            return params.setHashedSubpacketsFunction(
                                                    sp -> {
                                                        // Bouncy Castle's default is five years:
                                                        // --expires never means none.
                                                        sp.removePacketsOfType(
                                                                SignatureSubpacketTags
                                                                        .KEY_EXPIRE_TIME);
                                                        if (validity != null) {
                                                            sp.setKeyExpirationTime(
                                                                    false, validity.toSeconds());
                                                        }
                                                        return sp;
                                                    });
                                        }
                                    })
                            .addUserId(userId)
                            .addSigningSubkey()
                            .addEncryptionSubkey()
                            .build(
                                    passphrase == null || passphrase.length == 0
                                            ? null
                                            : passphrase.clone());
            return new Key(key.getPGPSecretKeyRing());
        } catch (PGPException e) {
            throw new KeyException("key generation failed: " + e.getMessage(), null, e);
        }
    }
}
