package org.sealpack.pgp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.sealpack.failure.KeyException;

/**
 * Writes the two OpenPGP layers of a sealed file around a byte stream (the tar), in one pass:
 *
 * <pre>
 *   One-Pass Signature, Literal Data ('b', no name, date 0) {
 *       PKESK per recipient, SEIPD v1 (AES-256, MDC) { Literal Data ('b', inner name, date 0) { tar } }
 *   }, Signature (binary, SHA-256)
 * </pre>
 *
 * When every recipient (and the sender) holds a v6 key (RFC 9580 profile), the inner message is
 * SEIPD v2 with AES-256 in OCB mode instead. The returned stream takes the tar; closing it finishes
 * every layer and writes the outer signature. The sink is not closed.
 */
public final class SealWriter {
    private static final int BUFFER = 1 << 16;

    private SealWriter() {}

    /**
     * Opens the stream a tar is written to; closing it completes the sealed file. With {@code
     * compress}, the inner literal data is in a ZLIB Compressed Data packet (inside the encryption,
     * never around a signature). With {@code anonymous} set (seizure mode) there is no outer layer
     * at all: the file is the inner message alone, every recipient's key ID is the wildcard, and
     * the inner literal data has no name. Nothing in the unencrypted bytes names the sender, a
     * recipient or the bag.
     */
    public static Sealing open(
            OutputStream sink,
            SecretKey signer,
            List<Certificate> recipients,
            String innerName,
            Instant now,
            boolean compress,
            boolean anonymous)
            throws IOException {
        return open(sink, signer, recipients, innerName, now, compress, anonymous, true);
    }

    /**
     * As above; {@code twoThreads} false keeps all the work on the caller's thread: for a small
     * payload, starting threads costs more than they save (the bytes written are the same).
     */
    public static Sealing open(
            OutputStream sink,
            SecretKey signer,
            List<Certificate> recipients,
            String innerName,
            Instant now,
            boolean compress,
            boolean anonymous,
            boolean twoThreads)
            throws IOException {
        Date at = Date.from(now);
        try {
            PGPPublicKey signingKey = signer.signingKey(at);
            PGPSignatureGenerator outer =
                    DigestSigner.generator(
                            signer, Profile.FILE_SIGNATURE_HASH, PGPSignature.BINARY_DOCUMENT, at);
            outer.setHashedSubpackets(Signatures.baseSubpackets(signingKey, at).generate());
            outer.setUnhashedSubpackets(new PGPSignatureSubpacketGenerator().generate());

            List<Certificate> all = withSender(signer.certificate(), recipients);
            Profile profile = Profile.forMessageTo(all);
            PGPDataEncryptorBuilder data = profile.dataEncryptor(twoThreads);
            CfbEncryptor cfb = data instanceof CfbEncryptor c ? c : null;
            PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(data);
            for (Certificate recipient : all) {
                PGPPublicKey key = recipient.encryptionKey(at);
                Policy.checkKey(key, "the encryption key of " + recipient.describe());
                encryption.addMethod(
                        new BcPublicKeyKeyEncryptionMethodGenerator(key)
                                .setSecureRandom(new SecureRandom())
                                .setUseWildcardRecipient(anonymous));
            }

            PGPLiteralDataGenerator outerLiteral = anonymous ? null : new PGPLiteralDataGenerator();
            OutputStream signed;
            if (anonymous) {
                signed = sink;
            } else {
                outer.generateOnePassVersion(false).encode(sink);
                OutputStream outerBody =
                        outerLiteral.open(
                                sink, PGPLiteralData.BINARY, "", new Date(0), new byte[BUFFER]);
                signed = new SigningOutputStream(outerBody, outer);
            }
            OutputStream encrypted = encryption.open(signed, new byte[BUFFER]);
            PGPCompressedDataGenerator compression =
                    compress ? new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB) : null;
            OutputStream plain =
                    compression == null ? encrypted : compression.open(encrypted, new byte[BUFFER]);
            PGPLiteralDataGenerator innerLiteral = new PGPLiteralDataGenerator();
            OutputStream innerBody =
                    innerLiteral.open(
                            plain,
                            PGPLiteralData.BINARY,
                            anonymous ? "" : innerName,
                            new Date(0),
                            new byte[BUFFER]);
            OutputStream layers =
                    new FilterOutputStream(innerBody) {
                        private boolean closed;

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                        }

                        @Override
                        public void close() throws IOException {
                            if (closed) {
                                return;
                            }
                            closed = true;
                            innerLiteral.close();
                            if (compression != null) {
                                compression.close();
                            }
                            encryption.close();
                            if (!anonymous) {
                                outerLiteral.close();
                                try {
                                    outer.generate().encode(sink);
                                } catch (PGPException e) {
                                    throw new IOException(
                                            "cannot make the outer signature: " + e.getMessage(),
                                            e);
                                }
                            }
                            sink.flush();
                        }
                    };
            if (cfb != null) {
                return new Sealing(layers, cfb::abort);
            }
            return twoThreads
                    ? Sealing.inBackground(layers)
                    : new Sealing(layers, failure -> failure);
        } catch (PGPException e) {
            throw new KeyException(
                    "cannot prepare the signature or encryption: " + e.getMessage(), null, e);
        }
    }

    /** The recipients plus the sender's own certificate, each once, in the order given. */
    static List<Certificate> withSender(Certificate sender, List<Certificate> recipients) {
        Set<Certificate> all = new LinkedHashSet<>(recipients);
        all.add(sender);
        return new ArrayList<>(all);
    }

    /** Passes every byte to the signature generator, then on to the stream below. */
    private static final class SigningOutputStream extends FilterOutputStream {
        private final PGPSignatureGenerator signature;

        SigningOutputStream(OutputStream out, PGPSignatureGenerator signature) {
            super(out);
            this.signature = signature;
        }

        @Override
        public void write(int b) throws IOException {
            signature.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            signature.update(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
