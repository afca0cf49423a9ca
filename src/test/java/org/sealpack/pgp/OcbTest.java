package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * Known answers for OCB on the JDK's AES: RFC 7253's first examples, and byte for byte Bouncy
 * Castle's OCB engine for every key size, nonces of 1 to 15 bytes, associated data of 0 to 40
 * bytes, lengths around the block edges and random ones up to several chunks, at offsets into the
 * arrays.
 */
class OcbTest {
    private static final Random RANDOM = new Random(7253);
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7253Examples() throws Exception {
        Ocb ocb = new Ocb(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        byte[] out = new byte[64];
        int n =
                ocb.encrypt(
                        HEX.parseHex("bbaa99887766554433221100"),
                        new byte[0],
                        new byte[0],
                        0,
                        0,
                        out,
                        0);
        assertThat(HEX.formatHex(out, 0, n)).isEqualTo("785407bfffc8ad9edcc5520ac9111ee6");
        byte[] eight = HEX.parseHex("0001020304050607");
        n = ocb.encrypt(HEX.parseHex("bbaa99887766554433221101"), eight, eight, 0, 8, out, 0);
        assertThat(HEX.formatHex(out, 0, n))
                .isEqualTo("6820b3657b6f615a5725bda0d3b4eb3a257c9af1f8f03009");
    }

    @Test
    void encryptsLikeBouncyCastle() throws Exception {
        int[] edges = {
            0, 1, 15, 16, 17, 31, 32, 33, 255, 256, 257, 4095, 4096, 65_535, 65_536, 65_537,
            262_144, 262_160
        };
        for (int i = 0; i < edges.length * 3 + 60; i++) {
            int length = i < edges.length * 3 ? edges[i / 3] : RANDOM.nextInt(700_000);
            byte[] key = bytes(new int[] {16, 24, 32}[i % 3]);
            byte[] nonce = bytes(i % 2 == 0 ? 15 : 1 + RANDOM.nextInt(15));
            byte[] ad = bytes(RANDOM.nextInt(41));
            byte[] plain = bytes(length + 7);
            OCBBlockCipher bc =
                    new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
            bc.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, ad));
            byte[] expected = new byte[bc.getOutputSize(length)];
            int n = bc.processBytes(plain, 3, length, expected, 0);
            n += bc.doFinal(expected, n);
            byte[] mine = new byte[length + 16 + 5];
            Ocb ocb = new Ocb(key);
            assertThat(ocb.encrypt(nonce, ad, plain, 3, length, mine, 5)).isEqualTo(n);
            assertThat(Arrays.copyOfRange(mine, 5, 5 + n))
                    .as(
                            "key %d bytes, nonce %d, ad %d, %d bytes",
                            key.length, nonce.length, ad.length, length)
                    .isEqualTo(expected);
            assertThat(Arrays.copyOfRange(mine, 5, 5 + n))
                    .as("the same object again")
                    .isEqualTo(Arrays.copyOf(expected, n));
        }
    }

    @Test
    void oneObjectPastItsFirstCallsEncryptsAndDecryptsLikeBouncyCastle() throws Exception {
        // The first 4,096 AES calls of an object go in 256-byte pieces (Ocb.bulk): five calls of
        // 600,000 bytes take it past them, so whole-length calls are checked too.
        byte[] key = bytes(32);
        Ocb ocb = new Ocb(key);
        for (int call = 0; call < 5; call++) {
            int length = 600_000 + call;
            byte[] nonce = bytes(15);
            byte[] ad = bytes(5);
            byte[] plain = bytes(length);
            OCBBlockCipher bc =
                    new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
            bc.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, ad));
            byte[] expected = new byte[bc.getOutputSize(length)];
            int n = bc.processBytes(plain, 0, length, expected, 0);
            n += bc.doFinal(expected, n);
            byte[] mine = new byte[length + 16];
            assertThat(ocb.encrypt(nonce, ad, plain, 0, length, mine, 0)).isEqualTo(n);
            assertThat(mine).as("encrypt call %d", call).isEqualTo(expected);
            byte[] back = new byte[length];
            assertThat(ocb.decrypt(nonce, ad, expected, 0, length, back, 0)).isTrue();
            assertThat(back).as("decrypt call %d", call).isEqualTo(plain);
            expected[call * 1000] ^= 1;
            assertThat(ocb.decrypt(nonce, ad, expected, 0, length, back, 0))
                    .as("altered, call %d", call)
                    .isFalse();
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
