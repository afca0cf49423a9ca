package org.sealpack.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.sealpack.failure.KeyException;

/**
 * A small document signed and encrypted to one certificate, as `gpg --sign --encrypt` makes it (a
 * receipt sent back to the sender): ASCII-armored; PKESK, then SEIPD (AES-256: v1 with MDC, or v2
 * with OCB when the certificate is v6) holding a one-pass signature, the literal data (binary, with
 * its file name) and the signature (SHA-512, the hashed subpackets of every sealpack signature and
 * the recipient's Intended Recipient Fingerprint). `gpg --decrypt` gives the document back and
 * checks the signature.
 */
public final class SignedMessage {
    private SignedMessage() {}

    public static byte[] signAndEncrypt(
            byte[] document, String name, SecretKey signer, Certificate recipient, Instant now) {
        return signAndEncrypt(document, name, signer, recipient, recipient, now);
    }

    /**
     * As above, the signature naming {@code intended} as its recipient (tests make a forwarded copy
     * so).
     */
    static byte[] signAndEncrypt(
            byte[] document,
            String name,
            SecretKey signer,
            Certificate intended,
            Certificate recipient,
            Instant now) {
        Date at = Date.from(now);
        try {
            PGPSignatureGenerator signature = binaryDocument(signer, List.of(intended), at);

            PGPEncryptedDataGenerator encryption =
                    new PGPEncryptedDataGenerator(
                            Profile.forMessageTo(List.of(recipient)).dataEncryptor());
            PGPPublicKey key = recipient.encryptionKey(at);
            Policy.checkKey(key, "the encryption key of " + recipient.describe());
            encryption.addMethod(
                    new BcPublicKeyKeyEncryptionMethodGenerator(key)
                            .setSecureRandom(new SecureRandom()));

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor =
                            ArmoredOutputStream.builder().clearHeaders().build(bytes);
                    OutputStream encrypted = encryption.open(armor, new byte[1 << 12])) {
                signature.generateOnePassVersion(false).encode(encrypted);
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                try (OutputStream body =
                        literal.open(encrypted, PGPLiteralData.BINARY, name, document.length, at)) {
                    body.write(document);
                }
                signature.update(document);
                signature.generate().encode(encrypted);
            }
            return bytes.toByteArray();
        } catch (PGPException | IOException e) {
            throw new KeyException("cannot sign and encrypt: " + e.getMessage(), null, e);
        }
    }

    /**
     * A generator of a binary-document signature, SHA-512, with the hashed subpackets of every
     * sealpack signature and the intended recipients' primary fingerprints (non-critical); nothing
     * unhashed.
     */
    static PGPSignatureGenerator binaryDocument(
            SecretKey signer, List<Certificate> intendedRecipients, Date at) throws PGPException {
        PGPPublicKey signingKey = signer.signingKey(at);
        PGPSignatureGenerator generator =
                DigestSigner.generator(
                        signer, Profile.DOCUMENT_SIGNATURE_HASH, PGPSignature.BINARY_DOCUMENT, at);
        PGPSignatureSubpacketGenerator hashed = Signatures.baseSubpackets(signingKey, at);
        for (Certificate recipient : intendedRecipients) {
            hashed.addIntendedRecipientFingerprint(false, recipient.ring.getPublicKey());
        }
        generator.setHashedSubpackets(hashed.generate());
        generator.setUnhashedSubpackets(new PGPSignatureSubpacketGenerator().generate());
        return generator;
    }
}
