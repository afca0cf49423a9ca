package org.sealpack.text;

import java.util.List;

/**
 * Text that came, wholly or in part, from an archive, a certificate or a receipt: names, paths,
 * metadata values, user IDs, notes. An adversary may have written it, so it is shown to people only
 * through {@link #escape}: {@link #toString()} is the escaped form, so concatenating it into a
 * message or printing it cannot forget the escaping. The characters as they came are read with
 * {@link #unescaped()}, which only encoders that escape by themselves (JSON) and comparisons may
 * use.
 *
 * <p>The escaping: every character a person cannot see or that changes how text around it is shown
 * is written as \\uXXXX: control characters (C0, DEL, C1: escape sequences), Unicode format
 * characters (bidirectional overrides and isolates, zero-width characters, the soft hyphen, the
 * byte-order mark, tag characters), line and paragraph separators, lone surrogates, and the
 * invisible fillers used to spoof names. A backslash is written \\\\, so that what is shown reads
 * back one way only.
 */
public final class Untrusted {
    private final String text;

    private Untrusted(String text) {
        this.text = text == null ? "" : text;
    }

    /** Wraps text from outside at the place it is read (null reads as empty). */
    public static Untrusted of(String text) {
        return new Untrusted(text);
    }

    /** Each of a list of texts from outside. */
    public static List<Untrusted> each(List<String> texts) {
        return texts.stream().map(Untrusted::of).toList();
    }

    /**
     * The characters as they came: for encoders that escape by themselves and for comparisons,
     * never to print.
     */
    public String unescaped() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The text as people may see it: escaped. */
    @Override
    public String toString() {
        return escape(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Untrusted u && u.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * The one escaping of what sealpack shows people (terminal text, receipts); null reads as
     * empty.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .forEach(
                        cp -> {
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
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE -> {
                return true;
            }
            default -> {
                // Fillers that show as nothing; the combining grapheme joiner; the Mongolian vowel
                // separator.
                return cp == 0x115F
                        || cp == 0x1160
                        || cp == 0x3164
                        || cp == 0xFFA0
                        || cp == 0x034F
                        || cp == 0x180E;
            }
        }
    }
}
