package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CFBBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * Known answers for CFB computed through CBC: byte for byte what the JDK's AES/CFB and Bouncy
 * Castle's CFB-128 engine give, for every key size, lengths around block and buffer edges and
 * random ones, zero and random IVs, and input arriving in pieces that split blocks anywhere (single
 * bytes included).
 */
class CfbViaCbcTest {
    private static final Random RANDOM = new Random(9580);
    private static final int[] LENGTHS = {
        0, 1, 2, 15, 16, 17, 18, 31, 32, 33, 4095, 65_535, 65_536, 65_537, 65_552, 131_071, 131_072,
        131_089, 262_143, 262_144, 262_145, 300_001, 1_048_575, 1_048_577, 1_400_017
    };

    @Test
    void encryptsLikeTheJdkAndBouncyCastleAtEveryEdge() throws Exception {
        for (int keySize : new int[] {16, 24, 32}) {
            for (int length : LENGTHS) {
                check(keySize, length, new byte[16]);
            }
        }
    }

    @Test
    void encryptsLikeTheJdkAndBouncyCastleOnRandomLengthsAndIvs() throws Exception {
        for (int i = 0; i < 60; i++) {
            int length = RANDOM.nextInt(i < 40 ? 2_000 : 700_000);
            byte[] iv = i % 3 == 0 ? new byte[16] : bytes(16);
            check(new int[] {16, 24, 32}[i % 3], length, iv);
        }
    }

    /** The RFC 3602-style known answer: AES-128-CFB of the NIST SP 800-38A example, F.3.13. */
    @Test
    void matchesNistSp80038aCfb128() throws Exception {
        byte[] key = java.util.HexFormat.of().parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] iv = java.util.HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] plain =
                java.util.HexFormat.of()
                        .parseHex(
                                "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                                        + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        String expected =
                "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"
                        + "26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6";
        for (int piece : new int[] {1, 5, 16, 17, 64}) {
            assertThat(Hex.of(viaCbc(key, iv, plain, piece)))
                    .as("pieces of %d", piece)
                    .isEqualToIgnoringCase(expected);
        }
    }

    private static void check(int keySize, int length, byte[] iv) throws Exception {
        byte[] key = bytes(keySize);
        byte[] plain = bytes(length);
        byte[] jdk = jdkCfb(key, iv, plain);
        assertThat(bouncyCastleCfb(key, iv, plain)).as("the two references agree").isEqualTo(jdk);
        for (int piece : new int[] {1, 7, 16, 33, 65_536, 1 << 20, -1}) {
            assertThat(viaCbc(key, iv, plain, piece))
                    .as("key %d bytes, %d bytes, pieces of %d", keySize, length, piece)
                    .isEqualTo(jdk);
        }
    }

    /** Through CfbViaCbc, written in pieces of at most {@code piece} bytes (-1: random sizes). */
    private static byte[] viaCbc(byte[] key, byte[] iv, byte[] plain, int piece) throws Exception {
        CfbViaCbc cfb = new CfbViaCbc(key, iv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < plain.length) {
            int n = Math.min(plain.length - at, piece > 0 ? piece : 1 + RANDOM.nextInt(100_000));
            cfb.update(plain, at, n, out);
            assertThat(out.size())
                    .as("whole blocks are written at once")
                    .isEqualTo((at + n) / 16 * 16);
            at += n;
        }
        cfb.finish(out);
        return out.toByteArray();
    }

    private static byte[] jdkCfb(byte[] key, byte[] iv, byte[] data) throws Exception {
        Cipher cfb = Cipher.getInstance("AES/CFB/NoPadding");
        cfb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cfb.doFinal(data);
    }

    private static byte[] bouncyCastleCfb(byte[] key, byte[] iv, byte[] data) {
        CFBBlockCipher cfb =
                (CFBBlockCipher) CFBBlockCipher.newInstance(AESEngine.newInstance(), 128);
        cfb.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[data.length];
        cfb.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
