package org.sealpack.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.sealpack.failure.CertificateNotKeyException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.KeyException;

/** Reads certificates and secret keys from files, armored or binary. */
public final class KeyFiles {
    private KeyFiles() {}

    /** Reads exactly one certificate. A secret key file is accepted: its public part is used. */
    public static Certificate readCertificate(Path file) {
        List<Object> rings = readRings(file);
        if (rings.size() != 1) {
            throw new KeyException(
                    file + " holds " + rings.size() + " keys, not one",
                    "export the one certificate you mean into a file of its own");
        }
        Object ring = rings.get(0);
        if (ring instanceof PGPSecretKeyRing secret) {
            return new Key(secret).certificate();
        }
        return new Certificate((PGPPublicKeyRing) ring);
    }

    /** Reads exactly one secret key. */
    public static Key readSecretKey(Path file) {
        List<Object> rings = readRings(file);
        if (rings.size() != 1) {
            throw new KeyException(
                    file + " holds " + rings.size() + " keys, not one",
                    "export the one secret key you mean into a file of its own");
        }
        Object ring = rings.get(0);
        if (ring instanceof PGPSecretKeyRing secret) {
            return new Key(secret);
        }
        throw new CertificateNotKeyException(
                file + " is a certificate (public key), but a secret key is needed here",
                "give the secret key file (.key.asc) of "
                        + new Certificate((PGPPublicKeyRing) ring).describe());
    }

    /**
     * The OpenPGP objects in a key file: binary, or one or more ASCII-armored blocks one after the
     * other (as 'cat a.asc b.asc' makes). Every block must decode; anything unreadable is an error.
     */
    static List<Object> objects(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> blocks = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf("-----BEGIN PGP ");
        if (begin < 0) {
            blocks.add(bytes);
        } else {
            if (!text.substring(0, begin).isBlank()) {
                throw new IOException("text before the armor");
            }
            while (begin >= 0) {
                int next = text.indexOf("-----BEGIN PGP ", begin + 1);
                String block = next < 0 ? text.substring(begin) : text.substring(begin, next);
                try (InputStream in =
                        new ArmoredInputStream(
                                new ByteArrayInputStream(
                                        block.getBytes(StandardCharsets.ISO_8859_1)))) {
                    blocks.add(in.readAllBytes());
                }
                begin = next;
            }
        }
        List<Object> objects = new ArrayList<>();
        for (byte[] block : blocks) {
            if (block.length == 0) {
                throw new IOException("an empty armor block");
            }
            PGPObjectFactory factory = new PGPObjectFactory(block, Crypto.fingerprints());
            Object o;
            while ((o = factory.nextObject()) != null) {
                objects.add(o);
            }
        }
        return objects;
    }

    private static List<Object> readRings(Path file) {
        List<Object> rings = new ArrayList<>();
        try {
            for (Object o : objects(file)) {
                if (o instanceof PGPPublicKeyRing || o instanceof PGPSecretKeyRing) {
                    rings.add(o);
                } else {
                    throw new KeyException(
                            file + " is not an OpenPGP key or certificate",
                            "give a file written by 'sealpack keys generate' or 'gpg --export'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException("key file not found: " + file, "check the path");
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyException k) {
                throw k;
            }
            throw new KeyException(
                    file + " is not a readable OpenPGP key or certificate (corrupt or truncated)",
                    "export the key again from its source",
                    e);
        }
        if (rings.isEmpty()) {
            throw new KeyException(
                    file + " holds no OpenPGP key or certificate",
                    "give a file written by 'sealpack keys generate' or 'gpg --export'");
        }
        return rings;
    }
}
