package org.sealpack.custody;

import java.util.List;

import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.UnlockedKey;

/**
 * What a receipt holds besides the check, and how it is signed and sent back.
 *
 * @param custodian the custodian's unlocked key, who signs the receipt (FILE.asc); null: unsigned
 * @param note      the custodian's note, or null
 * @param after     the SHA-256 of each receipt this one follows
 * @param returnTo  the certificate the signed receipt is encrypted to for the return trip (FILE.pgp), or null
 */
public record Signing(UnlockedKey custodian, String note, List<String> after, Certificate returnTo) {
    public static final Signing NONE = new Signing(null, null, List.of(), null);

    public Signing {
        after = after == null ? List.of() : List.copyOf(after);
    }
}
