package org.sealpack.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.PassphraseException;

/** Changes to a key: revocation, revocation certificates, a new passphrase. */
public final class KeyEditor {
    /** Revocation reasons (RFC 9580 5.2.3.31). */
    public enum Reason {
        UNSPECIFIED(0),
        SUPERSEDED(1),
        COMPROMISED(2),
        RETIRED(3);

        final int code;

        Reason(int code) {
            this.code = code;
        }
    }

    private KeyEditor() {}

    private static PGPSignature revocationSignature(
            UnlockedKey key, Reason reason, String description, Instant at) {
        Crypto.bouncyCastle();
        try {
            PGPPublicKey primary = key.certificate().ring.getPublicKey();
            PGPSignatureGenerator generator =
                    new PGPSignatureGenerator(
                            new JcaPGPContentSignerBuilder(
                                    primary.getAlgorithm(), Profile.DOCUMENT_SIGNATURE_HASH),
                            primary);
            generator.init(PGPSignature.KEY_REVOCATION, key.privateKey(primary.getKeyID()));
            PGPSignatureSubpacketGenerator hashed =
                    Signatures.baseSubpackets(primary, Date.from(at));
            hashed.setRevocationReason(
                    false, (byte) reason.code, description == null ? "" : description);
            generator.setHashedSubpackets(hashed.generate());
            return generator.generateCertification(primary);
        } catch (PGPException e) {
            throw new KeyException("cannot make the revocation: " + e.getMessage(), null, e);
        }
    }

    /** An armored revocation certificate (a lone key revocation signature) to keep for later. */
    public static String revocationCertificate(
            UnlockedKey key, Reason reason, String description, Instant at) {
        PGPSignature sig = revocationSignature(key, reason, description, at);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor =
                    ArmoredOutputStream.builder()
                            .clearHeaders()
                            .addComment(
                                    "Revocation certificate for " + key.certificate().fingerprint())
                            .build(bytes)) {
                sig.encode(armor);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key with a revocation of its primary key attached. */
    public static Key revoke(
            Key key, UnlockedKey unlocked, Reason reason, String description, Instant at) {
        PGPSignature sig = revocationSignature(unlocked, reason, description, at);
        PGPPublicKey revoked = PGPPublicKey.addCertification(key.ring.getPublicKey(), sig);
        return new Key(PGPSecretKeyRing.insertOrReplacePublicKey(key.ring, revoked));
    }

    /**
     * The key protected by a new passphrase (same protection scheme as before: CFB for v4, AEAD for
     * v6).
     */
    public static Key changePassphrase(Key key, char[] oldPassphrase, char[] newPassphrase) {
        key.unlock(oldPassphrase);
        Crypto.bouncyCastle();
        try {
            PBESecretKeyDecryptor decryptor =
                    new JcePBESecretKeyDecryptorBuilder(Crypto.digests()).build(oldPassphrase);
            List<PGPSecretKey> changed = new ArrayList<>();
            for (PGPSecretKey k : key.ring) {
                PBESecretKeyEncryptor encryptor =
                        Profile.ofVersion(k.getPublicKey().getVersion())
                                .protection(newPassphrase, k.getPublicKey());
                changed.add(PGPSecretKey.copyWithNewPassword(k, decryptor, encryptor));
            }
            return new Key(new PGPSecretKeyRing(changed));
        } catch (PGPException e) {
            throw new PassphraseException(
                    "cannot change the passphrase: " + e.getMessage(),
                    "check the old passphrase",
                    e);
        }
    }
}
