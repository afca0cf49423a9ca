package org.sealpack.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.UnsafeArchiveException;

/**
 * Reads the tar of a sealed file (docs/FORMAT.md section 3), block by block, refusing everything it
 * does not expect before it hands an entry out: only POSIX ustar headers with a right checksum, of
 * type '0' (a regular file) or '5' (a directory), each optionally preceded by one pax extended header
 * ('x') that gives its path or size; no link, device, FIFO, sparse entry, GNU long name, global or
 * Solaris ('X') header; names relative, below one bag root, with no '.', '..' or empty segment, no
 * backslash or control character, none twice (after Unicode NFC and case folding), no file where a
 * directory is (or the reverse); the limits; and after the end-of-archive block nothing but zeros,
 * at most a record's padding, since other tar tools may read entries hidden there.
 */
public final class SafeTarReader {
    private static final String HINT = "do not open this archive; report it to the sender";
    private static final int BLOCK = 512;
    /** A pax header larger than this is refused (ours are a few hundred bytes). */
    private static final int MAX_PAX = 1 << 20;
    /** Zeros allowed after the end-of-archive block: tar pads to records of 10,240 bytes; 1 MiB is generous. */
    private static final int MAX_TRAILER = 1 << 20;
    /** Pax keywords of POSIX that are ignored (times, owners: nothing sealpack applies) or used (path, size). */
    private static final Set<String> PAX_KEYS = Set.of("path", "size", "mtime", "atime", "ctime", "uid", "gid",
            "uname", "gname", "comment", "charset", "hdrcharset");

    private final InputStream in;
    private final Limits limits;
    /** Every entry's name below the root, folded (NFC, case): no two alike. */
    private final Set<String> seen = new HashSet<>();
    /** Folded names of the directories, given or implied by a path below them. */
    private final Set<String> directories = new HashSet<>();
    private final byte[] header = new byte[BLOCK];
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
    public record Entry(String path, boolean directory, long size) {
    }

    /** The bag root's name, once the first entry was read. */
    public String root() {
        return root;
    }

    /** The content of the current file entry: exactly its size, then end of stream. */
    public InputStream content() {
        return content;
    }

