package org.sealpack.pgp;

import java.time.Instant;

/**
 * A return copy forwarded: signed for one recipient (its Intended Recipient Fingerprint), encrypted
 * to another.
 */
public final class Forwarded {
    private Forwarded() {}

    public static byte[] returnCopy(
            byte[] receipt,
            String name,
            UnlockedKey custodian,
            Certificate intended,
            Certificate forwardedTo) {
        return SignedMessage.signAndEncrypt(
                receipt, name, custodian, intended, forwardedTo, Instant.now());
    }
}
