package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time XOR gives what a byte loop gives, at every length and offset. */
class XorTest {
    private static final Random RANDOM = new Random(4880);

    @Test
    void intoMatchesAByteLoopAtEveryLengthAndOffset() {
        for (int n = 0; n <= 70; n++) {
            for (int off = 0; off <= 9; off++) {
                byte[] in = bytes(off + n + 3);
                byte[] into = bytes(n + 5);
                byte[] expected = into.clone();
                for (int i = 0; i < n; i++) {
                    expected[i] ^= in[off + i];
                }
                Xor.into(in, off, into, n);
                assertThat(into).as("n %d, offset %d", n, off).isEqualTo(expected);
            }
        }
    }

    @Test
    void ofMatchesAByteLoopAtEveryLengthAndOffset() {
        for (int n = 0; n <= 70; n++) {
            for (int off = 0; off <= 17; off++) {
                byte[] a = bytes(n + 2);
                byte[] b = bytes(off + n + 1);
                byte[] out = bytes(n + 4);
                byte[] expected = out.clone();
                for (int i = 0; i < n; i++) {
                    expected[i] = (byte) (a[i] ^ b[off + i]);
                }
                Xor.of(a, b, off, out, n);
                assertThat(out).as("n %d, offset %d", n, off).isEqualTo(expected);
            }
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
