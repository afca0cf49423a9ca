package org.sealpack.archive;

import java.text.Normalizer;
import java.util.Locale;

/** The rules for names inside a sealed bag, shared by the writer (refuse early) and the reader. */
public final class EntryNames {
    private EntryNames() {}

    /** The name with no backslash, NUL or other control character, or null if it has one. */
    public static String problem(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                return "a backslash";
            }
            if (c < 0x20 || c == 0x7f) {
                return "a control character";
            }
        }
        return null;
    }

    /** The key under which two names collide: Unicode NFC, then case folded. */
    public static String fold(String name) {
        if (ascii(name)) {
            // NFC leaves ASCII as it is, and its upper then lower case is its lower case.
            return name.toLowerCase(Locale.ROOT);
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return Normalizer.normalize(
                nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    private static boolean ascii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
