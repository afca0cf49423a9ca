package org.sealpack.seal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import org.sealpack.failure.UnsafeArchiveException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.ReadingTag;
import org.sealpack.io.Staging;

/**
 * A sealed file held open for two passes (authenticate, then decrypt) through one descriptor: the
 * file itself, or the spool a stream was copied into. Each pass reads from the start with
 * positional reads, so neither depends on the other's position, and a file renamed over the name
 * meanwhile is not read.
 */
final class Pinned implements AutoCloseable {
    final FileChannel channel;

    /** The file the descriptor was opened on (its outer signature is read from its end first). */
    final Path path;

    /** The staged spool, erased on close; null for a file read in place. */
    private final Staging spool;

    /** For a stream read once, as it comes (an anonymous file: nothing to authenticate first). */
    static final Pinned NOTHING = new Pinned(null, null, null);

    /**
     * The keyed tag both whole passes are read under: the second pass's bytes are the first's when
     * their tags and lengths agree (R1.20).
     */
    private ReadingTag tag;

    private Tagged first;
    private Tagged second;

    /** Whether the first pass verified the outer signature over every byte it read. */
    private boolean verified;

    Pinned(FileChannel channel, Path path, Staging spool) {
        this.channel = channel;
        this.path = path;
        this.spool = spool;
    }

    /**
     * Copies {@code in} to its end into a new staged file beside {@code beside} (mode 0600, opened
     * without following links), refusing more than {@code maxBytes}; the copy is erased when this
     * closes.
     */
    static Pinned spool(
            InputStream in,
            Path beside,
            long maxBytes,
            String name,
            Progress progress,
            String what,
            Consumer<byte[]> headCheck)
            throws IOException {
        Staging staging;
        try {
            staging = Staging.file(beside);
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot make a temporary copy of "
                            + name
                            + " beside "
                            + beside
                            + ": "
                            + e.getMessage(),
                    "a sealed file read from a pipe is copied (still encrypted) before it is checked;"
                            + " make room there, or give the file itself",
                    e);
        }
        FileChannel channel = null;
        try (in) {
            channel =
                    FileChannel.open(
                            staging.path(),
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
            progress.start(what, 0);
            byte[] buffer = new byte[Source.READ_BUFFER];
            byte[] head = new byte[Source.HEAD_BYTES];
            int headLength = 0;
            boolean headChecked = false;
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!headChecked) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                    if (headLength == head.length) {
                        headChecked = true;
                        headCheck.accept(head);
                    }
                }
                total += n;
                if (total > maxBytes) {
                    throw new UnsafeArchiveException(
                            name
                                    + " is larger than any sealed file within the limits ("
                                    + maxBytes
                                    + " bytes); its copy was erased before anything was checked",
                            "raise --max-total-size or --max-entries if it is genuine, or give the file itself");
                }
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                try {
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                } catch (IOException e) {
                    throw new WriteFailedException(
                            "cannot copy " + name + " to a temporary file: " + e.getMessage(),
                            "a sealed file read from a pipe is copied (still encrypted) before it is checked; make"
                                    + " room, or give the file itself",
                            e);
                }
                progress.advance(n);
            }
            if (!headChecked) {
                headCheck.accept(Arrays.copyOf(head, headLength));
            }
            return new Pinned(channel, staging.path(), staging);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            staging.close();
            throw e;
        }
    }

    /** Whether this holds a descriptor to read twice (false for {@link #NOTHING}). */
    boolean readable() {
        return channel != null;
    }

    /**
     * Whether a stream (which must support mark) starts as an anonymous file does, with an
     * encrypted session key packet (tag 1 or 3) and no outer layer: then it is not spooled, since
     * nothing in it can be authenticated before it is decrypted. Anything else is spooled and
     * judged from the spool.
     */
    static boolean anonymous(InputStream in) throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        if (b < 0 || (b & 0x80) == 0) {
            return false;
        }
        int tag = (b & 0x40) != 0 ? b & 0x3f : (b >> 2) & 0x0f;
        return tag == 1 || tag == 3;
    }

    private ReadingTag tag() {
        if (tag == null) {
            tag = ReadingTag.fresh();
        }
        return tag;
    }

    /** The authenticating pass: every byte from the start, under the keyed tag. Once. */
    InputStream firstPass() {
        if (first != null) {
            throw new IllegalStateException("the first pass is read once");
        }
        first = new Tagged(from(0), tag().reading());
        return first;
    }

    /** The decrypting pass: every byte from the start again, under the same keyed tag. Once. */
    InputStream secondPass() {
        if (second != null) {
            throw new IllegalStateException("the second pass is read once");
        }
        second = new Tagged(from(0), tag().reading());
        return second;
    }

    /** Records that the first pass, read to its end, verified the outer signature. */
    void verifiedFirstPass() {
        if (first == null || !first.ended) {
            throw new IllegalStateException("the first pass was not read to its end");
        }
        verified = true;
    }

    /** Whether {@link #verifiedFirstPass} was recorded. */
    boolean verified() {
        return verified;
    }

    /**
     * Whether the second pass, read here to its end through {@code through} (the stream the caller
     * wrapped around it, or null for the pass itself), gave exactly the bytes the first pass read
     * to its end: the same length and the same keyed tag. Reads at most one byte more than the
     * first pass had left, so bytes appended meanwhile are not all read.
     */
    boolean sameBytes(InputStream through) {
        if (!verified || second == null) {
            return false;
        }
        InputStream in = through == null ? second : through;
        long left = first.reading.count() - second.reading.count();
        byte[] buffer = new byte[1 << 16];
        try {
            while (left >= 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left + 1));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
        } catch (IOException e) {
            return false;
        }
        return left == 0 && first.reading.value().equals(second.reading.value());
    }

    /** A pass: the bytes read are tagged; the tag's value is taken once the end was read. */
    private static final class Tagged extends FilterInputStream {
        final ReadingTag.Reading reading;
        boolean ended;

        Tagged(InputStream in, ReadingTag.Reading reading) {
            super(in);
            this.reading = reading;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n = in.read(b, off, len);
            if (n > 0) {
                reading.update(b, off, n);
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int want = (int) Math.min(n, 1 << 16);
            return Math.max(0, read(new byte[want], 0, want));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** The bytes from {@code position} to the end, read at the descriptor with positional reads. */
    InputStream from(long position) {
        return new InputStream() {
            private long at = position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, len), at);
                if (n > 0) {
                    at += n;
                }
                return n;
            }
        };
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // a read-only descriptor: nothing to lose
        }
        if (spool != null) {
            spool.close();
        }
    }
}
