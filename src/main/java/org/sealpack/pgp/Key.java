package org.sealpack.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.PassphraseException;
import org.sealpack.text.Untrusted;

/** An OpenPGP secret key (transferable secret key), still locked by its passphrase. */
public final class Key implements KeyHandle {
    final PGPSecretKeyRing ring;
    private final Certificate certificate;

    Key(PGPSecretKeyRing ring) {
        this.ring = ring;
        List<PGPPublicKey> publics = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(publics::add);
        this.certificate = new Certificate(new PGPPublicKeyRing(publics));
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public String fingerprint() {
        return certificate.fingerprint();
    }

    @Override
    public String heldBy() {
        return "sealpack";
    }

    /** Whether this key holds the secret part of the key (primary or subkey) with that key ID. */
    @Override
    public boolean hasSecretFor(long keyId) {
        PGPSecretKey k = ring.getSecretKey(keyId);
        return k != null && !k.isPrivateKeyEmpty();
    }

    /** Whether any secret part is protected by a passphrase. */
    @Override
    public boolean needsPassphrase() {
        for (PGPSecretKey k : ring) {
            if (!k.isPrivateKeyEmpty() && k.getKeyEncryptionAlgorithm() != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decrypts every secret part with the passphrase. A wrong passphrase is a {@link
     * PassphraseException}; a key whose secret parts are all missing (a gpg stub) is a {@link
     * KeyException}.
     */
    public UnlockedKey unlock(char[] passphrase) {
        return unlock(passphrase, keyId -> true);
    }

    /**
     * As {@link #unlock(char[])}, decrypting only the secret parts whose key IDs {@code wanted}
     * accepts: each part costs one passphrase derivation (about 50 ms), and a command needs one
     * part.
     */
    @Override
    public UnlockedKey unlock(char[] passphrase, LongPredicate wanted) {
        if (ring.getPublicKey().getVersion() >= 6) {
            Crypto.bouncyCastle(); // AEAD (OCB) secret key protection
        }
        PBESecretKeyDecryptor decryptor;
        try {
            decryptor =
                    new JcePBESecretKeyDecryptorBuilder(Crypto.digests())
                            .build(passphrase == null ? new char[0] : passphrase);
        } catch (PGPException e) {
            throw new KeyException("cannot prepare key decryption: " + e.getMessage(), null, e);
        }
        Map<Long, PGPPrivateKey> privates = new HashMap<>();
        for (PGPSecretKey k : ring) {
            if (k.isPrivateKeyEmpty() || !wanted.test(k.getKeyID())) {
                continue;
            }
            try {
                PGPPrivateKey p = k.extractPrivateKey(decryptor);
                if (p != null) {
                    privates.put(k.getKeyID(), p);
                }
            } catch (PGPException | RuntimeException e) {
                if (needsPassphrase()) {
                    throw new PassphraseException(
                            "wrong passphrase for key " + describe(),
                            "check the passphrase file, or type the passphrase again",
                            e);
                }
                throw new KeyException(
                        "the secret key " + describe() + " is damaged: " + e.getMessage(),
                        "restore the key from its backup",
                        e);
            }
        }
        if (privates.isEmpty()) {
            throw new KeyException(
                    "the key file for " + describe() + " holds no secret key material",
                    "give the full secret key, not a stub or a certificate");
        }
        return new UnlockedKey(this, privates);
    }

    @Override
    public String describe() {
        return certificate.describe();
    }

    /** {@link #describe()} for people. */
    @Override
    public Untrusted description() {
        return certificate.description();
    }

    public String armored() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor =
                    ArmoredOutputStream.builder()
                            .clearHeaders()
                            .addComment(certificate.primaryUserId())
                            .build(bytes)) {
                ring.encode(armor);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
