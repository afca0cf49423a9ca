package org.sealpack.seal;

import java.util.Arrays;
import java.util.function.LongPredicate;
import org.sealpack.failure.PassphraseException;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SecretKey;
import org.sealpack.pgp.UnlockedKey;

/**
 * Where passphrases come from: a file, an environment variable, a prompt. Asked only when needed:
 * never for a key GnuPG holds (its agent asks, with its own pinentry).
 */
@FunctionalInterface
public interface Passphrases {
    /** The passphrase for the key; called only if the key is protected. */
    char[] passphraseFor(KeyHandle key);

    /**
     * Told which passphrase unlocked the key (before it is erased), so a prompt asks for it once
     * per run.
     */
    default void unlocked(KeyHandle key, char[] passphrase) {}

    /** How many tries a wrong passphrase gets: 1, except at an interactive prompt. */
    default int attempts() {
        return 1;
    }

    /**
     * Unlocks sealpack's own key, asking for its passphrase only if it has one, up to {@link
     * #attempts()} times.
     */
    static UnlockedKey unlock(Key key, Passphrases source) {
        return (UnlockedKey) unlock(key, source, keyId -> true);
    }

    /**
     * Makes the key ready, decrypting only the parts {@code wanted} accepts (for a key GnuPG holds:
     * nothing to do).
     */
    static SecretKey unlock(KeyHandle key, Passphrases source, LongPredicate wanted) {
        for (int attempt = 1; ; attempt++) {
            char[] passphrase = key.needsPassphrase() ? source.passphraseFor(key) : new char[0];
            try {
                SecretKey unlocked = key.unlock(passphrase, wanted);
                source.unlocked(key, passphrase);
                return unlocked;
            } catch (PassphraseException e) {
                if (attempt >= source.attempts()) {
                    throw e;
                }
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
    }
}
