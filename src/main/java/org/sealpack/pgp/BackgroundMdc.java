package org.sealpack.pgp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * SEIPD v1's integrity tag (the MDC: SHA-1 over the plaintext) computed on a thread of its own. When
 * packing, the encrypting thread was the one the others waited for: AES-CFB encryption is serial
 * (each block needs the previous ciphertext), and the SHA-1 beside it cost another 0.5 s per GiB.
 * Bouncy Castle writes every plaintext byte to the calculator's stream and asks for the digest once,
 * at the end; here the stream copies the bytes into chunks that a second thread hashes.
 */
final class BackgroundMdc implements PGPDataEncryptorBuilder {
    private static final int CHUNK = 1 << 18;
    private static final int CHUNKS = 8;

    private final PGPDataEncryptorBuilder builder;

    BackgroundMdc(PGPDataEncryptorBuilder builder) {
        this.builder = builder;
    }

    @Override
    public PGPDataEncryptor build(byte[] key) throws PGPException {
        PGPDataEncryptor encryptor = builder.build(key);
        PGPDigestCalculator mdc = encryptor.getIntegrityCalculator();
        PGPDigestCalculator background = mdc == null ? null : new Digest(mdc);
        return new PGPDataEncryptor() {
            @Override
            public OutputStream getOutputStream(OutputStream out) {
                return encryptor.getOutputStream(out);
            }

            @Override
            public PGPDigestCalculator getIntegrityCalculator() {
                return background;
            }

            @Override
            public int getBlockSize() {
                return encryptor.getBlockSize();
            }
        };
    }

    @Override
    public PGPDataEncryptor build(byte[] key, byte[] salt) throws PGPException {
        return builder.build(key, salt);
    }

    @Override
    public int getAlgorithm() {
        return builder.getAlgorithm();
    }

    @Override
    public int getAeadAlgorithm() {
        return builder.getAeadAlgorithm();
    }

    @Override
    public int getChunkSize() {
        return builder.getChunkSize();
    }

    @Override
    public boolean isV5StyleAEAD() {
        return builder.isV5StyleAEAD();
    }

    @Override
    public SecureRandom getSecureRandom() {
        return builder.getSecureRandom();
    }

    @Override
    public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
        builder.setWithIntegrityPacket(withIntegrityPacket);
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
        builder.setWithAEAD(aeadAlgorithm, chunkSize);
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setUseV5AEAD() {
        builder.setUseV5AEAD();
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setUseV6AEAD() {
        builder.setUseV6AEAD();
        return this;
    }

    private record Piece(byte[] data, int length) {
    }

    /** The calculator: bytes in chunks to a daemon thread that feeds the real one. */
    private static final class Digest implements PGPDigestCalculator {
        private static final Piece END = new Piece(new byte[0], 0);
        private final PGPDigestCalculator real;
        private final BlockingQueue<Piece> full = new ArrayBlockingQueue<>(CHUNKS);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 2);
        private final Thread hasher;
        private volatile Throwable failure;
        /** The thread that last handed a chunk over. */
        private volatile Thread writer;
        private byte[] chunk = new byte[CHUNK];
        private int used;
        private byte[] digest;
        private final OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (used == chunk.length) {
                        hand();
                    }
                    int n = Math.min(len, chunk.length - used);
                    System.arraycopy(b, off, chunk, used, n);
                    used += n;
                    off += n;
                    len -= n;
                }
            }
        };

        Digest(PGPDigestCalculator real) {
            this.real = real;
            this.hasher = new Thread(this::hash, "sealpack-mdc");
            hasher.setDaemon(true);
            hasher.start();
        }

        private void hash() {
            try {
                OutputStream out = real.getOutputStream();
                while (true) {
                    Piece p = full.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (p == END) {
                        return;
                    }
                    if (p == null) {
                        Thread last = writer;
                        if (last != null && !last.isAlive()) {
                            return; // the packing failed and its thread ended: nothing will come
                        }
                        continue;
                    }
                    out.write(p.data(), 0, p.length());
                    free.offer(p.data());
                }
            } catch (Throwable t) {
                failure = t;
                full.clear();
            }
        }

        /** Hands the current chunk to the hashing thread. */
        private void hand() throws IOException {
            if (used == 0) {
                return;
            }
            writer = Thread.currentThread();
            put(new Piece(chunk, used));
            byte[] recycled = free.poll();
            chunk = recycled != null ? recycled : new byte[CHUNK];
            used = 0;
        }

        private void put(Piece b) throws IOException {
            try {
                while (!full.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (failure != null || !hasher.isAlive()) {
                        throw new IOException("the integrity tag could not be computed", failure);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }

        @Override
        public int getAlgorithm() {
            return real.getAlgorithm();
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public byte[] getDigest() {
            if (digest == null) {
                try {
                    hand();
                    put(END);
                    hasher.join();
                } catch (IOException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (failure != null) {
                    throw new IllegalStateException("the integrity tag could not be computed", failure);
                }
                digest = real.getDigest();
            }
            return digest.clone();
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("the integrity calculator is used once");
        }
    }
}
