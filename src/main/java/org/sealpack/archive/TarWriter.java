package org.sealpack.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final TarArchiveOutputStream tar;

    /**
     * One copy buffer for every file: a new one per file cost 6.4 GB of allocation for 100,000
     * files.
     */
    private final byte[] buffer = new byte[COPY_BUFFER];

    private final Limits limits;
    private long entries;
    private long total;

    /** A tar that stays within the limits a reader applies by default. */
    public TarWriter(OutputStream out) {
        this(out, Limits.DEFAULT);
    }

    public TarWriter(OutputStream out, Limits limits) {
        this.limits = limits;
        tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    public void directory(String path, Instant modified) throws IOException {
        String name = path.endsWith("/") ? path : path + "/";
        admit(name, 0);
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR);
        entry.setMode(0755);
        stamp(entry, modified);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    public void file(String path, byte[] content, Instant modified) throws IOException {
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
        TarArchiveEntry entry = fileEntry(path, size, modified);
        tar.putArchiveEntry(entry);
        long remaining = size;
        while (remaining > 0) {
            int n = source.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new SizeChangedException(path, size, size - remaining);
            }
            tee.write(buffer, 0, n);
            tar.write(buffer, 0, n);
            remaining -= n;
        }
        if (source.read() >= 0) {
            throw new SizeChangedException(path, size, size + 1);
        }
        tar.closeArchiveEntry();
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
        if (name.getBytes(StandardCharsets.UTF_8).length > limits.maxPathBytes()) {
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
        admit(path, size);
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
