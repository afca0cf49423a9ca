package org.sealpack.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * Test helper: an inner message (PKESKs and encrypted data) built around arbitrary bytes, in the
 * shapes docs/FORMAT.md section 2 does not allow, for the hostile corpus: a text-mode or oddly
 * named literal, another compression algorithm, a second literal packet, SEIPD v2 to v4 keys.
 */
public final class InnerMessage {
    /** What to build. */
    public record Shape(
            char format, String name, Integer compression, boolean secondLiteral, boolean aeadV2) {
        public static Shape sealpack() {
            return new Shape('b', "crafted.tar", null, false, false);
        }
    }

    private InnerMessage() {}

    public static byte[] encrypt(byte[] tar, List<Certificate> recipients, Shape shape)
            throws IOException, PGPException {
        JcePGPDataEncryptorBuilder data =
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom());
        if (shape.aeadV2()) {
            Crypto.bouncyCastle();
            data.setWithAEAD(AEADAlgorithmTags.OCB, 12);
            data.setUseV6AEAD();
        }
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(data);
        for (Certificate c : recipients) {
            encryption.addMethod(
                    new BcPublicKeyKeyEncryptionMethodGenerator(c.encryptionKey(new Date())));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream encrypted = encryption.open(bytes, new byte[1 << 16])) {
            PGPCompressedDataGenerator compression =
                    shape.compression() == null
                            ? null
                            : new PGPCompressedDataGenerator(shape.compression());
            OutputStream plain =
                    compression == null
                            ? encrypted
                            : compression.open(encrypted, new byte[1 << 16]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            try (OutputStream body =
                    literal.open(plain, shape.format(), shape.name(), tar.length, new Date(0))) {
                body.write(tar);
            }
            if (compression != null) {
                compression.close();
            }
            if (shape.secondLiteral()) {
                PGPLiteralDataGenerator second = new PGPLiteralDataGenerator();
                try (OutputStream body =
                        second.open(encrypted, 'b', "second.tar", 6, new Date(0))) {
                    body.write("second".getBytes());
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A detached signature over the data as sealpack's bag signature, made at {@code created}, with
     * a lifetime (0: none).
     */
    public static byte[] bagSignature(
            UnlockedKey signer,
            byte[] data,
            List<Certificate> intended,
            Date created,
            long lifetime,
            boolean armored)
            throws IOException, PGPException {
        PGPPublicKey key = signer.signingKey(new Date());
        PGPSignatureGenerator generator =
                new PGPSignatureGenerator(
                        new JcaPGPContentSignerBuilder(
                                key.getAlgorithm(), HashAlgorithmTags.SHA512),
                        key);
        generator.init(PGPSignature.BINARY_DOCUMENT, signer.privateKey(key.getKeyID()));
        PGPSignatureSubpacketGenerator hashed = Signatures.baseSubpackets(key, created);
        for (Certificate c : intended) {
            hashed.addIntendedRecipientFingerprint(false, c.ring.getPublicKey());
        }
        if (lifetime > 0) {
            hashed.setSignatureExpirationTime(false, lifetime);
        }
        generator.setHashedSubpackets(hashed.generate());
        generator.setUnhashedSubpackets(new PGPSignatureSubpacketGenerator().generate());
        generator.update(data);
        PGPSignature signature = generator.generate();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!armored) {
            signature.encode(bytes);
            return bytes.toByteArray();
        }
        try (ArmoredOutputStream armor =
                ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            signature.encode(armor);
        }
        return bytes.toByteArray();
    }
}
