package org.sealpack.cli;

/**
 * The one escaping of what sealpack shows people (terminal text, receipts): names, metadata and user IDs
 * come from archives and keys that an adversary may have written. Every character a person cannot see
 * or that changes how text around it is shown is written as \\uXXXX: control characters (C0, DEL, C1:
 * escape sequences), Unicode format characters (bidirectional overrides and isolates, zero-width
 * characters, the soft hyphen, the byte-order mark, tag characters), line and paragraph separators,
 * lone surrogates, and the invisible fillers used to spoof names. A backslash is written \\\\, so that
 * what is shown reads back one way only.
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
            if (cp == '\\') {
                out.append("\\\\");
            } else if (hidden(cp)) {
                if (cp > 0xffff) {
                    for (char c : Character.toChars(cp)) {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                } else {
                    out.append(String.format("\\u%04X", cp));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Whether a code point is invisible or acts on the text around it. */
    public static boolean hidden(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> {
                return true;
            }
            default -> {
                // Fillers that show as nothing; the combining grapheme joiner; the Mongolian vowel separator.
                return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x034F || cp == 0x180E;
            }
        }
    }
}
