package org.sealpack.custody;

import java.util.List;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SecretKey;

/**
 * What a receipt holds besides the check, and how it is signed and sent back.
 *
 * @param custodian the custodian's key (sealpack's own, unlocked, or one GnuPG's agent holds), who
 *     signs the receipt (FILE.asc); null: unsigned
 * @param note the custodian's note, or null
 * @param after the SHA-256 of each receipt this one follows
 * @param returnTo the certificate the signed receipt is encrypted to for the return trip
 *     (FILE.pgp), or null
 */
public record Signing(SecretKey custodian, String note, List<String> after, Certificate returnTo) {
    public static final Signing NONE = new Signing(null, null, List.of(), null);

    public Signing {
        after = after == null ? List.of() : List.copyOf(after);
    }
}
