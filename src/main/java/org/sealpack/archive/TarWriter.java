package org.sealpack.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.sealpack.failure.Limit;

/**
 * Writes a POSIX (pax) tar: regular files and directories only, owner 0:0 without names, modes 0644
 * and 0755, long and non-ASCII names in pax headers (UTF-8). It refuses to write past the limits
 * that {@link SafeTarReader} applies, so that what is written can be read with the same limits.
 */
public final class TarWriter implements Closeable {
    private static final int COPY_BUFFER = 1 << 16;
    private static final int BLOCK = 512;

    /** The largest size or time an 11-digit octal field holds: beyond it, a pax header. */
    private static final long MAX_OCTAL_11 = 077777777777L;

    private static final byte TYPE_FILE = '0';
    private static final byte TYPE_DIR = '5';

    /** Where the archive goes; {@link #tar} writes to it too, for the entries it writes. */
    private final OutputStream out;

    /**
     * Commons Compress, for the entries that need a pax header (a name over 99 bytes or not ASCII,
     * a size or time beyond the ustar fields): it holds nothing between entries, so the entries
     * written here and there follow each other in order.
     */
    private final TarArchiveOutputStream tar;

    /**
     * One buffer for every file, its header block first, then its data and padding: a small file
     * leaves in one write (a new buffer per file cost 6.4 GB of allocation for 100,000 files).
     */
    private final byte[] buffer = new byte[BLOCK + COPY_BUFFER];

    private final Limits limits;
    private long entries;
    private long total;

    /** A tar that stays within the limits a reader applies by default. */
    public TarWriter(OutputStream out) {
        this(out, Limits.DEFAULT);
    }

    public TarWriter(OutputStream out, Limits limits) {
        this.limits = limits;
        this.out = out;
        tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    public void directory(String path, Instant modified) throws IOException {
        String name = path.endsWith("/") ? path : path + "/";
        admit(name, 0);
        long seconds = modified.getEpochSecond();
        if (plain(name, 0, seconds)) {
            header(name, 0, seconds, TYPE_DIR);
            out.write(buffer, 0, BLOCK);
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR);
        entry.setMode(0755);
        stamp(entry, modified);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    public void file(String path, byte[] content, Instant modified) throws IOException {
        admit(path, content.length);
        long seconds = modified.getEpochSecond();
        if (plain(path, content.length, seconds) && !path.endsWith("/")) {
            header(path, content.length, seconds, TYPE_FILE);
            out.write(buffer, 0, BLOCK);
            out.write(content);
            pad(content.length);
            return;
        }
        TarArchiveEntry entry = fileEntry(path, content.length, modified);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /**
     * Copies exactly {@code size} bytes from the source into a file entry, passing each byte to
     * {@code tee} as well (for hashing). Fails if the source holds more or fewer bytes.
     */
    public void file(String path, long size, Instant modified, InputStream source, OutputStream tee)
            throws IOException {
        copy(path, size, modified, source::read, false, tee);
    }

    /**
     * As {@link #file(String, long, Instant, InputStream, OutputStream)} from a regular file open
     * at its start: a read that returns less than was asked for (one byte more than the size) is
     * its end, as POSIX defines a regular file's read, so a small file costs one read call.
     */
    public void file(String path, long size, Instant modified, FileChannel source, OutputStream tee)
            throws IOException {
        copy(
                path,
                size,
                modified,
                (b, off, len) -> source.read(ByteBuffer.wrap(b, off, len)),
                true,
                tee);
    }

    /** What a file entry's bytes are read from. */
    @FunctionalInterface
    private interface Reader {
        int read(byte[] b, int off, int len) throws IOException;
    }

    private void copy(
            String path,
            long size,
            Instant modified,
            Reader source,
            boolean shortReadEnds,
            OutputStream tee)
            throws IOException {
        admit(path, size);
        long seconds = modified.getEpochSecond();
        boolean plain = plain(path, size, seconds) && !path.endsWith("/");
        int start;
        if (plain) {
            header(path, size, seconds, TYPE_FILE);
            start = BLOCK;
        } else {
            tar.putArchiveEntry(fileEntry(path, size, modified));
            start = 0;
        }
        // Each read asks for one byte more than is left, so a file that grew says so at once.
        long remaining = size;
        int at = start;
        boolean ended = false;
        while (!ended) {
            int ask = (int) Math.min(buffer.length - at, remaining + 1);
            int n = source.read(buffer, at, ask);
            if (n < 0) {
                if (remaining > 0) {
                    throw new SizeChangedException(path, size, size - remaining);
                }
                ended = true;
            } else if (n > remaining) {
                throw new SizeChangedException(path, size, size + 1);
            } else {
                tee.write(buffer, at, n);
                at += n;
                remaining -= n;
                ended = shortReadEnds && remaining == 0 && n < ask;
            }
            if (at == buffer.length || ended) {
                if (!plain) {
                    tar.write(buffer, 0, at);
                } else if (ended && padding(size) <= buffer.length - at) {
                    // The padding in the same write: a small file leaves in one call.
                    Arrays.fill(buffer, at, at + padding(size), (byte) 0);
                    out.write(buffer, 0, at + padding(size));
                    return;
                } else {
                    out.write(buffer, 0, at);
                }
                at = 0;
            }
        }
        if (plain) {
            pad(size);
        } else {
            tar.closeArchiveEntry();
        }
    }

    /**
     * Whether Commons Compress would write the entry as a ustar header alone, as {@link #header}
     * does: a name of ASCII characters (no NUL), 1 to 99 of them, not starting with '/'; a size and
     * time that fit their 11 octal digits.
     */
    static boolean plain(String name, long size, long seconds) {
        int length = name.length();
        if (length == 0 || length >= 100 || name.charAt(0) == '/') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == 0 || c > 0x7f) {
                return false;
            }
        }
        return size >= 0 && size <= MAX_OCTAL_11 && seconds >= 0 && seconds <= MAX_OCTAL_11;
    }

    /**
     * The ustar header block of a plain entry into the buffer's first 512 bytes, field by field as
     * Commons Compress writes it (docs/FORMAT.md section 3): octal numbers zero-padded and ended by
     * a space, the checksum by NUL and space, owner 0:0 without names.
     */
    private void header(String name, long size, long seconds, byte type) {
        byte[] h = buffer;
        Arrays.fill(h, 0, BLOCK, (byte) 0);
        for (int i = 0; i < name.length(); i++) {
            h[i] = (byte) name.charAt(i);
        }
        octal(h, 100, 8, type == TYPE_DIR ? 0755 : 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, seconds);
        h[156] = type;
        h[257] = 'u';
        h[258] = 's';
        h[259] = 't';
        h[260] = 'a';
        h[261] = 'r';
        h[263] = '0';
        h[264] = '0';
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += h[i] & 0xff;
        }
        digits(h, 148, 6, sum);
        h[154] = 0;
        h[155] = ' ';
    }

