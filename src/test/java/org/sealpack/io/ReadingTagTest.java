package org.sealpack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The keyed tag of a reading: the polynomials its javadoc defines (checked against a BigInteger
 * evaluation), whatever the reads' sizes and the arrays' ends; a different byte or length gives a
 * different value.
 */
class ReadingTagTest {
    private static final Random RANDOM = new Random(8493);
    private static final BigInteger P = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);

    /** The definition, slowly: 7-byte little-endian words, even and odd lanes, Horner mod p. */
    private static ReadingTag.Value reference(byte[] data, long r, long s) {
        int words = (data.length + 13) / 14 * 2;
        BigInteger[] lanes = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        BigInteger[] keys = {BigInteger.valueOf(r), BigInteger.valueOf(s)};
        for (int w = 0; w < words; w++) {
            BigInteger m = BigInteger.ZERO;
            for (int k = 6; k >= 0; k--) {
                int at = w * 7 + k;
                int b = at < data.length ? data[at] & 0xff : 0;
                m = m.shiftLeft(8).or(BigInteger.valueOf(b));
            }
            for (int key = 0; key < 2; key++) {
                int lane = key * 2 + w % 2;
                lanes[lane] = lanes[lane].add(m).multiply(keys[key]).mod(P);
            }
        }
        return new ReadingTag.Value(
                data.length,
                lanes[0].longValueExact(),
                lanes[1].longValueExact(),
                lanes[2].longValueExact(),
                lanes[3].longValueExact());
    }

    private static long key() {
        return RANDOM.nextLong() >>> 3 & ((1L << 61) - 2);
    }

    /** Reads {@code data} in random pieces, each from a copy that ends where the piece ends. */
    private static ReadingTag.Value readInPieces(ReadingTag tag, byte[] data) {
        ReadingTag.Reading reading = tag.reading();
        int at = 0;
        while (at < data.length) {
            int n =
                    Math.min(
                            data.length - at,
                            RANDOM.nextInt(4) == 0
                                    ? 1 + RANDOM.nextInt(40)
                                    : 1 + RANDOM.nextInt(5000));
            int lead = RANDOM.nextInt(3);
            byte[] piece = new byte[lead + n];
            System.arraycopy(data, at, piece, lead, n);
            reading.update(piece, lead, n);
            at += n;
        }
        return reading.value();
    }

    @Test
    void isThePolynomialsOfItsDefinitionWhateverTheReads() {
        for (int length : new int[] {0, 1, 6, 7, 13, 14, 15, 27, 28, 29, 1000, 65_536, 100_003}) {
            byte[] data = new byte[length];
            RANDOM.nextBytes(data);
            long r = key();
            long s = key();
            ReadingTag tag = ReadingTag.withKeys(r, s);
            ReadingTag.Value expected = reference(data, r, s);
            ReadingTag.Reading whole = tag.reading();
            whole.update(data, 0, data.length);
            assertThat(whole.value()).as("length %d in one read", length).isEqualTo(expected);
            for (int i = 0; i < 5; i++) {
                assertThat(readInPieces(tag, data))
                        .as("length %d in pieces", length)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void theLargestValuesDoNotOverflow() {
        byte[] data = new byte[10_000];
        Arrays.fill(data, (byte) 0xff);
        long big = (1L << 61) - 2;
        ReadingTag tag = ReadingTag.withKeys(big, big - 1);
        ReadingTag.Reading reading = tag.reading();
        reading.update(data, 0, data.length);
        assertThat(reading.value()).isEqualTo(reference(data, big, big - 1));
    }

    @Test
    void everyChangedByteAndEveryOtherLengthGivesAnotherValue() {
        byte[] data = new byte[300];
        RANDOM.nextBytes(data);
        ReadingTag tag = ReadingTag.fresh();
        ReadingTag.Value original = readInPieces(tag, data);
        assertThat(readInPieces(tag, data)).isEqualTo(original);
        for (int i = 0; i < data.length; i++) {
            byte[] changed = data.clone();
            changed[i] ^= (byte) (1 << RANDOM.nextInt(8));
            assertThat(readInPieces(tag, changed)).as("byte %d changed", i).isNotEqualTo(original);
        }
        // Zeros appended fall into the padding of the last word: only the length tells them apart.
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        assertThat(readInPieces(tag, longer).length()).isEqualTo(data.length + 1L);
        assertThat(readInPieces(tag, longer)).isNotEqualTo(original);
        assertThat(readInPieces(tag, Arrays.copyOf(data, data.length - 1))).isNotEqualTo(original);
        // Two words swapped between the lanes, and two whole groups swapped.
        byte[] swapped = data.clone();
        System.arraycopy(data, 0, swapped, 14, 14);
        System.arraycopy(data, 14, swapped, 0, 14);
        assertThat(readInPieces(tag, swapped)).isNotEqualTo(original);
    }

    @Test
    void valuesAreEqualOnlyWhenEveryFieldIs() {
        ReadingTag.Value v = new ReadingTag.Value(5, 1, 2, 3, 4);
        assertThat(v).isEqualTo(new ReadingTag.Value(5, 1, 2, 3, 4));
        assertThat(v).hasSameHashCodeAs(new ReadingTag.Value(5, 1, 2, 3, 4));
        assertThat(v).isNotEqualTo(new ReadingTag.Value(6, 1, 2, 3, 4));
        assertThat(v).isNotEqualTo(new ReadingTag.Value(5, 9, 2, 3, 4));
        assertThat(v).isNotEqualTo(new ReadingTag.Value(5, 1, 9, 3, 4));
        assertThat(v).isNotEqualTo(new ReadingTag.Value(5, 1, 2, 9, 4));
        assertThat(v).isNotEqualTo(new ReadingTag.Value(5, 1, 2, 3, 9));
        assertThat(v).isNotEqualTo(null);
        assertThat(v).isNotEqualTo("Value[5]");
        // Never printed with its lanes: they are values of a secret-keyed tag.
        assertThat(v.toString()).isEqualTo("Value[5]");
    }

    @Test
    void anotherTagGivesTheSameBytesAnotherValue() {
        byte[] data = new byte[1000];
        RANDOM.nextBytes(data);
        assertThat(readInPieces(ReadingTag.fresh(), data))
                .isNotEqualTo(readInPieces(ReadingTag.fresh(), data));
    }

    @Test
    void aFinishedReadingTakesNoMoreAndKeysAreBelowP() {
        ReadingTag.Reading reading = ReadingTag.fresh().reading();
        reading.update(new byte[3], 0, 3);
        reading.value();
        assertThatThrownBy(() -> reading.update(new byte[1], 0, 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ReadingTag.withKeys((1L << 61) - 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
