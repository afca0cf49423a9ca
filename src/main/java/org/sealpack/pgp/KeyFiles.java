package org.sealpack.pgp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.sealpack.failure.InputException;
import org.sealpack.failure.KeyException;

/** Reads certificates and secret keys from files, armored or binary. */
public final class KeyFiles {
    private KeyFiles() {
    }

    /** Reads exactly one certificate. A secret key file is accepted: its public part is used. */
    public static Certificate readCertificate(Path file) {
        List<Object> rings = readRings(file);
        if (rings.size() != 1) {
            throw new KeyException(file + " holds " + rings.size() + " keys, not one",
                    "export the one certificate you mean into a file of its own");
        }
        Object ring = rings.get(0);
        if (ring instanceof PGPSecretKeyRing secret) {
            return new SecretKey(secret).certificate();
        }
        return new Certificate((PGPPublicKeyRing) ring);
    }

    /** Reads exactly one secret key. */
    public static SecretKey readSecretKey(Path file) {
        List<Object> rings = readRings(file);
        if (rings.size() != 1) {
            throw new KeyException(file + " holds " + rings.size() + " keys, not one",
                    "export the one secret key you mean into a file of its own");
        }
        Object ring = rings.get(0);
        if (ring instanceof PGPSecretKeyRing secret) {
            return new SecretKey(secret);
        }
        throw new org.sealpack.failure.NotSecretKeyException(file + " is a certificate (public key), but a secret key is needed here",
                "give the secret key file (.key.asc) of " + new Certificate((PGPPublicKeyRing) ring).fingerprint());
    }

    private static List<Object> readRings(Path file) {
        List<Object> rings = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             InputStream in = PGPUtil.getDecoderStream(raw)) {
            PGPObjectFactory factory = new PGPObjectFactory(in, Crypto.fingerprints());
            Object o;
            while ((o = factory.nextObject()) != null) {
                if (o instanceof PGPPublicKeyRing || o instanceof PGPSecretKeyRing) {
                    rings.add(o);
                } else {
                    throw new KeyException(file + " is not an OpenPGP key or certificate",
                            "give a file written by 'sealpack keys generate' or 'gpg --export'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException("key file not found: " + file, "check the path");
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyException k) {
                throw k;
            }
            throw new KeyException(file + " is not a readable OpenPGP key or certificate (corrupt or truncated)",
                    "export the key again from its source", e);
        }
        if (rings.isEmpty()) {
            throw new KeyException(file + " holds no OpenPGP key or certificate",
                    "give a file written by 'sealpack keys generate' or 'gpg --export'");
        }
        return rings;
    }
}
