package org.sealpack.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.sealpack.io.ChunkPipe;
import org.sealpack.io.Pipeline;

/**
 * SEIPD v1 encryption (AES, CFB with a zero IV, MDC) for Bouncy Castle's {@code
 * PGPEncryptedDataGenerator}, split over two threads so that the two cores balance:
 *
 * <ul>
 *   <li>the writing thread (the one that makes the tar and hashes the payload with SHA-512) also
 *       computes the integrity tag (SHA-1 of the plaintext) inline, and hands the plaintext on in
 *       256 KiB chunks;
 *   <li>a second thread takes each chunk as it is (no copy), encrypts it with {@link CfbViaCbc}
 *       (AES-CBC speed, not AES-CFB's), and writes the ciphertext into the packet stream below,
 *       which carries the outer signature's hash (SHA-256) and the file writes.
 * </ul>
 *
 * The bytes written are exactly those of Bouncy Castle's own encryptor (known-answer tests pin it).
 * A failure on either side stops the other ({@link #abort}); closing the stream waits for the
 * second thread and rethrows its failure.
 */
final class CfbEncryptor implements PGPDataEncryptorBuilder {
    private final int algorithm;
    private final SecureRandom random;
    private final boolean background;
    private volatile Pipeline pipeline;

    /**
     * {@code background}: encrypt on a second thread (pack); false keeps it on the caller's thread.
     */
    CfbEncryptor(int algorithm, SecureRandom random, boolean background) {
        if (!BulkCfb.isAes(algorithm)) {
            throw new IllegalArgumentException("not AES: " + algorithm);
        }
        this.algorithm = algorithm;
        this.random = random;
        this.background = background;
    }

    /**
     * This side failed: stops the encrypting thread (if one was started), waits for it and returns
     * the failure to report (see {@link Pipeline#failed}).
     */
    Throwable abort(Throwable here) {
        Pipeline p = pipeline;
        return p == null ? here : p.failed(here);
    }

    @Override
    public PGPDataEncryptor build(byte[] key) throws PGPException {
        CfbViaCbc cfb;
        MessageDigest sha1;
        try {
            cfb = new CfbViaCbc(key, new byte[CfbViaCbc.BLOCK]);
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new PGPException("AES or SHA-1 is not available: " + e.getMessage(), e);
        }
        PGPDigestCalculator mdc = new Mdc(sha1);
        return new PGPDataEncryptor() {
            @Override
            public OutputStream getOutputStream(OutputStream packets) {
                return background ? inBackground(cfb, packets) : inline(cfb, packets);
            }

            @Override
            public PGPDigestCalculator getIntegrityCalculator() {
                return mdc;
            }

            @Override
            public int getBlockSize() {
                return CfbViaCbc.BLOCK;
            }
        };
    }

    private static OutputStream inline(CfbViaCbc cfb, OutputStream packets) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                cfb.update(b, off, len, packets);
            }

            @Override
            public void close() throws IOException {
                cfb.finish(packets);
                packets.close();
            }
        };
    }

    private OutputStream inBackground(CfbViaCbc cfb, OutputStream packets) {
        Pipeline p =
                Pipeline.readingInBackground(
                        "sealpack-encrypt",
                        plaintext -> {
                            ChunkPipe.Input chunks = (ChunkPipe.Input) plaintext;
                            while (chunks.transfer(
                                            (b, off, len) -> cfb.update(b, off, len, packets))
                                    >= 0) {
                                // each chunk encrypted and written as it came
                            }
                            cfb.finish(packets);
                            packets.close();
                        });
        pipeline = p;
        OutputStream into = p.output();
        return new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                into.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                into.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    into.close();
                    p.finish();
                }
            }
        };
    }

    /** The MDC: SHA-1 of the plaintext on the JDK's SHA-1 (processor instructions), inline. */
    private static final class Mdc implements PGPDigestCalculator {
        private final MessageDigest sha1;
        private final OutputStream stream;

        Mdc(MessageDigest sha1) {
            this.sha1 = sha1;
            this.stream =
                    new OutputStream() {
                        @Override
                        public void write(int b) {
                            sha1.update((byte) b);
                        }

                        private int calls;

                        @Override
                        public void write(byte[] b, int off, int len) {
                            // Small pieces at first, as CfbViaCbc's slices (measured: 0.62-0.67
                            // s of CPU per GiB cold, 0.55-0.58 s so).
                            while (calls < CfbViaCbc.WARM_SLICES && len > CfbViaCbc.WARM_SLICE) {
                                sha1.update(b, off, CfbViaCbc.WARM_SLICE);
                                off += CfbViaCbc.WARM_SLICE;
                                len -= CfbViaCbc.WARM_SLICE;
                                calls++;
                            }
                            calls++;
                            sha1.update(b, off, len);
                        }
                    };
        }

        @Override
        public int getAlgorithm() {
            return HashAlgorithmTags.SHA1;
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public byte[] getDigest() {
            return sha1.digest();
        }

        @Override
        public void reset() {
            sha1.reset();
        }
    }

    @Override
    public PGPDataEncryptor build(byte[] key, byte[] salt) throws PGPException {
        throw new PGPException("SEIPD v1 has no salt");
    }

    @Override
    public int getAlgorithm() {
        return algorithm;
    }

    @Override
    public int getAeadAlgorithm() {
        return -1;
    }

    @Override
    public int getChunkSize() {
        return 0;
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
        if (!withIntegrityPacket) {
            throw new UnsupportedOperationException("sealpack never writes unprotected data");
        }
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
        throw new UnsupportedOperationException("AEAD is Bouncy Castle's encryptor's job");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV5AEAD() {
        throw new UnsupportedOperationException("AEAD is Bouncy Castle's encryptor's job");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV6AEAD() {
        throw new UnsupportedOperationException("AEAD is Bouncy Castle's encryptor's job");
    }
}
