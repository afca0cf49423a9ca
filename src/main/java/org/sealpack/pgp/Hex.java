package org.sealpack.pgp;

import java.util.HexFormat;

/** Upper-case hexadecimal, the way fingerprints and key IDs are shown to people. */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {}

    public static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    public static String keyId(long keyId) {
        return String.format("%016X", keyId);
    }

    /**
     * A fingerprint as people compare it aloud: groups of four hex digits, two spaces at the
     * middle.
     */
    public static String grouped(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                s.append(i == hex.length() / 2 ? "  " : " ");
            }
            s.append(hex, i, Math.min(i + 4, hex.length()));
        }
        return s.toString();
    }
}
