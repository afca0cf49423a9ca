package org.sealpack.pgp;

import java.util.HexFormat;

/** Upper-case hexadecimal, the way fingerprints and key IDs are shown to people. */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    public static String keyId(long keyId) {
        return String.format("%016X", keyId);
    }
}
