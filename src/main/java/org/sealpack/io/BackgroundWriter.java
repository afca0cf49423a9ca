package org.sealpack.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A buffered stream whose writes to the stream below (a file) happen on a thread of their own.
 * Pack's encrypting thread otherwise spent a third of its time in the kernel's write (copying into
 * the page cache, allocating blocks), while the other core waited for it. The bytes are gathered in
 * 1 MiB buffers, as a BufferedOutputStream would (one copy), and handed over whole.
 *
 * <p>Any thread may write, one at a time (the writes are ordered by the caller: pack's threads hand
 * over to each other by joining). {@link #flush} returns when everything written so far is in the
 * stream below; {@link #close} flushes, ends the thread and closes nothing below. A failure below
 * is thrown by the next write, flush or close; the thread then discards what still comes, so a
 * writer never waits for ever.
 */
public final class BackgroundWriter extends OutputStream {
    private static final int CHUNK = 1 << 20;
    private static final int DEPTH = 4;
    private static final byte[] END = new byte[0];

    private final OutputStream below;
    private final BlockingQueue<Object> full = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 2);
    private final Thread thread;

    /** Chunks handed over and chunks written (or discarded), for flush. */
    private long handed;

    private volatile long done;
    private volatile IOException failure;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean closed;

    private record Chunk(byte[] data, int length) {}

    public BackgroundWriter(OutputStream below, String name) {
        this.below = below;
        this.thread = ChunkPipe.start(name, this::run);
    }

    private void run() {
        try {
            while (true) {
                Object item = full.take();
                if (item == END) {
                    return;
                }
                Chunk c = (Chunk) item;
                if (failure == null) {
                    try {
                        below.write(c.data(), 0, c.length());
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new IOException(e);
                    }
                }
                free.offer(c.data());
                done++;
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("interrupted");
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            hand();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                hand();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void hand() throws IOException {
        check();
        if (used == 0) {
            return;
        }
        put(new Chunk(chunk, used));
        handed++;
        byte[] recycled = free.poll();
        chunk = recycled != null ? recycled : new byte[CHUNK];
        used = 0;
    }

    private void put(Object item) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        try {
            full.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private void check() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException(f.getMessage(), f);
        }
    }

    /** Returns when every byte written so far has been written below (and flushed there). */
    @Override
    public void flush() throws IOException {
        hand();
        while (done < handed && thread.isAlive()) {
            Thread.onSpinWait();
            try {
                thread.join(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
        check();
        below.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            put(END);
            closed = true;
            ChunkPipe.join(thread);
        }
    }
}
