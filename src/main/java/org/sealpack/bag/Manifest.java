package org.sealpack.bag;

import java.io.InputStream;
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
 * A BagIt manifest: one {@code CHECKSUM PATH} line per file (two spaces, as sha512sum writes and
 * reads), paths relative to the bag root with '/' separators, and CR, LF and '%' percent-encoded
 * (RFC 8493 section 2.1.3).
 *
 * <p>Checksums are kept as digest bytes, not hex text, with the file's size where it is known: a
 * bag of a million files is held in memory while it is written or checked, so each entry is kept
 * small.
 */
public final class Manifest {
    /**
     * One file: its position in the manifest (0, 1, ...), its digest, and its size in bytes, or -1
     * when the manifest was read from a file (which gives no sizes). The digest array is not to be
     * changed.
     */
    public record Entry(int index, byte[] digest, long size) {}

    private final LinkedHashMap<String, Entry> entries;
    private final Map<String, String> hexView = new HexView();

    /**
     * A manifest of path to lower- or upper-case hex checksum, in the map's order (sizes unknown).
     */
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
        private final LinkedHashMap<String, Entry> entries;

        public Builder() {
            entries = new LinkedHashMap<>();
        }

        /** For about {@code expected} files: the map is not grown on the way. */
        public Builder(int expected) {
            entries = new LinkedHashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
        }

        /** Adds a file; false (and nothing changed) if the path is already there. */
        public boolean add(String path, byte[] digest, long size) {
            return entries.putIfAbsent(path, new Entry(entries.size(), digest, size)) == null;
        }

        public Manifest build() {
            return new Manifest(entries);
        }
    }

    /**
     * Path to lower-case hex checksum, in file order (a read-only view; hex is made on each
     * access).
     */
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

    /**
     * {@link #format()} in UTF-8 as a stream made line by line (a manifest can be tens of
     * megabytes); each read fills what it is given, many lines at a time.
     */
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
                int n = 0;
                while (n < len) {
                    if (at == line.length) {
                        if (!lines.hasNext()) {
                            break;
                        }
                        Map.Entry<String, Entry> next = lines.next();
                        line = lineBytes(next.getKey(), next.getValue());
                        at = 0;
                    }
                    int k = Math.min(len - n, line.length - at);
                    System.arraycopy(line, at, b, off + n, k);
                    at += k;
                    n += k;
                }
                return n == 0 && len > 0 ? -1 : n;
            }
        };
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** {@link #line} in UTF-8. */
    private static byte[] lineBytes(String path, Entry e) {
        byte[] digest = e.digest();
        byte[] name = encode(path).getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[digest.length * 2 + 2 + name.length + 1];
        for (int i = 0; i < digest.length; i++) {
            line[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            line[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        int at = digest.length * 2;
        line[at++] = ' ';
        line[at++] = ' ';
        System.arraycopy(name, 0, line, at, name.length);
        line[line.length - 1] = '\n';
        return line;
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
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
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
                            return new AbstractMap.SimpleImmutableEntry<>(
                                    e.getKey(), HexFormat.of().formatHex(e.getValue().digest()));
                        }
                    };
                }
            };
        }
    }
}
