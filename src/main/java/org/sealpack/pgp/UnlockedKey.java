package org.sealpack.pgp;

import java.util.Date;
import java.util.Map;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.sealpack.failure.KeyException;

/** A secret key whose secret parts were decrypted with its passphrase; lives only in memory. */
public final class UnlockedKey {
    private final Key key;
    private final Map<Long, PGPPrivateKey> privates;

    UnlockedKey(Key key, Map<Long, PGPPrivateKey> privates) {
        this.key = key;
        this.privates = Map.copyOf(privates);
    }

    public Certificate certificate() {
        return key.certificate();
    }

    PGPPrivateKey privateKey(long keyId) {
        return privates.get(keyId);
    }

    Iterable<PGPPrivateKey> privateKeys() {
        return privates.values();
    }

    /** The public half of the key that signs at the given time: a valid signing key whose secret we hold. */
    PGPPublicKey signingKey(Date at) {
        for (PGPPublicKey k : certificate().signingKeys(at)) {
            if (privates.containsKey(k.getKeyID())) {
                return k;
            }
        }
        throw new KeyException("the key " + certificate().describe() + " has no valid signing key",
                "check that the key is not expired or revoked");
    }
}
