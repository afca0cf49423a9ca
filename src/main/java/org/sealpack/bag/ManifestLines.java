package org.sealpack.bag;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A manifest in the one form a sealed bag allows (docs/FORMAT.md section 4), read line by line. */
public final class ManifestLines {
    private ManifestLines() {}

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
     * Parses a manifest in the form a sealed bag pins (docs/FORMAT.md section 4) line by line,
     * without holding it as text or as a map (a manifest of a million files is some 170 MB of
     * text): UTF-8, every line {@code CHECKSUM PATH} ending in LF (no CR), the checksum in
     * lower-case hex, two spaces, the path relative and plain (no "./", no "*", no empty, '.' or
     * '..' segment, no control character), with CR, LF and '%' written %0D, %0A and %25 and no
     * other '%'. Anything else is a {@link BagFormatException} naming the line. Other bags'
     * manifests are read by {@link AnyBag}.
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
                    throw new BagFormatException(
                            where + " has a checksum that is not lower-case hex");
                }
                digest[i] = (byte) (high << 4 | low);
            }
            int split = start + hexLength;
            if (utf8[split] != ' '
                    || utf8[split + 1] != ' '
                    || utf8[split + 2] == ' '
                    || utf8[split + 2] == '\t') {
                throw new BagFormatException(
                        where + " does not separate checksum and path by exactly two spaces");
            }
            String path = new String(utf8, split + 2, end - split - 2, StandardCharsets.UTF_8);
            if (path.endsWith("\r")) {
                throw new BagFormatException(
                        where + " ends with CR LF: a sealed bag's manifest lines end with LF only");
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
                default ->
                        throw new BagFormatException(
                                where + " has a '%' that is not %25, %0D or %0A");
            }
            i += 2;
        }
        return out.toString();
    }

    /**
     * The path as a sealed bag writes it: relative, no "./" or "*", no empty, '.' or '..' segment.
     */
    private static String plainPath(String path, String where) {
        if (path.startsWith("/")
                || path.startsWith("*")
                || path.startsWith("./")
                || path.endsWith("/")) {
            throw new BagFormatException(
                    where + " names '" + path + "', which is not a plain relative path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new BagFormatException(
                        where + " names '" + path + "', which is not a plain relative path");
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
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
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
}
