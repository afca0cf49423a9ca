package org.sealpack.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.UnsafeArchiveException;

/**
 * Reads the tar of a sealed file (docs/FORMAT.md section 3), block by block, refusing everything it
 * does not expect before it hands an entry out: only POSIX ustar headers with a right checksum, of
 * type '0' (a regular file) or '5' (a directory), each optionally preceded by one pax extended
 * header ('x') that gives its path or size; no link, device, FIFO, sparse entry, GNU long name,
 * global or Solaris ('X') header; names relative, below one bag root, with no '.', '..' or empty
 * segment, no backslash or control character, none twice (after Unicode NFC and case folding), no
 * file where a directory is (or the reverse); the limits; and after the end-of-archive block
 * nothing but zeros, at most a record's padding, since other tar tools may read entries hidden
 * there.
 */
public final class SafeTarReader {
    static final String HINT = "do not open this archive; report it to the sender";
    private static final int BLOCK = TarHeader.BLOCK;

    /** A pax header larger than this is refused (ours are a few hundred bytes). */
    private static final int MAX_PAX = 1 << 20;

    /**
     * Zeros allowed after the end-of-archive block: tar pads to records of 10,240 bytes; 1 MiB is
     * generous.
     */
    private static final int MAX_TRAILER = 1 << 20;

    private final InputStream in;
    private final Limits limits;

    /** Every entry's name below the root, folded (NFC, case): no two alike. */
    private final Set<String> seen = new HashSet<>();

    /** Folded names of the directories, given or implied by a path below them. */
    private final Set<String> directories = new HashSet<>();

    private final byte[] block = new byte[BLOCK];
    private final TarHeader header = new TarHeader(block);
    private final InputStream content = new Content();
    private String root;
    private long entries;
    private long total;
    private long remaining;
    private long padding;
    private boolean ended;

    public SafeTarReader(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** One checked entry: its path below the bag root ("" for the root itself), kind and size. */
    public record Entry(String path, boolean directory, long size) {}

    /** The bag root's name, once the first entry was read. */
    public String root() {
        return root;
    }

    /** The content of the current file entry: exactly its size, then end of stream. */
    public InputStream content() {
        return content;
    }

    /**
     * The next entry, or null at the end of the archive (after which nothing but zero padding
     * follows). The rest of the current entry's content is skipped.
     */
    public Entry next() throws IOException {
        if (ended) {
            return null;
        }
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        Map<String, String> pax = null;
        while (true) {
            if (!readBlock(block)) {
                throw new MalformedSealException(
                        "the archive inside ends without its end-of-archive block",
                        "the file is truncated or damaged; ask the sender for a new copy");
            }
            if (allZero(block, BLOCK)) {
                ended = true;
                trailer();
                return null;
            }
            header.check();
            char type = header.type();
            long size = header.size();
            if (type == 'x') {
                if (pax != null) {
                    throw new MalformedSealException(
                            "the archive inside has two pax headers in a row", HINT);
                }
                if (size > MAX_PAX) {
                    throw new UnsafeArchiveException(
                            "the archive holds a pax header of " + size + " bytes", HINT);
                }
                byte[] data = new byte[(int) size];
                readFully(data);
                skip(pad(size));
                pax = TarHeader.pax(data);
                continue;
            }
            if (type != '0' && type != '5') {
                throw new UnsafeArchiveException(
                        "the archive holds "
                                + TarHeader.kind(type)
                                + "; only regular files and"
                                + " directories are allowed",
                        HINT);
            }
            String name =
                    pax != null && pax.containsKey("path") ? pax.get("path") : header.ustarName();
            if (pax != null && pax.containsKey("size")) {
                size = TarHeader.paxSize(pax.get("size"));
            }
            return entry(name, type == '5', size);
        }
    }

    private Entry entry(String name, boolean directory, long size) {
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException(
                    "the archive holds more than " + limits.maxEntries() + " entries", HINT);
        }
        if (directory && size != 0) {
            throw new MalformedSealException(
                    "the archive holds a directory '" + name + "' with content", HINT);
        }
        String path = checkName(name, directory);
        if (size < 0 || size > limits.maxFileSize()) {
            throw new UnsafeArchiveException(
                    "'"
                            + name
                            + "' claims "
                            + size
                            + " bytes, over the limit of "
                            + limits.maxFileSize(),
                    HINT);
        }
        total += size;
        if (total > limits.maxTotalSize()) {
            throw new UnsafeArchiveException(
                    "the archive holds more than " + limits.maxTotalSize() + " bytes", HINT);
        }
        remaining = size;
        padding = pad(size);
        return new Entry(path, directory, size);
    }

