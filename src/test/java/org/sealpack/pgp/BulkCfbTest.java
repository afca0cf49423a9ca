package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The bulk CFB decryptor gives exactly what the JDK's AES/CFB gives, however the input arrives. */
class BulkCfbTest {
    private static final Random RANDOM = new Random(8493);

    @Test
    void decryptsLikeTheJdkForEveryLengthAroundBlockAndChunkEdges() throws Exception {
        int[] lengths = {
            0, 1, 15, 16, 17, 31, 32, 33, 4095, 65535, 65536, 65537, 65552, 131_071, 300_001,
            1_400_017
        };
        for (int keySize : new int[] {16, 24, 32}) {
            for (int length : lengths) {
                byte[] key = bytes(keySize);
                byte[] plain = bytes(length);
                byte[] cipher = jdkCfb(Cipher.ENCRYPT_MODE, key, plain);
                for (int maxRead : new int[] {1, 7, 16, 1000, 1 << 20}) {
                    assertThat(decrypt(key, cipher, maxRead, false))
                            .as(
                                    "key %d bytes, %d bytes, reads of at most %d",
                                    keySize, length, maxRead)
                            .isEqualTo(plain);
                    assertThat(decrypt(key, cipher, maxRead, true))
                            .as(
                                    "read byte by byte: key %d bytes, %d bytes, reads of at most %d",
                                    keySize, length, maxRead)
                            .isEqualTo(plain);
                }
            }
        }
    }

    @Test
    void aChangedCiphertextByteChangesThatByteAndTheNextBlockOnly() throws Exception {
        byte[] key = bytes(32);
        byte[] plain = bytes(1000);
        byte[] cipher = jdkCfb(Cipher.ENCRYPT_MODE, key, plain);
        cipher[100] ^= 0x01;
        byte[] out = decrypt(key, cipher, 64, false);
        assertThat(out[100]).isEqualTo((byte) (plain[100] ^ 0x01));
        assertThat(java.util.Arrays.equals(out, 112, 128, plain, 112, 128))
                .as("the next block is garbled")
                .isFalse();
        assertThat(java.util.Arrays.equals(out, 128, 1000, plain, 128, 1000))
                .as("then it recovers, as CFB does")
                .isTrue();
        assertThat(java.util.Arrays.equals(out, 0, 100, plain, 0, 100)).isTrue();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] jdkCfb(int mode, byte[] key, byte[] data) throws Exception {
        Cipher cfb = Cipher.getInstance("AES/CFB/NoPadding");
        cfb.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        return cfb.doFinal(data);
    }

    /** Decrypts through a source that hands out at most {@code maxRead} bytes per call. */
    private static byte[] decrypt(byte[] key, byte[] cipher, int maxRead, boolean singleBytes)
            throws Exception {
        InputStream source =
                new ByteArrayInputStream(cipher) {
                    @Override
                    public synchronized int read(byte[] b, int off, int len) {
                        return super.read(b, off, Math.min(len, 1 + RANDOM.nextInt(maxRead)));
                    }
                };
        InputStream in = BulkCfb.decryptor(key).getInputStream(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (singleBytes) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
        } else {
            byte[] buffer = new byte[1 + RANDOM.nextInt(70_000)];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Test
    void theIntegrityCalculatorIsSha1() throws IOException, org.bouncycastle.openpgp.PGPException {
        var mdc = BulkCfb.decryptor(bytes(32)).getIntegrityCalculator();
        mdc.getOutputStream().write("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Hex.of(mdc.getDigest()))
                .isEqualToIgnoringCase("A9993E364706816ABA3E25717850C26C9CD0D89D");
    }
}
