package org.sealpack.bag;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag files of any bag as the BagIt readers take them (RFC 8493 and BagIt 0.93 to 0.97):
 * bagit.txt, manifests in any line form, percent-decoding, the declared encoding. {@link AnyBag}
 * judges with them.
 */
final class AnyBagText {
    private static final Set<String> VERSIONS =
            Set.of("0.93", "0.94", "0.95", "0.96", "0.97", "1.0");
    private static final Pattern EXACT_VERSION =
            Pattern.compile("BagIt-Version: ([0-9]+\\.[0-9]+)");
    private static final Pattern EXACT_ENCODING =
            Pattern.compile("Tag-File-Character-Encoding: ([^\\s]+)");

    private AnyBagText() {}

    /** What bagit.txt declares. */
    record Declaration(String version, Charset charset) {}

    /**
     * bagit.txt: exactly two lines, the version (0.93 to 1.0) and the tag files' encoding, UTF-8
     * with no byte-order mark.
     */
    static Declaration declaration(byte[] bytes, List<String> problems) {
        if (bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF) {
            problems.add("bagit.txt starts with a byte-order mark, which RFC 8493 forbids");
            bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        String text;
        try {
            text = decode(bytes, StandardCharsets.UTF_8, BagIt.DECLARATION);
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return new Declaration(null, null);
        }
        String version = null;
        String encoding = null;
        // RFC 8493 section 2.1.1: exactly two lines, in this order, each exactly "Label: value"
        // (one space
        // after the colon, the labels' case as written); any of the three line ends.
        String[] lines = text.split("\\r\\n|\\n|\\r", -1);
        int count =
                lines.length > 0 && lines[lines.length - 1].isEmpty()
                        ? lines.length - 1
                        : lines.length;
        Matcher first = count > 0 ? EXACT_VERSION.matcher(lines[0]) : null;
        Matcher second = count > 1 ? EXACT_ENCODING.matcher(lines[1]) : null;
        if (count == 2 && first.matches() && second.matches()) {
            version = first.group(1);
            encoding = second.group(1);
        } else {
            problems.add(
                    "bagit.txt is not the two lines 'BagIt-Version: M.N' and 'Tag-File-Character-Encoding: ENCODING'"
                            + " exactly as RFC 8493 section 2.1.1 spells them (in this order, one space after each colon)");
            for (int i = 0; i < count; i++) {
                int colon = lines[i].indexOf(':');
                String key = colon < 0 ? lines[i] : lines[i].substring(0, colon).strip();
                String value = colon < 0 ? "" : lines[i].substring(colon + 1).strip();
                version = key.equals("BagIt-Version") ? value : version;
                encoding = key.equals("Tag-File-Character-Encoding") ? value : encoding;
            }
        }
        if (version != null && !VERSIONS.contains(version)) {
            problems.add(
                    "bagit.txt declares BagIt " + version + "; sealpack reads BagIt 0.93 to 1.0");
        }
        Charset charset = null;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                problems.add(
                        "bagit.txt declares the tag file encoding '"
                                + encoding
                                + "', which this Java does not know");
            }
        }
        return new Declaration(version, charset);
    }

    /** A manifest as the BagIt readers take it; each line that cannot be used is a problem. */
    static Map<String, byte[]> parseManifest(
            String text, String name, int hexLength, List<String> problems) {
        Map<String, byte[]> lines = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\\r\\n|\\n|\\r", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = name + " line " + number;
            Matcher m = Pattern.compile("([^ \\t]+)[ \\t]+(.+)").matcher(line);
            if (!m.matches()) {
                problems.add(where + " is not 'CHECKSUM PATH'");
                continue;
            }
            String checksum = m.group(1);
            if (checksum.length() != hexLength || !checksum.matches("[0-9a-fA-F]+")) {
                problems.add(where + " has a checksum that is not " + hexLength + " hex digits");
                continue;
            }
            String path = m.group(2);
            if (path.startsWith("*")) {
                path = path.substring(1); // the binary-mode marker sha512sum -b writes
            }
            path = decodePercent(path);
            if (path.startsWith("./")) {
                path = path.substring(2);
            }
            String wrong = relativePathProblem(path);
            if (wrong != null) {
                problems.add(where + " names '" + path + "', " + wrong);
                continue;
            }
            if (lines.put(path, HexFormat.of().parseHex(checksum)) != null) {
                problems.add(name + " lists '" + path + "' twice");
            }
        }
        return lines;
    }

    /** Why a path a manifest names cannot be inside the bag, or null if it can. */
    static String relativePathProblem(String path) {
        String problem = FetchFile.pathProblem(path);
        return problem == null || problem.equals("which is outside data/") ? null : problem;
    }

    /**
     * RFC 8493 section 2.1.3: %0A, %0D and %25 (either case) decoded; any other '%' is taken as it
     * is.
     */
    static String decodePercent(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            String code =
                    c == '%' && path.length() >= i + 3
                            ? path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT)
                            : "";
            switch (code) {
                case "25" -> out.append('%');
                case "0D" -> out.append('\r');
                case "0A" -> out.append('\n');
                default -> {
                    out.append(c);
                    continue;
                }
            }
            i += 2;
        }
        return out.toString();
    }

    /** A tag file's text in the bag's declared encoding (a leading byte-order mark dropped). */
    static String decode(byte[] bytes, Charset charset, String name) {
        try {
            String text =
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BagFormatException(
                    name + " is not valid " + charset.name() + ", the encoding bagit.txt declares");
        }
    }
}