    /** {@code length - 1} octal digits, then a space. */
    private static void octal(byte[] h, int offset, int length, long value) {
        digits(h, offset, length - 1, value);
        h[offset + length - 1] = ' ';
    }

    private static void digits(byte[] h, int offset, int count, long value) {
        for (int i = offset + count - 1; i >= offset; i--) {
            h[i] = (byte) ('0' + (value & 7));
            value >>>= 3;
        }
    }

    /** Zeros after a plain entry's data, up to its last 512-byte block's end. */
    private void pad(long size) throws IOException {
        int padding = padding(size);
        if (padding != 0) {
            Arrays.fill(buffer, 0, padding, (byte) 0);
            out.write(buffer, 0, padding);
        }
    }

    private static int padding(long size) {
        int rest = (int) (size % BLOCK);
        return rest == 0 ? 0 : BLOCK - rest;
    }

    /** Counts an entry, refusing it if a reader with the same limits would refuse the archive. */
    private void admit(String name, long size) throws LimitException {
        if (++entries > limits.maxEntries()) {
            throw LimitException.tooManyEntries(limits, "");
        }
        if (size > limits.maxFileSize()) {
            throw new LimitException(
                    name
                            + " is "
                            + size
                            + " bytes, more than "
                            + limits.maxFileSize()
                            + " in one file",
                    Limit.FILE_SIZE);
        }
        total += size;
        if (total > limits.maxTotalSize()) {
            throw new LimitException(
                    "it would hold more than " + limits.maxTotalSize() + " bytes",
                    Limit.TOTAL_SIZE);
        }
        // A char is at most 3 bytes of UTF-8: most names need no encoding to be counted.
        if ((long) name.length() * 3 > limits.maxPathBytes()
                && name.getBytes(StandardCharsets.UTF_8).length > limits.maxPathBytes()) {
            throw new LimitException(
                    "the path " + name + " is longer than " + limits.maxPathBytes() + " bytes",
                    Limit.PATH_BYTES);
        }
        int depth = name.endsWith("/") ? -1 : 0;
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
            depth++;
        }
        if (depth > limits.maxDepth()) {
            throw new LimitException(
                    name + " is nested deeper than " + limits.maxDepth(), Limit.DEPTH);
        }
    }

    private TarArchiveEntry fileEntry(String path, long size, Instant modified)
            throws LimitException {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
        entry.setSize(size);
        entry.setMode(0644);
        stamp(entry, modified);
        return entry;
    }

    /**
     * Whole seconds, in the ustar header: a time with a fraction of a second makes Commons Compress
     * add a pax header (1,024 bytes) to every entry, which doubled the tar of 100,000 small files.
     */
    private static void stamp(TarArchiveEntry entry, Instant modified) {
        entry.setModTime(Date.from(modified.truncatedTo(ChronoUnit.SECONDS)));
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
    }

    /** Writes the end-of-archive blocks and closes the stream below. */
    @Override
    public void close() throws IOException {
        tar.finish();
        tar.close();
    }

    /**
     * The archive would exceed the limits a reader applies (by default: sealpack's defaults), so a
     * recipient could not open it without raising them.
     *
     * @see #limit() which limit
     */
    public static final class LimitException extends IOException {
        private final Limit limit;

        public LimitException(String problem, Limit limit) {
            super(problem);
            this.limit = limit;
        }

        /** Which limit was reached. */
        public Limit limit() {
            return limit;
        }

        /**
         * More files and directories than the limit; {@code detail} is added in parentheses if not
         * empty.
         */
        public static LimitException tooManyEntries(Limits limits, String detail) {
            return new LimitException(
                    "it would hold more than "
                            + limits.maxEntries()
                            + " files and directories"
                            + (detail.isEmpty() ? "" : " (" + detail + ")"),
                    Limit.ENTRIES);
        }
    }

    /** A file changed size while it was being read. */
    public static final class SizeChangedException extends IOException {
        public SizeChangedException(String path, long expected, long actual) {
            super(
                    path
                            + " changed while it was being read (expected "
                            + expected
                            + " bytes, found "
                            + (actual > expected ? "more" : String.valueOf(actual))
                            + ")");
        }
    }
}
