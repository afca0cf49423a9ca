package org.sealpack.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * Test helper for the conformance vectors: every OpenPGP layer of a sealed file written by hand,
 * with one field at a time made what docs/FORMAT.md forbids. The keys sign with their primary key
 * whatever its validity (a vector may need a signature that an expired key made).
 */
public final class Craft {
    private Craft() {}

    /** How the outer layer is written; the defaults are sealpack's. */
    public static final class Outer {
        public int hash = HashAlgorithmTags.SHA256;
        public int opsType = PGPSignature.BINARY_DOCUMENT;
        public boolean nested = true;
        public char format = 'b';
        public String name = "";

        /** Seconds since 1970; -1: the signature's creation time. */
        public long literalDate = 0;

        public boolean definiteLength;
        public Date created = new Date();
        public long lifetime;
        public Consumer<PGPSignatureSubpacketGenerator> hashed = h -> {};
        public Consumer<PGPSignatureSubpacketGenerator> unhashed = h -> {};

        /** Changes one of the two "left 16 bits of the digest" bytes. */
        public boolean flipPrefix;

        /**
         * Writes the signature packet's length in the five-octet form: the same packet, not
         * canonical.
         */
        public boolean longLength;

        public byte[] before = new byte[0];
        public byte[] after = new byte[0];

        /**
         * Changes the one-pass header's hash algorithm after signing (the signature says SHA-256).
         */
        public boolean opsHashDiffers;

        /** Leaves the Issuer Fingerprint out of the hashed area (the Issuer Key ID stays). */
        public boolean noIssuerFingerprint;

        /**
         * Names this key's fingerprint as the issuer instead of the signer's (the key ID stays the
         * signer's).
         */
        public PGPPublicKey issuerFingerprintOf;

        /** Armors the whole file (an ASCII-armored copy). */
        public boolean armored;
    }

    /** Signs {@code inner} as sealpack's outer layer, written as {@code o} says. */
    public static byte[] outer(byte[] inner, UnlockedKey signer, Outer o)
            throws IOException, PGPException {
        Crypto.bouncyCastle();
        PGPPublicKey key = signer.certificate().ring.getPublicKey();
        PGPSignatureGenerator generator =
                new PGPSignatureGenerator(
                        new JcaPGPContentSignerBuilder(key.getAlgorithm(), o.hash), key);
        generator.init(o.opsType, signer.privateKey(key.getKeyID()));
        PGPSignatureSubpacketGenerator hashed = Signatures.baseSubpackets(key, o.created);
        if (o.noIssuerFingerprint || o.issuerFingerprintOf != null) {
            hashed.removePacketsOfType(
                    org.bouncycastle.bcpg.SignatureSubpacketTags.ISSUER_FINGERPRINT);
        }
        if (o.issuerFingerprintOf != null) {
            hashed.setIssuerFingerprint(false, o.issuerFingerprintOf);
        }
        if (o.lifetime > 0) {
            hashed.setSignatureExpirationTime(false, o.lifetime);
        }
        o.hashed.accept(hashed);
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        o.unhashed.accept(unhashed);
        generator.setUnhashedSubpackets(unhashed.generate());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(o.before);
        PGPOnePassSignature ops = generator.generateOnePassVersion(!o.nested);
        byte[] opsBytes = ops.getEncoded();
        if (o.opsHashDiffers) {
            opsBytes[opsBytes.length - 11] =
                    (byte)
                            HashAlgorithmTags
                                    .SHA512; // version, type, hash, pk alg, key ID(8), nested
        }
        out.write(opsBytes);
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        Date date =
                new Date(
                        o.literalDate < 0
                                ? o.created.getTime() / 1000 * 1000
                                : o.literalDate * 1000);
        try (OutputStream body =
                o.definiteLength
                        ? literal.open(out, o.format, o.name, inner.length, date)
                        : literal.open(out, o.format, o.name, date, new byte[1 << 12])) {
            body.write(inner);
        }
        generator.update(inner);
        byte[] signature = generator.generate().getEncoded();
        if (o.flipPrefix) {
            signature[prefixOffset(signature)] ^= 0x01;
        }
        if (o.longLength) {
            signature = longLength(signature);
        }
        out.write(signature);
        out.write(o.after);
        return o.armored ? armor(out.toByteArray()) : out.toByteArray();
    }

    /**
     * Where the digest prefix is in an encoded v4 signature packet (new-format header, one-octet
     * length).
     */
    static int prefixOffset(byte[] packet) {
        int at = 2; // tag, length
        int hashedLength = (packet[at + 4] & 0xff) << 8 | packet[at + 5] & 0xff;
        int unhashedAt = at + 6 + hashedLength;
        int unhashedLength = (packet[unhashedAt] & 0xff) << 8 | packet[unhashedAt + 1] & 0xff;
        return unhashedAt + 2 + unhashedLength;
    }

