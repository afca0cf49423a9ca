package org.sealpack.gnupg;

import java.io.ByteArrayOutputStream;

/**
 * Assuan's percent escaping of data lines, and making text from the server safe to show in one
 * line.
 */
final class Percent {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Percent() {}

    /** Unescapes bytes [from, to) of a line: "%XX" is the byte XX. Null if an escape is broken. */
    static byte[] decode(byte[] line, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            int b = line[i] & 0xFF;
            if (b != '%') {
                out.write(b);
                continue;
            }
            if (i + 2 >= to) {
                return null;
            }
            int hi = Character.digit(line[i + 1], 16);
            int lo = Character.digit(line[i + 2], 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    /**
     * Escapes bytes [from, to) for a data line: %, CR, LF, and every other control or non-ASCII
     * byte.
     */
    static String encode(byte[] data, int from, int to) {
        StringBuilder s = new StringBuilder((to - from) * 3);
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xFF;
            if (b == '%' || b < 0x20 || b >= 0x7F) {
                s.append('%').append(HEX[b >> 4]).append(HEX[b & 15]);
            } else {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    /**
     * Text from the server as one printable line of at most 200 characters: control and format
     * characters become '?'.
     */
    static String printable(String text) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), 200));
        text.codePoints()
                .limit(200)
                .forEach(
                        c -> {
                            int type = Character.getType(c);
                            boolean unsafe =
                                    Character.isISOControl(c)
                                            || type == Character.FORMAT
                                            || type == Character.LINE_SEPARATOR
                                            || type == Character.PARAGRAPH_SEPARATOR
                                            || type == Character.SURROGATE
                                            || type == Character.UNASSIGNED
                                            || type == Character.PRIVATE_USE;
                            s.appendCodePoint(unsafe ? '?' : c);
                        });
        return s.toString();
    }
}
