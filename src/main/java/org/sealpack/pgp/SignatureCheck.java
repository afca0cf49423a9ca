package org.sealpack.pgp;

import java.time.Instant;
import java.util.List;

/**
 * A signature that verified against a trusted certificate.
 *
 * @param signer the trusted certificate whose key made it
 * @param created the signature's creation time
 * @param intendedRecipients primary fingerprints named in Intended Recipient Fingerprint subpackets
 * @param notes what changed about the key since it signed, which does not void the signature (it
 *     expired, or was retired or superseded, later)
 */
public record SignatureCheck(
        Certificate signer, Instant created, List<String> intendedRecipients, List<String> notes) {
    public SignatureCheck {
        intendedRecipients = List.copyOf(intendedRecipients);
        notes = List.copyOf(notes);
    }
}
