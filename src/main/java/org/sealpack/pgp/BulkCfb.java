package org.sealpack.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;

/**
 * Decryption of SEIPD v1 (AES in OpenPGP's CFB mode with a zero IV, RFC 9580 section 5.13.1) in
 * bulk. CFB decryption of block i is {@code C[i] XOR AES(C[i-1])}: unlike encryption, every block's
 * key stream is known once the ciphertext is, so a whole chunk goes through one AES-ECB call (the
 * JDK runs it on the processor's vector AES instructions) and one XOR loop. Measured on our 2-core
 * machine: the JDK's AES/CFB decrypts at ~630 MB/s, this at ~4,900 MB/s. SEIPD v2 with AES-OCB goes
 * to {@link OcbDecryptor} (the JDK's AES too). Everything else (session key recovery, other AEAD
 * modes, ciphers other than AES) is Bouncy Castle's, through the factory this one wraps.
 */
final class BulkCfb {
    private static final int BLOCK = 16;

    /** Ciphertext handled per AES call. */
    private static final int CHUNK = 1 << 16;

    private BulkCfb() {}

    /** Wraps a decryptor factory so that integrity-protected AES data is decrypted in bulk. */
    static PublicKeyDataDecryptorFactory wrap(PublicKeyDataDecryptorFactory bc) {
        return new PublicKeyDataDecryptorFactory() {
            @Override
            public byte[] recoverSessionData(
                    PublicKeyEncSessionPacket packet, InputStreamPacket data) throws PGPException {
                return bc.recoverSessionData(packet, data);
            }

            @Override
            public byte[] recoverSessionData(int algorithm, byte[][] data) throws PGPException {
                return bc.recoverSessionData(algorithm, data);
            }

            @Override
            public byte[] recoverSessionData(int algorithm, byte[][] data, int version)
                    throws PGPException {
                return bc.recoverSessionData(algorithm, data, version);
            }

            @Override
            public PGPDataDecryptor createDataDecryptor(
                    boolean withIntegrityPacket, int algorithm, byte[] key) throws PGPException {
                if (!withIntegrityPacket || !isAes(algorithm)) {
                    return bc.createDataDecryptor(withIntegrityPacket, algorithm, key);
                }
                return decryptor(key);
            }

            @Override
            public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket packet, PGPSessionKey key)
                    throws PGPException {
                return bc.createDataDecryptor(packet, key);
            }

            @Override
            public PGPDataDecryptor createDataDecryptor(
                    SymmetricEncIntegrityPacket packet, PGPSessionKey key) throws PGPException {
                if (OcbDecryptor.reads(packet)) {
                    return OcbDecryptor.decryptor(packet, key);
                }
                return bc.createDataDecryptor(packet, key);
            }
        };
    }

    static boolean isAes(int algorithm) {
        return algorithm == SymmetricKeyAlgorithmTags.AES_128
                || algorithm == SymmetricKeyAlgorithmTags.AES_192
                || algorithm == SymmetricKeyAlgorithmTags.AES_256;
    }

    static PGPDataDecryptor decryptor(byte[] key) throws PGPException {
        Cipher aes;
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new PGPException("AES is not available: " + e.getMessage(), e);
        }
        // The running SHA-1 of the plaintext that the Modification Detection Code packet must
        // match.
        PGPDigestCalculator mdc = Crypto.digests().get(HashAlgorithmTags.SHA1);
        return new PGPDataDecryptor() {
            @Override
            public InputStream getInputStream(InputStream in) {
                return new DecryptingStream(in, aes);
            }

            @Override
            public int getBlockSize() {
                return BLOCK;
            }

            @Override
            public PGPDigestCalculator getIntegrityCalculator() {
                return mdc;
            }
        };
    }

    /**
     * CFB decryption, zero IV, no resynchronisation. {@code buffer} holds the previous ciphertext
     * block (the feedback register) followed by the ciphertext not yet decrypted; AES over its
     * first n whole blocks is the key stream of the n ciphertext blocks that follow the register. A
     * trailing partial block waits for more ciphertext, or is decrypted at the end of the input.
     */
    static final class DecryptingStream extends InputStream {
        private final InputStream in;
        private final Cipher aes;
        private final byte[] buffer = new byte[BLOCK + CHUNK];
        private final byte[] keyStream = new byte[CHUNK];
        private final byte[] plain = new byte[CHUNK];

        /** Ciphertext bytes in buffer after the register. */
        private int pending;

        private int position;
        private int available;
        private boolean eof;

        /** AES calls made while warming (see {@link #keyStream}). */
        private int calls;

        DecryptingStream(InputStream in, Cipher aes) {
            this.in = in;
            this.aes = aes;
        }

        @Override
        public int read() throws IOException {
            if (position == available && !fill()) {
                return -1;
            }
            return plain[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == available && !fill()) {
                return -1;
            }
            int n = Math.min(len, available - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return available - position;
        }

        /**
         * AES over the first {@code length} bytes of the buffer into the key stream; in small
         * pieces while the cipher is new, so that HotSpot compiles it onto the processor's AES
         * instructions after a few KiB rather than after ~300 MB (see {@link CfbViaCbc#WARM_SLICE};
         * measured: 0.18-0.20 s of CPU per GiB cold, 0.07-0.10 s so).
         */
        private void keyStream(int length) throws GeneralSecurityException {
            if (calls >= CfbViaCbc.WARM_SLICES) {
                aes.update(buffer, 0, length, keyStream, 0);
                return;
            }
            for (int at = 0; at < length; at += CfbViaCbc.WARM_SLICE) {
                int n = Math.min(CfbViaCbc.WARM_SLICE, length - at);
                aes.update(buffer, at, n, keyStream, at);
                calls++;
            }
        }

        /**
         * Decrypts the next run of ciphertext into {@code plain}; false at the end of the input.
         */
        private boolean fill() throws IOException {
            while (!eof && pending < BLOCK) {
                int n = in.read(buffer, BLOCK + pending, CHUNK - pending);
                if (n < 0) {
                    eof = true;
                } else {
                    pending += n;
                }
            }
            // Read on while it costs no waiting, so that each AES call covers a large run.
            while (!eof && pending < CHUNK && in.available() > 0) {
                int n = in.read(buffer, BLOCK + pending, CHUNK - pending);
                if (n < 0) {
                    eof = true;
                } else {
                    pending += n;
                }
            }
            int count = eof ? pending : pending - pending % BLOCK;
            if (count == 0) {
                return false;
            }
            int blocks = (count + BLOCK - 1) / BLOCK;
            try {
                keyStream(blocks * BLOCK);
            } catch (GeneralSecurityException e) {
                throw new IOException("AES failed: " + e.getMessage(), e);
            }
            Xor.of(keyStream, buffer, BLOCK, plain, count);
            if (count % BLOCK == 0) {
                // The last whole ciphertext block becomes the register; the rest moves up behind
                // it.
                System.arraycopy(buffer, count, buffer, 0, BLOCK + pending - count);
            }
            pending -= count;
            position = 0;
            available = count;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