    /**
     * The next entry, or null at the end of the archive (after which nothing but zero padding follows).
     * The rest of the current entry's content is skipped.
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
            if (!readBlock(header)) {
                throw new MalformedSealException("the archive inside ends without its end-of-archive block",
                        "the file is truncated or damaged; ask the sender for a new copy");
            }
            if (allZero(header, BLOCK)) {
                ended = true;
                trailer();
                return null;
            }
            checkHeader();
            char type = (char) header[156];
            long size = octal(124, 12, "size");
            if (type == 'x') {
                if (pax != null) {
                    throw new MalformedSealException("the archive inside has two pax headers in a row", HINT);
                }
                if (size > MAX_PAX) {
                    throw new UnsafeArchiveException("the archive holds a pax header of " + size + " bytes", HINT);
                }
                byte[] data = new byte[(int) size];
                readFully(data);
                skip(pad(size));
                pax = pax(data);
                continue;
            }
            if (type != '0' && type != '5') {
                throw new UnsafeArchiveException("the archive holds " + kind(type) + "; only regular files and"
                        + " directories are allowed", HINT);
            }
            String name = pax != null && pax.containsKey("path") ? pax.get("path") : ustarName();
            if (pax != null && pax.containsKey("size")) {
                size = paxSize(pax.get("size"));
            }
            return entry(name, type == '5', size);
        }
    }

    private Entry entry(String name, boolean directory, long size) {
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException("the archive holds more than " + limits.maxEntries() + " entries", HINT);
        }
        if (directory && size != 0) {
            throw new MalformedSealException("the archive holds a directory '" + name + "' with content", HINT);
        }
        String path = checkName(name, directory);
        if (size < 0 || size > limits.maxFileSize()) {
            throw new UnsafeArchiveException("'" + name + "' claims " + size + " bytes, over the limit of "
                    + limits.maxFileSize(), HINT);
        }
        total += size;
        if (total > limits.maxTotalSize()) {
            throw new UnsafeArchiveException("the archive holds more than " + limits.maxTotalSize() + " bytes", HINT);
        }
        remaining = size;
        padding = pad(size);
        return new Entry(path, directory, size);
    }

    /** After the end-of-archive block: zeros only, and not more than a record's padding (generously). */
    private void trailer() throws IOException {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (!allZero(buffer, n)) {
                throw new UnsafeArchiveException("the archive has data after its end, which other tar tools may read"
                        + " as more entries", HINT);
            }
            read += n;
            if (read > MAX_TRAILER) {
                throw new UnsafeArchiveException("the archive has more than " + MAX_TRAILER + " bytes after its end", HINT);
            }
        }
    }

    private void checkHeader() {
        long stored;
        try {
            stored = octal(148, 8, "checksum");
        } catch (MalformedSealException e) {
            throw new MalformedSealException("the archive inside has a damaged tar header (its checksum field)", HINT);
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum != stored) {
            throw new MalformedSealException("the archive inside has a damaged tar header (its checksum is wrong)", HINT);
        }
        String magic = new String(header, 257, 6, StandardCharsets.ISO_8859_1);
        if (!magic.equals("ustar\0") && !magic.equals("ustar ")) {
            throw new MalformedSealException("the archive inside is not a POSIX tar (no ustar header)", HINT);
        }
    }

    private String ustarName() {
        String name = text(0, 100);
        String prefix = text(345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** A NUL-terminated UTF-8 field. */
    private String text(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return utf8(header, offset, end - offset);
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedSealException("the archive inside holds a name that is not UTF-8", HINT);
        }
    }

    /**
     * A number field: octal (leading spaces, trailing NUL or space), or base-256 as GNU tar writes large
     * sizes (a value beyond a long is taken as the largest long: over any limit).
     */
    private long octal(int offset, int length, String what) {
        if ((header[offset] & 0x80) != 0) {
            if (header[offset] == (byte) 0xff) {
                throw new MalformedSealException("the archive inside has a negative tar " + what, HINT);
            }
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    return Long.MAX_VALUE;
                }
                value = value << 8 | (header[i] & 0xff);
            }
            return value;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && header[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && header[i] >= '0' && header[i] <= '7'; i++, digits++) {
            value = value * 8 + (header[i] - '0');
        }
        for (; i < end; i++) {
            if (header[i] != 0 && header[i] != ' ') {
                throw new MalformedSealException("the archive inside has a damaged tar header (its " + what + ")", HINT);
            }
        }
        if (digits == 0) {
            throw new MalformedSealException("the archive inside has a damaged tar header (no " + what + ")", HINT);
        }
        return value;
    }

    /** The records of a pax extended header: "LENGTH key=value\n" each, UTF-8. */
    private static Map<String, String> pax(byte[] data) {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] >= '0' && data[space] <= '9' && space - at < 8) {
                space++;
            }
            if (space == at || space >= data.length || data[space] != ' ') {
                throw new MalformedSealException("the archive inside has a damaged pax header", HINT);
            }
            int length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            if (length < space - at + 3 || at + length > data.length || data[at + length - 1] != '\n') {
                throw new MalformedSealException("the archive inside has a damaged pax header", HINT);
            }
            String record = utf8(data, space + 1, at + length - space - 2);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw new MalformedSealException("the archive inside has a damaged pax header", HINT);
            }
            String key = record.substring(0, equals);
            if (key.startsWith("GNU.sparse")) {
                throw new UnsafeArchiveException("the archive holds a sparse file, which a sealed file never does", HINT);
            }
            if (key.equals("linkpath")) {
                throw new UnsafeArchiveException("the archive holds a link target, which a sealed file never does", HINT);
            }
            boolean vendor = Character.isUpperCase(key.charAt(0)) && key.contains(".");
            if (!PAX_KEYS.contains(key) && !vendor) {
                throw new MalformedSealException("the archive inside has an unknown pax record '" + key + "'", HINT);
            }
            records.put(key, record.substring(equals + 1));
            at += length;
        }
        return records;
    }

    private static long paxSize(String value) {
        if (!value.matches("[0-9]{1,19}")) {
            throw new MalformedSealException("the archive inside has a damaged pax size", HINT);
        }
        return Long.parseLong(value);
    }

    private String checkName(String name, boolean directory) {
        if (name.getBytes(StandardCharsets.UTF_8).length > limits.maxPathBytes()) {
            throw new UnsafeArchiveException("an entry name is longer than " + limits.maxPathBytes() + " bytes", HINT);
        }
        if (name.startsWith("/")) {
            throw new UnsafeArchiveException("the archive holds an absolute path '" + name + "'", HINT);
        }
        String problem = EntryNames.problem(name);
        if (problem != null) {
            throw new UnsafeArchiveException("the archive holds a name with " + problem, HINT);
        }
        String trimmed = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] segments = trimmed.split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new UnsafeArchiveException("the archive holds a path with an empty, '.' or '..' segment: '"
                        + name + "'", HINT);
            }
        }
        if (segments.length - 1 > limits.maxDepth()) {
            throw new UnsafeArchiveException("'" + name + "' is nested deeper than " + limits.maxDepth(), HINT);
        }
        if (segments.length == 1 && !directory) {
            throw new UnsafeArchiveException("the archive holds a file '" + name + "' at its top level, outside the bag"
                    + " directory", HINT);
        }
        if (root == null) {
            root = segments[0];
        } else if (!root.equals(segments[0])) {
            throw new UnsafeArchiveException("the archive holds more than one top-level directory ('" + root
                    + "' and '" + segments[0] + "')", HINT);
        }
        String path = segments.length == 1 ? "" : trimmed.substring(root.length() + 1);
        // Below the one root, so the path alone is the key; the same string when folding changes nothing
        // (most names), which the bag reader then keeps as its key too: one string per file, not two.
        String folded = EntryNames.fold(path);
        String key = folded.equals(path) ? path : folded;
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
            String parent = key.substring(0, slash);
            if (seen.contains(parent) && !directories.contains(parent)) {
                throw new UnsafeArchiveException("the archive holds '" + name + "' inside a file of the same archive", HINT);
            }
            directories.add(parent);
        }
        if (!directory && directories.contains(key)) {
            throw new UnsafeArchiveException("the archive holds a file '" + name + "' where a directory is", HINT);
        }
        if (!seen.add(key)) {
            throw new UnsafeArchiveException("the archive holds '" + name
                    + "' twice, or two names that differ only in case or Unicode form", HINT);
        }
        if (directory) {
            directories.add(key);
        }
        return path;
    }

    private static String kind(char type) {
        return switch (type) {
            case '1' -> "a hard link";
            case '2' -> "a symbolic link";
            case '3', '4' -> "a device";
            case '6' -> "a FIFO";
            case 'S' -> "a sparse file";
            case 'L', 'K' -> "a GNU long name or link entry";
            case 'g' -> "a global pax header";
            case 'X' -> "a Solaris extended header (type 'X')";
            default -> "an entry of type '" + (type >= 0x20 && type < 0x7f ? String.valueOf(type)
                    : String.format("\\x%02x", (int) type)) + "'";
        };
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
            throw new MalformedSealException("the archive inside ends in the middle of a tar header",
                    "the file is truncated or damaged; ask the sender for a new copy");
        }
        return true;
    }

    private void readFully(byte[] data) throws IOException {
        if (in.readNBytes(data, 0, data.length) < data.length) {
            throw new MalformedSealException("the archive inside ends in the middle of a pax header",
                    "the file is truncated or damaged; ask the sender for a new copy");
        }
    }

    private void skip(long n) throws IOException {
        byte[] buffer = n > 0 ? new byte[(int) Math.min(n, 1 << 16)] : null;
        while (n > 0) {
            int r = in.read(buffer, 0, (int) Math.min(n, buffer.length));
            if (r < 0) {
                throw new MalformedSealException("the archive inside ends in the middle of an entry",
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
