package org.sealpack.seal;

import org.sealpack.pgp.SecretKey;
import org.sealpack.pgp.UnlockedKey;

/** Where passphrases come from: a file, an environment variable, a prompt. Asked only when needed. */
@FunctionalInterface
public interface Passphrases {
    /** The passphrase for the key; called only if the key is protected. */
    char[] passphraseFor(SecretKey key);

    /** Unlocks the key, asking for its passphrase only if it has one. */
    static UnlockedKey unlock(SecretKey key, Passphrases source) {
        char[] passphrase = key.needsPassphrase() ? source.passphraseFor(key) : new char[0];
        try {
            return key.unlock(passphrase);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }
}
