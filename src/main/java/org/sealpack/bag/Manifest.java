package org.sealpack.bag;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A BagIt manifest: one {@code CHECKSUM  PATH} line per file (two spaces, as sha512sum writes and
 * reads), paths relative to the bag root with '/' separators, and CR, LF and '%' percent-encoded
 * (RFC 8493 section 2.1.3).
 *
 * <p>Checksums are kept as digest bytes, not hex text, with the file's size where it is known: a bag
 * of a million files is held in memory while it is written or checked, so each entry is kept small.
 */
public final class Manifest {
    /**
     * One file: its position in the manifest (0, 1, ...), its digest, and its size in bytes, or -1 when
     * the manifest was read from a file (which gives no sizes). The digest array is not to be changed.
     */
    public record Entry(int index, byte[] digest, long size) {
    }

    private final LinkedHashMap<String, Entry> entries;
    private final Map<String, String> hexView = new HexView();

    /** A manifest of path to lower- or upper-case hex checksum, in the map's order (sizes unknown). */
    public Manifest(Map<String, String> checksums) {
        Builder builder = new Builder();
        checksums.forEach((path, hex) -> builder.add(path, HexFormat.of().parseHex(hex), -1));
        this.entries = builder.entries;
    }

    private Manifest(LinkedHashMap<String, Entry> entries) {
        this.entries = entries;
    }

    /** Collects a manifest entry by entry. */
    public static final class Builder {
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

        /** Adds a file; false (and nothing changed) if the path is already there. */
        public boolean add(String path, byte[] digest, long size) {
            return entries.putIfAbsent(path, new Entry(entries.size(), digest, size)) == null;
        }

        public Manifest build() {
            return new Manifest(entries);
        }
    }

    /** Path to lower-case hex checksum, in file order (a read-only view; hex is made on each access). */
    public Map<String, String> checksums() {
        return hexView;
    }

    /** The number of files listed. */
    public int size() {
        return entries.size();
    }

    /** The entry for a path, or null if it is not listed. */
    public Entry entry(String path) {
        return entries.get(path);
    }

    /** Every entry, in file order (read-only). */
    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The size of a listed file in bytes, or -1 if it is not listed or its size is unknown. */
    public long sizeOf(String path) {
        Entry e = entries.get(path);
        return e == null ? -1 : e.size();
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        entries.forEach((path, e) -> out.append(line(path, e)));
        return out.toString();
    }

