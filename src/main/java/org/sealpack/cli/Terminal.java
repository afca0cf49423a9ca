package org.sealpack.cli;

/**
 * Makes strings safe to print: names, metadata and user IDs come from archives and keys that an
 * adversary may have written, so control characters (escape sequences) and bidirectional overrides
 * are shown as \\uXXXX instead of reaching the terminal.
 */
public final class Terminal {
    private Terminal() {
    }

    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp >= 0x80 && cp < 0xa0 || cp >= 0x202a && cp <= 0x202e
                    || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200e || cp == 0x200f || cp == 0x061c) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
