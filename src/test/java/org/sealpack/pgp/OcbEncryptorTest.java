package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Random;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * Whole SEIPD v2 packets (the RFC 9580 profile: HKDF message key and IV, OCB chunks, the final tag
 * over the total length) written through {@link OcbEncryptor} are byte for byte those of Bouncy
 * Castle's own encryptor given the same random bytes, for AES-128/192/256, chunk sizes of 64 bytes,
 * 4 KiB and 256 KiB, and plaintexts around the chunk edges written in pieces.
 */
class OcbEncryptorTest {
    private static final Random RANDOM = new Random(9580);

    @Test
    void writesWhatBouncyCastleWrites() throws Exception {
        Crypto.bouncyCastle(); // the reference needs Bouncy Castle's OCB
        int[] algorithms = {
            SymmetricKeyAlgorithmTags.AES_128,
            SymmetricKeyAlgorithmTags.AES_192,
            SymmetricKeyAlgorithmTags.AES_256
        };
        for (int algorithm : algorithms) {
            for (int exponent : new int[] {6, 12, 18}) {
                for (int length :
                        new int[] {
                            0, 1, 15, 16, 17, 63, 64, 65, 4096, 262_143, 262_144, 262_145, 600_001
                        }) {
                    if (exponent == 6 && length > 70_000) {
                        continue;
                    }
                    byte[] plain = new byte[length];
                    RANDOM.nextBytes(plain);
                    long seed = RANDOM.nextLong();
                    JcePGPDataEncryptorBuilder reference =
                            new JcePGPDataEncryptorBuilder(algorithm);
                    reference.setWithIntegrityPacket(true).setSecureRandom(fixed(seed));
                    reference.setWithAEAD(AEADAlgorithmTags.OCB, exponent);
                    reference.setUseV6AEAD();
                    assertThat(
                                    message(
                                            new OcbEncryptor(algorithm, exponent, fixed(seed)),
                                            plain,
                                            seed))
                            .as("algorithm %d, chunks 2^%d, %d bytes", algorithm, exponent, length)
                            .isEqualTo(message(reference, plain, seed));
                }
            }
        }
    }

    private static byte[] message(PGPDataEncryptorBuilder builder, byte[] plain, long seed)
            throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(builder);
        generator.addMethod(
                new JcePBEKeyEncryptionMethodGenerator("test".toCharArray())
                        .setSecureRandom(fixed(seed + 1)));
        OutputStream encrypted = generator.open(sink, new byte[1 << 16]);
        Random pieces = new Random(plain.length);
        int at = 0;
        while (at < plain.length) {
            int n =
                    Math.min(
                            plain.length - at,
                            pieces.nextInt(10) == 0 ? 1 : 1 + pieces.nextInt(600_000));
            if (n == 1) {
                encrypted.write(plain[at]);
            } else {
                encrypted.write(plain, at, n);
            }
            at += n;
        }
        generator.close();
        return sink.toByteArray();
    }

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
