package org.sealpack.bag;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;

/**
 * The checksum algorithms a bag's manifests may name (manifest-NAME.txt): those RFC 8493 and the
 * Library of Congress's bagit-java use, and SHA-3, all on the JDK's own providers.
 */
public final class Algorithms {
    private static final Map<String, String> JDK_NAMES =
            Map.ofEntries(
                    Map.entry("md5", "MD5"),
                    Map.entry("sha1", "SHA-1"),
                    Map.entry("sha224", "SHA-224"),
                    Map.entry("sha256", "SHA-256"),
                    Map.entry("sha384", "SHA-384"),
                    Map.entry("sha512", "SHA-512"),
                    Map.entry("sha3-224", "SHA3-224"),
                    Map.entry("sha3-256", "SHA3-256"),
                    Map.entry("sha3-384", "SHA3-384"),
                    Map.entry("sha3-512", "SHA3-512"));

    /** Broken for deliberate changes: a bag may use them, and is told so. */
    private static final Set<String> WEAK = Set.of("md5", "sha1");

    private Algorithms() {}

    public static boolean known(String name) {
        return JDK_NAMES.containsKey(name);
    }

    public static boolean weak(String name) {
        return WEAK.contains(name);
    }

    public static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(JDK_NAMES.get(name));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + name, e);
        }
    }

    /** The length of a checksum in hex digits. */
    public static int hexLength(String name) {
        return digest(name).getDigestLength() * 2;
    }
}
