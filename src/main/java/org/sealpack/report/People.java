package org.sealpack.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sealpack.failure.NotRecipientException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Hex;

/**
 * Values as people read them (JSON keeps the plain forms): fingerprints in groups of four, as they
 * are compared aloud; times to the second, in UTC, the zone shown; recipients by name.
 */
public final class People {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private People() {}

    /**
     * "15C6 E523 24F0 1851 6E63 CA8B 0DC0 67D1 877D 13C3": groups of four, two spaces at the
     * middle.
     */
    public static String fingerprint(String hex) {
        return Hex.grouped(hex);
    }

    /** "2026-12-02 18:40:12 UTC". */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** "User ID <email> (FINGERPRINT)". */
    public static String certificate(Certificate c) {
        return c.primaryUserId() + " (" + fingerprint(c.fingerprint()) + ")";
    }

    /**
     * A recipient key ID as the certificate that holds it (among those the user gave or keeps),
     * "the sender's own key", or unknown.
     */
    public static String recipient(String keyId, List<Certificate> known, Certificate sender) {
        if (sender != null && sender.hasKey(keyId)) {
            return "the sender's own key: " + certificate(sender);
        }
        for (Certificate c : known) {
            if (c.hasKey(keyId)) {
                return certificate(c);
            }
        }
        return keyId.startsWith("hidden")
                ? keyId
                : "unknown (key ID " + keyId + ", no certificate here holds it)";
    }

    /**
     * A failure that lists the recipients a key is not among, with each recipient named; others as
     * they are.
     */
    public static RuntimeException namingRecipients(RuntimeException e, List<Certificate> known) {
        return e instanceof NotRecipientException nr
                ? nr.naming(keyId -> recipient(keyId, known, null))
                : e;
    }

    /** "1 file", "2 files". */
    public static String files(long n) {
        return n + (n == 1 ? " file" : " files");
    }
}
