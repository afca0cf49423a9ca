package org.sealpack.seal;

import java.util.Arrays;
import java.util.function.LongPredicate;
import org.sealpack.failure.PassphraseException;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.PendingKey;
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
     * As {@link #unlock(KeyHandle, Passphrases, LongPredicate)} for a key that signs at the end of
     * a job (pack): when sealpack holds it and its passphrase comes without asking (a file, a
     * variable: one attempt), the passphrase is read here and the key's derivation runs on a thread
     * of its own ({@link PendingKey}) while the caller goes on. At a prompt (three attempts, each
     * waiting for the answer) it is unlocked here, as always.
     */
    static SecretKey unlockBeside(KeyHandle key, Passphrases source, LongPredicate wanted) {
        if (!(key instanceof Key own) || !key.needsPassphrase() || source.attempts() != 1) {
            return unlock(key, source, wanted);
        }
        char[] passphrase = source.passphraseFor(key);
        try {
            return PendingKey.start(own, passphrase, wanted);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
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
