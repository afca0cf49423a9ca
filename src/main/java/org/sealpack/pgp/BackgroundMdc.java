package org.sealpack.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.sealpack.io.Pipeline;

/**
 * SEIPD v1's integrity tag (the MDC: SHA-1 over the plaintext) computed on a thread of its own. When
 * packing, the encrypting thread was the one the others waited for: AES-CFB encryption is serial
 * (each block needs the previous ciphertext), and the SHA-1 beside it cost another 0.5 s per GiB.
 * Bouncy Castle writes every plaintext byte to the calculator's stream and asks for the digest once,
 * at the end; here the stream hands the bytes through a {@link Pipeline} to a thread that hashes them.
 */
final class BackgroundMdc implements PGPDataEncryptorBuilder {
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

    /** The calculator: the bytes go through a pipe to a thread that feeds the real one. */
    private static final class Digest implements PGPDigestCalculator {
        private final PGPDigestCalculator real;
        private final Pipeline pipeline;
        private final OutputStream stream;
        private byte[] digest;

        Digest(PGPDigestCalculator real) {
            this.real = real;
            OutputStream into = real.getOutputStream();
            this.pipeline = Pipeline.readingInBackground("sealpack-mdc", plaintext -> {
                byte[] buffer = new byte[1 << 18];
                int n;
                while ((n = plaintext.read(buffer)) > 0) {
                    into.write(buffer, 0, n);
                }
            });
            this.stream = pipeline.output();
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
                    stream.close();
                    pipeline.finish();
                } catch (IOException | RuntimeException e) {
                    throw new IllegalStateException("the integrity tag could not be computed: " + e.getMessage(), e);
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