    /** The packet with its one-octet length rewritten in the five-octet form. */
    static byte[] longLength(byte[] packet) {
        int length = packet[1] & 0xff;
        if ((packet[0] & 0x40) == 0 || length >= 192) {
            throw new IllegalArgumentException(
                    "expects a new-format packet with a one-octet length");
        }
        byte[] out = new byte[packet.length + 4];
        out[0] = packet[0];
        out[1] = (byte) 0xff;
        out[5] = (byte) length;
        System.arraycopy(packet, 2, out, 6, packet.length - 2);
        return out;
    }

    /** How the inner message is written; the defaults are sealpack's. */
    public static final class Inner {
        public int cipher = SymmetricKeyAlgorithmTags.AES_256;
        public boolean integrity = true;

        /** Signs inside the encryption (one-pass signed literal data), which a writer must not. */
        public UnlockedKey signInside;

        public boolean wildcard;
        public String name = "crafted.tar";
    }

    public static byte[] inner(byte[] tar, List<Certificate> recipients, Inner o)
            throws IOException, PGPException {
        Crypto.bouncyCastle();
        JcePGPDataEncryptorBuilder data =
                new JcePGPDataEncryptorBuilder(o.cipher)
                        .setWithIntegrityPacket(o.integrity)
                        .setSecureRandom(new SecureRandom());
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(data);
        if (!o.integrity) {
            encryption.setForceSessionKey(true);
        }
        for (Certificate c : recipients) {
            encryption.addMethod(
                    new BcPublicKeyKeyEncryptionMethodGenerator(c.encryptionKey(new Date()))
                            .setUseWildcardRecipient(o.wildcard));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream encrypted = encryption.open(bytes, new byte[1 << 12])) {
            PGPSignatureGenerator inside = null;
            if (o.signInside != null) {
                PGPPublicKey key = o.signInside.certificate().ring.getPublicKey();
                inside =
                        new PGPSignatureGenerator(
                                new JcaPGPContentSignerBuilder(
                                        key.getAlgorithm(), HashAlgorithmTags.SHA256),
                                key);
                inside.init(PGPSignature.BINARY_DOCUMENT, o.signInside.privateKey(key.getKeyID()));
                inside.setHashedSubpackets(Signatures.baseSubpackets(key, new Date()).generate());
                inside.generateOnePassVersion(false).encode(encrypted);
            }
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            try (OutputStream body =
                    literal.open(encrypted, 'b', o.name, tar.length, new Date(0))) {
                body.write(tar);
            }
            if (inside != null) {
                inside.update(tar);
                inside.generate().encode(encrypted);
            }
        }
        return bytes.toByteArray();
    }

    /** How a bag signature is written; the defaults are sealpack's. */
    public static final class Bag {
        public Date created = new Date();
        public Consumer<PGPSignatureSubpacketGenerator> hashed = h -> {};
        public Consumer<PGPSignatureSubpacketGenerator> unhashed = h -> {};
        public boolean intendedRecipients = true;
        public boolean longLength;
    }

    /** A detached, armored bag signature over the tag manifest. */
    public static byte[] bagSignature(
            UnlockedKey signer, byte[] tagManifest, List<Certificate> intended, Bag o)
            throws IOException, PGPException {
        Crypto.bouncyCastle();
        PGPPublicKey key = signer.certificate().ring.getPublicKey();
        PGPSignatureGenerator generator =
                new PGPSignatureGenerator(
                        new JcaPGPContentSignerBuilder(
                                key.getAlgorithm(), HashAlgorithmTags.SHA512),
                        key);
        generator.init(PGPSignature.BINARY_DOCUMENT, signer.privateKey(key.getKeyID()));
        PGPSignatureSubpacketGenerator hashed = Signatures.baseSubpackets(key, o.created);
        if (o.intendedRecipients) {
            for (Certificate c : intended) {
                hashed.addIntendedRecipientFingerprint(false, c.ring.getPublicKey());
            }
        }
        o.hashed.accept(hashed);
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        o.unhashed.accept(unhashed);
        generator.setUnhashedSubpackets(unhashed.generate());
        generator.update(tagManifest);
        byte[] packet = generator.generate().getEncoded();
        if (o.longLength) {
            packet = longLength(packet);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor =
                ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            armor.write(packet);
        }
        return bytes.toByteArray();
    }

    static byte[] armor(byte[] binary) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor =
                ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            armor.write(binary);
        }
        return bytes.toByteArray();
    }

    /** The certificate's primary key. */
    public static PGPPublicKey primary(Certificate c) {
        return c.ring.getPublicKey();
    }

    /**
     * Key IDs of every key in the certificate, primary and subkeys, as upper-case hex (tests only).
     */
    public static List<String> keyIds(Certificate c) {
        List<String> ids = new java.util.ArrayList<>();
        c.ring.getPublicKeys().forEachRemaining(k -> ids.add(Hex.keyId(k.getKeyID())));
        return ids;
    }

    /** The certificate's binary encoding (tests only). */
    public static byte[] encoded(Certificate c) throws IOException {
        return c.ring.getEncoded();
    }
}
