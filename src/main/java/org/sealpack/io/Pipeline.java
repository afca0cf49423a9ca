package org.sealpack.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.sealpack.failure.SealpackException;

/**
 * Two threads joined by a {@link ChunkPipe}: this one and a background one, one writing into the
 * pipe and the other reading from it (two cores: pack encrypts on one while the other writes the
 * tar; open decrypts on one while the other reads the tar). The background thread is always joined,
 * and which of two failures is reported is decided here, in one place ({@link #decide}).
 */
public final class Pipeline {
    /** Writes into the pipe. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream into) throws Exception;
    }

    /** Reads from the pipe. */
    @FunctionalInterface
    public interface Reader {
        void read(InputStream from) throws Exception;
    }

    private final ChunkPipe pipe;
    private final Thread thread;
    private final boolean backgroundWrites;

    /** The background side's failure, if it had one (an echo of this side's failure included). */
    private volatile Throwable background;

    private Pipeline(
            ChunkPipe pipe, String name, boolean backgroundWrites, Writer writer, Reader reader) {
        this.pipe = pipe;
        this.backgroundWrites = backgroundWrites;
        this.thread =
                ChunkPipe.start(
                        name,
                        () -> {
                            try {
                                if (backgroundWrites) {
                                    OutputStream out = pipe.output();
                                    writer.write(out);
                                    out.close();
                                } else {
                                    reader.read(pipe.input());
                                }
                            } catch (Throwable t) {
                                background = t;
                                if (backgroundWrites) {
                                    pipe.fail(t);
                                } else {
                                    pipe.cancel(t);
                                }
                            }
                        });
    }

    /** A background thread that writes what this thread reads from {@link #input()}. */
    public static Pipeline writingInBackground(String name, Writer writer) {
        return new Pipeline(new ChunkPipe(), name, true, writer, null);
    }

    /**
     * A background thread that reads {@code file} to its end (and closes it) into the pipe, for
     * this thread to parse and hash what {@link #aheadInput()} gives. Four chunks of 1 MiB: against
     * eight of 256 KiB, a quarter of the hand-overs, each of which wakes the other thread
     * (measured, custodian verify of 1 GiB: 1.06 -> 0.98 s with {@link #aheadInput()}'s small
     * buffer, 9 MB more of peak RSS).
     */
    public static Pipeline readingAhead(String name, InputStream file) {
        return new Pipeline(
                new ChunkPipe(4, 1 << 20),
                name,
                true,
                into -> {
                    try (file) {
                        ChunkPipe.copy(file, into);
                    }
                },
                null);
    }

    /**
     * The reading side of a {@link #readingAhead} pipe, buffered for the packet parser's small
     * reads (and the look at a file's first bytes, which needs mark). The buffer is small, so that
     * the parser's large reads of a packet's body bypass it and are copied once, from the chunk
     * into the reader's buffer, rather than twice.
     */
    public InputStream aheadInput() {
        return new BufferedInputStream(pipe.input(), 1 << 13);
    }

    /** A background thread that reads what this thread writes to {@link #output()} (and closes). */
    public static Pipeline readingInBackground(String name, Reader reader) {
        return new Pipeline(new ChunkPipe(), name, false, null, reader);
    }

    public InputStream input() {
        return pipe.input();
    }

    public OutputStream output() {
        return pipe.output();
    }

    /**
     * This side is done (and has closed its end of the pipe, when it writes): waits for the
     * background thread and throws its failure, if it had one.
     */
    public void finish() throws IOException {
        join();
        Throwable t = decide(null, background);
        if (t != null) {
            throw rethrow(t);
        }
    }

    /**
     * This side failed: stops the background side, waits for it, and returns the failure to report:
     * see {@link #decide}. An {@link Error} (out of memory) is thrown rather than returned.
     */
    public Throwable failed(Throwable here) {
        if (backgroundWrites) {
            pipe.cancel(here);
        } else {
            pipe.fail(here);
        }
        join();
        Throwable t = decide(here, background);
        if (t instanceof Error e) {
            throw e;
        }
        return t;
    }

    private void join() {
        ChunkPipe.join(thread);
    }

    /**
     * Which failure to report when one side or both failed. A failure one side only received from
     * the other through the pipe (an echo: {@link ChunkPipe.PipeFailure}, {@link
     * ChunkPipe.Stopped}) stands for the other side's own. An {@link Error} (out of memory) always
     * wins. When both sides failed on their own, a judgement on the data ({@link
     * org.sealpack.failure.SealpackException}) made here wins; otherwise the background side's own
     * failure (a full disk under the encrypting thread) is what stopped this side.
     */
    static Throwable decide(Throwable here, Throwable background) {
        Throwable mine = echoed(here);
        Throwable theirs = background == null || isEcho(background) ? null : background;
        if (mine instanceof Error) {
            return mine;
        }
        if (theirs instanceof Error) {
            return theirs;
        }
        if (mine == null) {
            return theirs;
        }
        if (theirs == null || mine == theirs || mine instanceof SealpackException) {
            return mine;
        }
        return theirs;
    }

    /** The failure itself, or for an echo the other side's failure it carries. */
    private static Throwable echoed(Throwable t) {
        if (t != null && isEcho(t) && t.getCause() != null) {
            return t.getCause();
        }
        return t;
    }

    private static boolean isEcho(Throwable t) {
        return t instanceof ChunkPipe.PipeFailure || t instanceof ChunkPipe.Stopped;
    }

    /**
     * For {@code throw}: the failure as it is when it can be thrown so, else wrapped in an
     * IOException.
     */
    public static IOException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof IOException io) {
            return io;
        }
        return new IOException(t);
    }
}
