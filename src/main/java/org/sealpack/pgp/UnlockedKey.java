package org.sealpack.pgp;

import java.util.Map;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.sealpack.failure.KeyException;

/**
 * A secret key whose secret parts were decrypted with its passphrase; lives only in memory. Its
 * secret operations run here, on Bouncy Castle ({@link LocalSecrets}).
 */
public final class UnlockedKey implements SecretKey {
    private final Key key;
    private final Map<Long, PGPPrivateKey> privates;

    UnlockedKey(Key key, Map<Long, PGPPrivateKey> privates) {
        this.key = key;
        this.privates = Map.copyOf(privates);
    }

    @Override
    public Certificate certificate() {
        return key.certificate();
    }

    @Override
    public String heldBy() {
        return "sealpack";
    }

    @Override
    public boolean canUse(long keyId) {
        return privates.containsKey(keyId);
    }

    PGPPrivateKey privateKey(long keyId) {
        return privates.get(keyId);
    }

    private PGPPrivateKey secret(PGPPublicKey part) {
        PGPPrivateKey p = privates.get(part.getKeyID());
        if (p == null) {
            throw new KeyException(
                    "the secret of "
                            + Hex.keyId(part.getKeyID())
                            + " of "
                            + certificate().describe()
                            + " was not unlocked",
                    null);
        }
        return p;
    }

    @Override
    public byte[] signDigest(PGPPublicKey part, int hashAlgorithm, byte[] digest) {
        return LocalSecrets.sign(secret(part), hashAlgorithm, digest);
    }

    @Override
    public byte[] rsaDecrypt(PGPPublicKey part, byte[] ciphertext) {
        return LocalSecrets.rsaDecrypt(secret(part), ciphertext);
    }

    @Override
    public byte[] agree(PGPPublicKey part, byte[] ephemeral) {
        return LocalSecrets.agree(secret(part), ephemeral);
    }
}