    /** The length in bytes of {@link #format()} in UTF-8, computed without making it. */
    public long formattedLength() {
        long length = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            length += e.getValue().digest().length * 2L + 3 + utf8Length(encode(e.getKey()));
        }
        return length;
    }

    /** {@link #format()} in UTF-8 as a stream made line by line (a manifest can be tens of megabytes). */
    public InputStream formatted() {
        Iterator<Map.Entry<String, Entry>> lines = entries.entrySet().iterator();
        return new InputStream() {
            private byte[] line = new byte[0];
            private int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                while (at == line.length) {
                    if (!lines.hasNext()) {
                        return -1;
                    }
                    Map.Entry<String, Entry> next = lines.next();
                    line = line(next.getKey(), next.getValue()).getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                int n = Math.min(len, line.length - at);
                System.arraycopy(line, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static String line(String path, Entry e) {
        return HexFormat.of().formatHex(e.digest()) + "  " + encode(path) + "\n";
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // a lone surrogate: String.getBytes writes '?'
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Receives the lines of a manifest as they are parsed. */
    @FunctionalInterface
    public interface LineConsumer {
        /**
         * @param line the line's number, from 1
         * @param path the decoded path
         * @param digest the checksum's bytes
         */
        void accept(int line, String path, byte[] digest);
    }

    /**
     * Parses a manifest.
     *
     * @param name the manifest's file name, for messages
     * @param hexLength the length of a checksum of this algorithm in hex digits
     */
    public static Manifest parse(String text, String name, int hexLength) {
        return parse(text.getBytes(StandardCharsets.UTF_8), name, hexLength);
    }

    /** Parses a manifest from its bytes, which must be UTF-8. */
    public static Manifest parse(byte[] utf8, String name, int hexLength) {
        Builder builder = new Builder();
        forEachLine(utf8, name, hexLength, (number, path, digest) -> {
            if (!builder.add(path, digest, -1)) {
                throw new BagFormatException(name + " lists " + path + " twice");
            }
        });
        return builder.build();
    }

    /**
     * Parses a manifest in the form a sealed bag pins (docs/FORMAT.md section 4) line by line, without
     * holding it as text or as a map (a manifest of a million files is some 170 MB of text): UTF-8,
     * every line {@code CHECKSUM  PATH} ending in LF (no CR), the checksum in lower-case hex, two spaces,
     * the path relative and plain (no "./", no "*", no empty, '.' or '..' segment, no control
     * character), with CR, LF and '%' written %0D, %0A and %25 and no other '%'. Anything else is a
     * {@link BagFormatException} naming the line. Other bags' manifests are read by {@link AnyBag}.
     */
    public static void forEachLine(byte[] utf8, String name, int hexLength, LineConsumer consumer) {
        requireUtf8(utf8, name);
        if (utf8.length > 0 && utf8[utf8.length - 1] != '\n') {
            throw new BagFormatException(name + " does not end with a line break");
        }
        int number = 0;
        for (int start = 0, end; start < utf8.length; start = end + 1) {
            end = indexOf(utf8, (byte) '\n', start);
            number++;
            String where = name + " line " + number;
            if (end - start < hexLength + 3) {
                throw new BagFormatException(where + " is not 'CHECKSUM  PATH'");
            }
            byte[] digest = new byte[hexLength / 2];
            for (int i = 0; i < digest.length; i++) {
                int high = lowerHex(utf8[start + 2 * i]);
                int low = lowerHex(utf8[start + 2 * i + 1]);
                if (high < 0 || low < 0) {
                    throw new BagFormatException(where + " has a checksum that is not lower-case hex");
                }
                digest[i] = (byte) (high << 4 | low);
            }
            int split = start + hexLength;
            if (utf8[split] != ' ' || utf8[split + 1] != ' ' || utf8[split + 2] == ' ' || utf8[split + 2] == '\t') {
                throw new BagFormatException(where + " does not separate checksum and path by exactly two spaces");
            }
            String path = new String(utf8, split + 2, end - split - 2, StandardCharsets.UTF_8);
            if (path.endsWith("\r")) {
                throw new BagFormatException(where + " ends with CR LF: a sealed bag's manifest lines end with LF only");
            }
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f) {
                    throw new BagFormatException(where + " has a control character in its path");
                }
            }
            consumer.accept(number, plainPath(decodeStrict(path, where), where), digest);
        }
    }

    private static int lowerHex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    /** Percent-decoding as a sealed bag writes it: %25, %0D and %0A only. */
    private static String decodeStrict(String path, String where) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            String code = path.length() >= i + 3 ? path.substring(i + 1, i + 3) : "";
            switch (code) {
                case "25" -> out.append('%');
                case "0D" -> out.append('\r');
                case "0A" -> out.append('\n');
                default -> throw new BagFormatException(where + " has a '%' that is not %25, %0D or %0A");
            }
            i += 2;
        }
        return out.toString();
    }

    /** The path as a sealed bag writes it: relative, no "./" or "*", no empty, '.' or '..' segment. */
    private static String plainPath(String path, String where) {
        if (path.startsWith("/") || path.startsWith("*") || path.startsWith("./") || path.endsWith("/")) {
            throw new BagFormatException(where + " names '" + path + "', which is not a plain relative path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new BagFormatException(where + " names '" + path + "', which is not a plain relative path");
            }
        }
        return path;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Fails unless the bytes are valid UTF-8; decodes through a small buffer, keeping nothing. */
    private static void requireUtf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new BagFormatException(name + " is not valid UTF-8");
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        if (decoder.flush(out).isError()) {
            throw new BagFormatException(name + " is not valid UTF-8");
        }
    }

    static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** {@link #checksums()}: the entries with their digests as lower-case hex. */
    private final class HexView extends AbstractMap<String, String> {
        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public String get(Object key) {
            Manifest.Entry e = entries.get(key);
            return e == null ? null : HexFormat.of().formatHex(e.digest());
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(entries.keySet());
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return entries.size();
                }

                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    Iterator<Map.Entry<String, Manifest.Entry>> it = entries.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            Map.Entry<String, Manifest.Entry> e = it.next();
                            return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), HexFormat.of().formatHex(e.getValue().digest()));
                        }
                    };
                }
            };
        }
    }
}
