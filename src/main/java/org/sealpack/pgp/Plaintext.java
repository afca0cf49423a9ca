package org.sealpack.pgp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.sealpack.failure.UnsafeArchiveException;

/**
 * The decrypted data as it is read: counted (the decryptor's own count), and an anonymous file's
 * inflation bounded.
 */
final class Plaintext {
    /**
     * An anonymous file's compressed data inflates to at most this much plus {@link #EXPANSION}
     * times its size.
     */
    static final long EXPANSION_FLOOR = 32L << 20;

    static final int EXPANSION = 16;

    private Plaintext() {}

    /** A stream that counts what was read, in its own count and a process-wide one. */
    static final class Counted extends FilterInputStream {
        private final AtomicLong total;
        long count;

        Counted(InputStream in, AtomicLong total) {
            super(in);
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
                total.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                total.addAndGet(n);
            }
            return n;
        }
    }

    /**
     * An anonymous file's inflated data, refused once it exceeds {@link #EXPANSION_FLOOR} plus
     * {@link #EXPANSION} times the compressed bytes read: checked as it is read, before the disk
     * sees it.
     */
    static final class Bounded extends FilterInputStream {
        private final Counted compressed;
        private long count;

        Bounded(InputStream in, Counted compressed) {
            super(in);
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > EXPANSION_FLOOR + EXPANSION * compressed.count) {
                    throw new UnsafeArchiveException(
                            "the anonymous file's compressed data inflates"
                                    + " to more than "
                                    + (EXPANSION_FLOOR >> 20)
                                    + " MiB plus "
                                    + EXPANSION
                                    + " times its size"
                                    + " (a decompression bomb): refused as it inflated, and what it had written erased",
                            "do not open this file; its sender is unknown (an anonymous file carries no outer signature)");
                }
            }
            return n;
        }
    }
}
