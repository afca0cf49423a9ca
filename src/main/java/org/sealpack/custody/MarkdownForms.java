package org.sealpack.custody;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpack.pgp.Hex;

/**
 * The forms of the receipt lines that the record does not determine (docs/FORMAT.md R11.14): a
 * template's text literally, each placeholder a group whose text must be what sealpack writes there
 * (a code span exactly as {@link ReceiptWriter#cell} writes it, a fingerprint grouped as people
 * read it, a time).
 */
final class MarkdownForms {
    static final String CELL = "\u0000C";
    static final String FP = "\u0000F";
    static final String TIME = "\u0000T";

    private MarkdownForms() {}

    /** Whether a line has the form and each of its groups is written as sealpack writes it. */
    static boolean matches(Pattern form, String text) {
        Matcher m = form.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            String part = m.group(g);
            if (part == null) {
                continue;
            }
            boolean canonical =
                    switch (part.charAt(0)) {
                        case '`' -> ReceiptWriter.cell(unescape(part)).equals(part);
                        default ->
                                part.endsWith(" UTC")
                                        || Hex.grouped(part.replace(" ", "")).equals(part);
                    };
            if (!canonical) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text a cell shows ({@link ReceiptWriter#cell} undone), or a text that cell() never gives
     * back the same (so the comparison fails) when the cell is not one cell() writes.
     */
    private static String unescape(String cell) {
        int fence = 0;
        while (fence < cell.length() && cell.charAt(fence) == '`') {
            fence++;
        }
        if (cell.length() < 2 * fence + 2) {
            return "\u0000";
        }
        String inner = cell.substring(fence + 1, cell.length() - fence - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < inner.length() && inner.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                out.append('|');
                i++;
            } else if (i + 5 < inner.length()
                    && inner.charAt(i + 1) == 'u'
                    && inner.substring(i + 2, i + 6).matches("[0-9A-F]{4}")) {
                out.append((char) Integer.parseInt(inner.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                return "\u0000";
            }
        }
        return out.toString();
    }

    /** A line's form: the template's text literally, each placeholder a group checked later. */
    static Pattern form(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\u0000[CFT]").matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())));
            regex.append(group(m.group()));
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }

    static String group(String placeholder) {
        return switch (placeholder) {
            case CELL -> "(`+ (?:[^|\\\\\\n]|\\\\[\\\\u|])*? `+)";
            case FP -> "([0-9A-F]{4}(?: {1,2}[0-9A-F]{4})+)";
            default -> "([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC)";
        };
    }
}
