package org.sealpack.bag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BagIt manifest: one {@code CHECKSUM  PATH} line per file (two spaces, as sha512sum writes and
 * reads), paths relative to the bag root with '/' separators, and CR, LF and '%' percent-encoded
 * (RFC 8493 section 2.1.3).
 */
public final class Manifest {
    private final Map<String, String> checksums;

    public Manifest(Map<String, String> checksums) {
        this(new LinkedHashMap<>(checksums), true);
    }

    /** Takes the map as it is (no copy: a manifest of 100,000 files is some 10 MB of entries). */
    private Manifest(LinkedHashMap<String, String> owned, boolean owning) {
        this.checksums = java.util.Collections.unmodifiableMap(owned);
    }

    /** A manifest over a map that nobody else changes. */
    static Manifest owning(LinkedHashMap<String, String> checksums) {
        return new Manifest(checksums, true);
    }

    /** Path to lower-case hex checksum, in file order. */
    public Map<String, String> checksums() {
        return checksums;
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        checksums.forEach((path, hash) -> out.append(hash).append("  ").append(encode(path)).append('\n'));
        return out.toString();
    }

    /**
     * Parses a manifest.
     *
     * @param name the manifest's file name, for messages
     * @param hexLength the length of a checksum of this algorithm in hex digits
     */
    public static Manifest parse(String text, String name, int hexLength) {
        LinkedHashMap<String, String> entries = new LinkedHashMap<>();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new BagFormatException(name + " does not end with a line break");
        }
        int number = 0;
        // Line by line, without splitting the whole text into an array of lines first.
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            String line = text.substring(start, end);
            number++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int split = line.indexOf(' ');
            if (split != hexLength || line.length() < split + 2) {
                throw new BagFormatException(name + " line " + number + " is not 'CHECKSUM  PATH'");
            }
            String hash = line.substring(0, split);
            if (!hash.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new BagFormatException(name + " line " + number + " has a checksum that is not hex");
            }
            int from = split;
            while (from < line.length() && (line.charAt(from) == ' ' || line.charAt(from) == '\t')) {
                from++;
            }
            String rest = line.substring(from);
            if (rest.startsWith("*")) {
                rest = rest.substring(1);
            }
            String path = decode(rest, name, number);
            if (entries.put(path, hash.toLowerCase(java.util.Locale.ROOT)) != null) {
                throw new BagFormatException(name + " lists " + path + " twice");
            }
        }
        return owning(entries);
    }

    static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String decode(String path, String name, int line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                String code = path.length() >= i + 3 ? path.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT) : "";
                switch (code) {
                    case "25" -> out.append('%');
                    case "0D" -> out.append('\r');
                    case "0A" -> out.append('\n');
                    default -> {
                        // Not one of the three codes: a literal '%', as some writers (bagit-java 5) leave it.
                        out.append('%');
                        continue;
                    }
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
