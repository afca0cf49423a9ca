package org.sealpack.pgp;

import java.time.Instant;
import java.util.List;

/**
 * A signature that verified against a trusted certificate.
 *
 * @param signer              the trusted certificate whose key made it
 * @param created             the signature's creation time
 * @param intendedRecipients  primary fingerprints named in Intended Recipient Fingerprint subpackets
 */
public record SignatureCheck(Certificate signer, Instant created, List<String> intendedRecipients) {
    public SignatureCheck {
        intendedRecipients = List.copyOf(intendedRecipients);
    }
}
