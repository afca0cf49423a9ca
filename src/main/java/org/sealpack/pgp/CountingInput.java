package org.sealpack.pgp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that counts what was read, notes whether its end was met (a failure after that is a
 * truncated file) and, once asked, records what it reads (the outer signature packet, to compare
 * with its re-encoding).
 */
final class CountingInput extends FilterInputStream {
    long count;

    /** Whether the end of the stream was met: a failure after that is a truncated file. */
    boolean ended;

    private long marked;
    private ByteArrayOutputStream recording;

    CountingInput(InputStream in) {
        super(in);
    }

    /** Mark support below the counter, so that the armor decoder's look-ahead is counted right. */
    static CountingInput over(InputStream in) {
        return new CountingInput(in.markSupported() ? in : new BufferedInputStream(in, 1 << 16));
    }

    void record() {
        recording = new ByteArrayOutputStream();
    }

    byte[] recorded() {
        return recording == null ? new byte[0] : recording.toByteArray();
    }

    @Override
    public synchronized void mark(int limit) {
        in.mark(limit);
        marked = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        count = marked;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count++;
            if (recording != null) {
                recording.write(b);
            }
        } else {
            ended = true;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            if (recording != null) {
                recording.write(b, off, n);
            }
        } else if (n < 0) {
            ended = true;
        }
        return n;
    }

    /**
     * Reads a stream to its end in large blocks (each layer below then does its work in large
     * runs).
     */
    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 18];
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // hashed by the layers below
        }
    }
}
