package org.sealpack.bag;

import java.nio.charset.StandardCharsets;

/** The fixed names and texts of a BagIt 1.0 bag as sealpack writes it. */
public final class BagIt {
    public static final String DECLARATION = "bagit.txt";
    public static final String DECLARATION_TEXT =
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    public static final String BAG_INFO = "bag-info.txt";
    public static final String MANIFEST = "manifest-sha512.txt";
    public static final String TAG_MANIFEST = "tagmanifest-sha512.txt";

    /**
     * The tag directory for signatures (as bag-nabit does), so manifest-prefix matchers do not take
     * the signature for a manifest.
     */
    public static final String SIGNATURE_DIR = "signatures";

    public static final String SIGNATURE = SIGNATURE_DIR + "/tagmanifest-sha512.txt.asc";
    public static final String FETCH = "fetch.txt";
    public static final String PAYLOAD_DIR = "data";
    public static final String ALGORITHM = "SHA-512";
    public static final int HEX_LENGTH = 128;

    private BagIt() {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