    /**
     * After the end-of-archive block: zeros only, and not more than a record's padding
     * (generously).
     */
    private void trailer() throws IOException {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (!allZero(buffer, n)) {
                throw new UnsafeArchiveException(
                        "the archive has data after its end, which other tar tools may read"
                                + " as more entries",
                        HINT);
            }
            read += n;
            if (read > MAX_TRAILER) {
                throw new UnsafeArchiveException(
                        "the archive has more than " + MAX_TRAILER + " bytes after its end", HINT);
            }
        }
    }

    private String checkName(String name, boolean directory) {
        if (name.getBytes(StandardCharsets.UTF_8).length > limits.maxPathBytes()) {
            throw new UnsafeArchiveException(
                    "an entry name is longer than " + limits.maxPathBytes() + " bytes", HINT);
        }
        if (name.startsWith("/")) {
            throw new UnsafeArchiveException(
                    "the archive holds an absolute path '" + name + "'", HINT);
        }
        String problem = EntryNames.problem(name);
        if (problem != null) {
            throw new UnsafeArchiveException("the archive holds a name with " + problem, HINT);
        }
        String trimmed =
                directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] segments = trimmed.split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new UnsafeArchiveException(
                        "the archive holds a path with an empty, '.' or '..' segment: '"
                                + name
                                + "'",
                        HINT);
            }
        }
        if (segments.length - 1 > limits.maxDepth()) {
            throw new UnsafeArchiveException(
                    "'" + name + "' is nested deeper than " + limits.maxDepth(), HINT);
        }
        if (segments.length == 1 && !directory) {
            throw new UnsafeArchiveException(
                    "the archive holds a file '"
                            + name
                            + "' at its top level, outside the bag"
                            + " directory",
                    HINT);
        }
        if (root == null) {
            root = segments[0];
        } else if (!root.equals(segments[0])) {
            throw new UnsafeArchiveException(
                    "the archive holds more than one top-level directory ('"
                            + root
                            + "' and '"
                            + segments[0]
                            + "')",
                    HINT);
        }
        String path = segments.length == 1 ? "" : trimmed.substring(root.length() + 1);
        // Below the one root, so the path alone is the key; the same string when folding changes
        // nothing
        // (most names), which the bag reader then keeps as its key too: one string per file, not
        // two.
        String folded = EntryNames.fold(path);
        String key = folded.equals(path) ? path : folded;
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
            String parent = key.substring(0, slash);
            if (seen.contains(parent) && !directories.contains(parent)) {
                throw new UnsafeArchiveException(
                        "the archive holds '" + name + "' inside a file of the same archive", HINT);
            }
            directories.add(parent);
        }
        if (!directory && directories.contains(key)) {
            throw new UnsafeArchiveException(
                    "the archive holds a file '" + name + "' where a directory is", HINT);
        }
        if (!seen.add(key)) {
            throw new UnsafeArchiveException(
                    "the archive holds '"
                            + name
                            + "' twice, or two names that differ only in case or Unicode form",
                    HINT);
        }
        if (directory) {
            directories.add(key);
        }
        return path;
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean allZero(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A whole block, or false at the end of the stream before any byte of it. */
    private boolean readBlock(byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new MalformedSealException(
                    "the archive inside ends in the middle of a tar header",
                    "the file is truncated or damaged; ask the sender for a new copy");
        }
        return true;
    }

    private void readFully(byte[] data) throws IOException {
        if (in.readNBytes(data, 0, data.length) < data.length) {
            throw new MalformedSealException(
                    "the archive inside ends in the middle of a pax header",
                    "the file is truncated or damaged; ask the sender for a new copy");
        }
    }

    private void skip(long n) throws IOException {
        byte[] buffer = n > 0 ? new byte[(int) Math.min(n, 1 << 16)] : null;
        while (n > 0) {
            int r = in.read(buffer, 0, (int) Math.min(n, buffer.length));
            if (r < 0) {
                throw new MalformedSealException(
                        "the archive inside ends in the middle of an entry",
                        "the file is truncated or damaged; ask the sender for a new copy");
            }
            n -= r;
        }
    }

    /** The current entry's content: exactly its size, then the end. */
    private final class Content extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
