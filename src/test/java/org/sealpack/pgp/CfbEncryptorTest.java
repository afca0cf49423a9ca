package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Random;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * Whole SEIPD v1 messages (OpenPGP's CFB with the random prefix and its two repeated bytes, no
 * resync, the MDC packet) written through {@link CfbEncryptor}, on the caller's thread and on a
 * second one, are byte for byte those of Bouncy Castle's JCA and lightweight encryptors given the
 * same random bytes: for AES-128/192/256, with and without a ZLIB layer (the default and the
 * compressed profile; the anonymous profile differs only in the key packets), empty and large
 * plaintexts written in pieces.
 */
class CfbEncryptorTest {
    private static final Random RANDOM = new Random(4880);
    private static final int[] LENGTHS = {
        0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 262_144, 262_145, 1_000_003
    };

    @Test
    void writesWhatBouncyCastleWrites() throws Exception {
        int[] algorithms = {
            SymmetricKeyAlgorithmTags.AES_128,
            SymmetricKeyAlgorithmTags.AES_192,
            SymmetricKeyAlgorithmTags.AES_256
        };
        for (int algorithm : algorithms) {
            for (int length : LENGTHS) {
                for (boolean zlib : new boolean[] {false, true}) {
                    byte[] plain = new byte[length];
                    RANDOM.nextBytes(plain);
                    long seed = RANDOM.nextLong();
                    byte[] jca =
                            message(
                                    new JcePGPDataEncryptorBuilder(algorithm)
                                            .setWithIntegrityPacket(true)
                                            .setSecureRandom(fixed(seed)),
                                    plain,
                                    zlib);
                    byte[] bc =
                            message(
                                    new BcPGPDataEncryptorBuilder(algorithm)
                                            .setWithIntegrityPacket(true)
                                            .setSecureRandom(fixed(seed)),
                                    plain,
                                    zlib);
                    assertThat(bc).as("the references agree").isEqualTo(jca);
                    for (boolean background : new boolean[] {false, true}) {
                        assertThat(
                                        message(
                                                new CfbEncryptor(
                                                        algorithm, fixed(seed), background),
                                                plain,
                                                zlib))
                                .as(
                                        "algorithm %d, %d bytes, zlib %s, background %s",
                                        algorithm, length, zlib, background)
                                .isEqualTo(jca);
                    }
                }
            }
        }
    }

    @Test
    void aFailureBelowReachesTheWriterAndAbortReportsIt() throws Exception {
        CfbEncryptor cfb = new CfbEncryptor(SymmetricKeyAlgorithmTags.AES_256, fixed(1), true);
        IOException full = new IOException("No space left on device");
        OutputStream failing = new FullAfter(300_000, full);
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(cfb);
        generator.addMethod(
                new JcePBEKeyEncryptionMethodGenerator("test".toCharArray())
                        .setSecureRandom(fixed(2)));
        OutputStream plain = generator.open(failing, new byte[1 << 16]);
        Throwable thrown = null;
        try {
            byte[] chunk = new byte[1 << 16];
            for (int i = 0; i < 1_000; i++) {
                plain.write(chunk);
            }
            plain.close();
        } catch (IOException e) {
            thrown = e;
        }
        assertThat(thrown).as("the writer heard of it").isNotNull();
        assertThat(cfb.abort(thrown)).as("the disk's failure is the one reported").isSameAs(full);
    }

    @Test
    void refusesWhatItDoesNotDo() {
        assertThatThrownBy(
                        () -> new CfbEncryptor(SymmetricKeyAlgorithmTags.TWOFISH, fixed(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new CfbEncryptor(SymmetricKeyAlgorithmTags.AES_256, fixed(1), false)
                                        .setWithIntegrityPacket(false))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * Literal data (optionally in ZLIB) encrypted to a passphrase, whose key packet is
     * deterministic too.
     */
    private static byte[] message(PGPDataEncryptorBuilder builder, byte[] plain, boolean zlib)
            throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(builder);
        generator.addMethod(
                new JcePBEKeyEncryptionMethodGenerator("test".toCharArray())
                        .setSecureRandom(fixed(builder.getAlgorithm())));
        OutputStream encrypted = generator.open(sink, new byte[1 << 16]);
        PGPCompressedDataGenerator compression =
                zlib ? new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB) : null;
        OutputStream inner = zlib ? compression.open(encrypted, new byte[1 << 16]) : encrypted;
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        OutputStream body =
                literal.open(inner, PGPLiteralData.BINARY, "b.tar", new Date(0), new byte[1 << 16]);
        Random pieces = new Random(plain.length);
        int at = 0;
        while (at < plain.length) {
            int n =
                    Math.min(
                            plain.length - at,
                            pieces.nextInt(10) == 0 ? 1 : 1 + pieces.nextInt(200_000));
            if (n == 1) {
                body.write(plain[at]);
            } else {
                body.write(plain, at, n);
            }
            at += n;
        }
        literal.close();
        if (compression != null) {
            compression.close();
        }
        generator.close();
        return sink.toByteArray();
    }

    /** A SecureRandom that gives the same bytes for the same seed (tests only). */
    private static SecureRandom fixed(long seed) {
        Random random = new Random(seed);
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }

            @Override
            public byte[] generateSeed(int n) {
                byte[] b = new byte[n];
                random.nextBytes(b);
                return b;
            }
        };
    }
}
