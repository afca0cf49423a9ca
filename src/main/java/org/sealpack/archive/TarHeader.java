package org.sealpack.archive;

import static org.sealpack.archive.SafeTarReader.HINT;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.UnsafeArchiveException;

/**
 * One 512-byte tar header block, read field by field as POSIX.1-2001 lays it out, and the pax
 * extended header records that may precede it: only what docs/FORMAT.md section 3 allows is
 * accepted.
 */
final class TarHeader {
    static final int BLOCK = 512;

    /**
     * Pax keywords of POSIX that are ignored (times, owners: nothing sealpack applies) or used
     * (path, size).
     */
    private static final Set<String> PAX_KEYS =
            Set.of(
                    "path",
                    "size",
                    "mtime",
                    "atime",
                    "ctime",
                    "uid",
                    "gid",
                    "uname",
                    "gname",
                    "comment",
                    "charset",
                    "hdrcharset");

    private final byte[] header;

    /** A view of {@code block}, which the reader fills with each header in turn. */
    TarHeader(byte[] block) {
        this.header = block;
    }

    char type() {
        return (char) header[156];
    }

    long size() {
        return octal(124, 12, "size");
    }

    /**
     * A header block whose checksum is right and that is POSIX ustar (not GNU's 'ustar ' magic:
     * R3.8).
     */
    void check() {
        long stored;
        try {
            stored = octal(148, 8, "checksum");
        } catch (MalformedSealException e) {
            throw new MalformedSealException(
                    "the archive inside has a damaged tar header (its checksum field)", HINT);
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum != stored) {
            throw new MalformedSealException(
                    "the archive inside has a damaged tar header (its checksum is wrong)", HINT);
        }
        String magic = new String(header, 257, 8, StandardCharsets.ISO_8859_1);
        if (magic.equals("ustar  \0")) {
            throw new MalformedSealException(
                    "the archive inside is a GNU tar (magic 'ustar  '), not a POSIX (pax) tar",
                    HINT);
        }
        if (!magic.startsWith("ustar\0")) {
            throw new MalformedSealException(
                    "the archive inside is not a POSIX tar (no ustar header)", HINT);
        }
    }

    /** The name from the ustar name and prefix fields. */
    String ustarName() {
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

    static String utf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedSealException(
                    "the archive inside holds a name that is not UTF-8", HINT);
        }
    }

    /**
     * A number field: octal (leading spaces, trailing NUL or space), or base-256 as GNU tar writes
     * large sizes (a value beyond a long is taken as the largest long: over any limit).
     */
    private long octal(int offset, int length, String what) {
        if ((header[offset] & 0x80) != 0) {
            if (header[offset] == (byte) 0xff) {
                throw new MalformedSealException(
                        "the archive inside has a negative tar " + what, HINT);
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
                throw new MalformedSealException(
                        "the archive inside has a damaged tar header (its " + what + ")", HINT);
            }
        }
        if (digits == 0) {
            throw new MalformedSealException(
                    "the archive inside has a damaged tar header (no " + what + ")", HINT);
        }
        return value;
    }

    /** The records of a pax extended header: "LENGTH key=value\n" each, UTF-8. */
    static Map<String, String> pax(byte[] data) {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length
                    && data[space] >= '0'
                    && data[space] <= '9'
                    && space - at < 8) {
                space++;
            }
            if (space == at || space >= data.length || data[space] != ' ') {
                throw new MalformedSealException(
                        "the archive inside has a damaged pax header", HINT);
            }
            int length =
                    Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            if (length < space - at + 3
                    || at + length > data.length
                    || data[at + length - 1] != '\n') {
                throw new MalformedSealException(
                        "the archive inside has a damaged pax header", HINT);
            }
            String record = utf8(data, space + 1, at + length - space - 2);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw new MalformedSealException(
                        "the archive inside has a damaged pax header", HINT);
            }
            String key = record.substring(0, equals);
            if (key.startsWith("GNU.sparse")) {
                throw new UnsafeArchiveException(
                        "the archive holds a sparse file, which a sealed file never does", HINT);
            }
            if (key.equals("linkpath")) {
                throw new UnsafeArchiveException(
                        "the archive holds a link target, which a sealed file never does", HINT);
            }
            boolean vendor = Character.isUpperCase(key.charAt(0)) && key.contains(".");
            if (!PAX_KEYS.contains(key) && !vendor) {
                throw new MalformedSealException(
                        "the archive inside has an unknown pax record '" + key + "'", HINT);
            }
            records.put(key, record.substring(equals + 1));
            at += length;
        }
        return records;
    }

    static long paxSize(String value) {
        if (!value.matches("[0-9]{1,19}")) {
            throw new MalformedSealException("the archive inside has a damaged pax size", HINT);
        }
        return Long.parseLong(value);
    }

    static String kind(char type) {
        return switch (type) {
            case '1' -> "a hard link";
            case '2' -> "a symbolic link";
            case '3', '4' -> "a device";
            case '6' -> "a FIFO";
            case 'S' -> "a sparse file";
            case 'L', 'K' -> "a GNU long name or link entry";
            case 'g' -> "a global pax header";
            case 'X' -> "a Solaris extended header (type 'X')";
            default ->
                    "an entry of type '"
                            + (type >= 0x20 && type < 0x7f
                                    ? String.valueOf(type)
                                    : String.format("\\x%02x", (int) type))
                            + "'";
        };
    }
}
