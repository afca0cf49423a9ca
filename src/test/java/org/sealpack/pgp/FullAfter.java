package org.sealpack.pgp;

import java.io.IOException;
import java.io.OutputStream;

/** A file that fills up: takes {@code bytes} bytes, then throws {@code failure} at every write. */
final class FullAfter extends OutputStream {
    private final long bytes;
    private final IOException failure;
    private long written;

    FullAfter(long bytes, IOException failure) {
        this.bytes = bytes;
        this.failure = failure;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (written > bytes) {
            throw failure;
        }
    }
}
