package org.sealpack.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file's stream that writes on the caller's thread until {@code threshold} bytes, then hands the
 * rest to a {@link BackgroundWriter}: a large file's writes into the page cache leave the thread
 * that also hashes it (open's reading thread spent 0.4 s of CPU per GiB in them while the other
 * core decrypted), and a small file costs no thread. {@link #close} ends the writer, then closes
 * the stream below, even if the writer failed.
 */
public final class BackgroundAfter extends OutputStream {
    private final OutputStream below;
    private final long threshold;
    private final String name;
    private long written;
    private BackgroundWriter background;

    public BackgroundAfter(OutputStream below, long threshold, String name) {
        this.below = below;
        this.threshold = threshold;
        this.name = name;
    }

    /** Whether the writes went to a thread of their own (for the tests). */
    boolean inBackground() {
        return background != null;
    }

    @Override
    public void write(int b) throws IOException {
        if (background != null) {
            background.write(b);
            return;
        }
        below.write(b);
        counted(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (background != null) {
            background.write(b, off, len);
            return;
        }
        below.write(b, off, len);
        counted(len);
    }

    private void counted(int n) {
        written += n;
        if (written >= threshold) {
            background = new BackgroundWriter(below, name);
        }
    }

    @Override
    public void flush() throws IOException {
        if (background != null) {
            background.flush();
        } else {
            below.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (background != null) {
                background.close();
            }
        } finally {
            below.close();
        }
    }
}
