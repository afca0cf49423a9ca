package org.sealpack.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.AEADUtils;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPAEADDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * SEIPD v2 encryption with AES-OCB (RFC 9580 section 5.13.2) for Bouncy Castle's {@code
 * PGPEncryptedDataGenerator}, on {@link Ocb} (the JDK's AES) instead of Bouncy Castle's OCB. The
 * packet layout is Bouncy Castle's: chunks of 2^(c+6) bytes, each encrypted under the IV XOR its
 * index with the packet's five header octets as associated data, then a final tag over no plaintext
 * with the total length appended to the associated data. Known-answer tests pin it byte for byte
 * against Bouncy Castle's own encryptor.
 */
final class OcbEncryptor implements PGPDataEncryptorBuilder {
    /** The AEAD mode this writes; the profile names it (and uses this class only for it). */
    static final int OCB = Profile.AEAD;

    private final int algorithm;
    private final int chunkSize;
    private final SecureRandom random;

    /**
     * {@code chunkExponent}: log2 of the chunk size in bytes, as Bouncy Castle's builder takes it
     * (18: 256 KiB).
     */
    OcbEncryptor(int algorithm, int chunkExponent, SecureRandom random) {
        if (!BulkCfb.isAes(algorithm)) {
            throw new IllegalArgumentException("not AES: " + algorithm);
        }
        if (chunkExponent < 6 || chunkExponent > 28) {
            throw new IllegalArgumentException("chunk size 2^" + chunkExponent);
        }
        this.algorithm = algorithm;
        this.chunkSize = chunkExponent - 6;
        this.random = random;
    }

    @Override
    public PGPDataEncryptor build(byte[] keyAndIv) throws PGPException {
        byte[][] split = AEADUtils.splitMessageKeyAndIv(keyAndIv, algorithm, OCB);
        byte[] iv = split[1];
        Ocb ocb;
        try {
            ocb = new Ocb(split[0]);
        } catch (GeneralSecurityException e) {
            throw new PGPException("AES is not available: " + e.getMessage(), e);
        }
        byte[] header =
                SymmetricEncIntegrityPacket.createAAData(
                        SymmetricEncIntegrityPacket.VERSION_2, algorithm, OCB, chunkSize);
        return new PGPAEADDataEncryptor() {
            @Override
            public OutputStream getOutputStream(OutputStream out) {
                return new Chunks(out, ocb, iv, header, 1 << (chunkSize + 6));
            }

            @Override
            public PGPDigestCalculator getIntegrityCalculator() {
                return null;
            }

            @Override
            public int getBlockSize() {
                return Ocb.BLOCK;
            }

            @Override
            public int getAEADAlgorithm() {
                return OCB;
            }

            @Override
            public int getChunkSize() {
                return chunkSize;
            }

            @Override
            public byte[] getIV() {
                return iv.clone();
            }
        };
    }

    /**
     * Plaintext in, chunks of ciphertext and tags out; closing writes the final tag and closes
     * below.
     */
    private static final class Chunks extends OutputStream {
        private final OutputStream out;
        private final Ocb ocb;
        private final byte[] iv;
        private final byte[] header;
        private final byte[] data;
        private final byte[] sealed;
        private int used;
        private long index;
        private long total;
        private boolean closed;

        Chunks(OutputStream out, Ocb ocb, byte[] iv, byte[] header, int chunkLength) {
            this.out = out;
            this.ocb = ocb;
            this.iv = iv;
            this.header = header;
            this.data = new byte[chunkLength];
            this.sealed = new byte[chunkLength + Ocb.BLOCK];
        }

        @Override
        public void write(int b) throws IOException {
            if (used == data.length) {
                chunk();
            }
            data[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == data.length) {
                    chunk();
                }
                int n = Math.min(len, data.length - used);
                System.arraycopy(b, off, data, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void chunk() throws IOException {
            try {
                int n = ocb.encrypt(nonce(index), header, data, 0, used, sealed, 0);
                out.write(sealed, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt chunk " + index + ": " + e.getMessage(), e);
            }
            total += used;
            index++;
            used = 0;
        }

        private byte[] nonce(long chunk) {
            return OcbEncryptor.nonce(iv, chunk);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (used > 0) {
                chunk();
            }
            try {
                int n = ocb.encrypt(nonce(index), finalAd(header, total), data, 0, 0, sealed, 0);
                out.write(sealed, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot make the final tag: " + e.getMessage(), e);
            }
            out.close();
        }
    }

    /**
     * The message key and IV from the session key and the packet's salt: HKDF-SHA256 with the
     * packet's header octets as info (RFC 9580 section 5.13.2), on the JDK's HMAC.
     */
    @Override
    public PGPDataEncryptor build(byte[] sessionKey, byte[] salt) throws PGPException {
        return build(messageKeyAndIv(algorithm, chunkSize, sessionKey, salt));
    }

    /**
     * HKDF-SHA256 of the session key with the packet's salt, and its header octets as info (RFC
     * 9580 section 5.13.2): the message key, then the IV. {@code chunkSize} is the packet's chunk
     * size octet.
     */
    static byte[] messageKeyAndIv(int algorithm, int chunkSize, byte[] sessionKey, byte[] salt)
            throws PGPException {
        byte[] info =
                SymmetricEncIntegrityPacket.createAAData(
                        SymmetricEncIntegrityPacket.VERSION_2, algorithm, OCB, chunkSize);
        int length = sessionKey.length + AEADUtils.getIVLength(OCB) - 8;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = hmac.doFinal(sessionKey);
            hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] okm = new byte[length];
            byte[] t = new byte[0];
            for (int done = 0, i = 1; done < length; i++) {
                hmac.update(t);
                hmac.update(info);
                hmac.update((byte) i);
                t = hmac.doFinal();
                int n = Math.min(t.length, length - done);
                System.arraycopy(t, 0, okm, done, n);
                done += n;
            }
            return okm;
        } catch (GeneralSecurityException e) {
            throw new PGPException("cannot derive the message key: " + e.getMessage(), e);
        }
    }

    /** The nonce of chunk {@code chunk}: the IV with the chunk's index XORed into its end. */
    static byte[] nonce(byte[] iv, long chunk) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (chunk >>> (8 * i));
        }
        return nonce;
    }

    /** The final tag's associated data: the header octets, then the total plaintext length. */
    static byte[] finalAd(byte[] header, long total) {
        byte[] ad = new byte[header.length + 8];
        System.arraycopy(header, 0, ad, 0, header.length);
        for (int i = 0; i < 8; i++) {
            ad[ad.length - 1 - i] = (byte) (total >>> (8 * i));
        }
        return ad;
    }

    @Override
    public int getAlgorithm() {
        return algorithm;
    }

    @Override
    public int getAeadAlgorithm() {
        return OCB;
    }

    @Override
    public int getChunkSize() {
        return chunkSize;
    }

    @Override
    public boolean isV5StyleAEAD() {
        return false;
    }

    @Override
    public SecureRandom getSecureRandom() {
        return random;
    }

    @Override
    public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkExponent) {
        throw new UnsupportedOperationException("OCB with the chunk size given at construction");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV5AEAD() {
        throw new UnsupportedOperationException("SEIPD v2 only");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV6AEAD() {
        return this;
    }
}
