package org.sealpack.pgp;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.sealpack.text.Untrusted;

/**
 * A secret key as a user names it (KEY), before it is used: sealpack's own ({@link Key}, still
 * locked by its passphrase) or one GnuPG's agent holds ({@code gpg:SELECTOR}; the agent asks for
 * its passphrase or PIN itself, with its pinentry, when it is used). {@link #unlock} makes the
 * {@link SecretKey} that signs and decrypts.
 */
public interface KeyHandle {
    Certificate certificate();

    default String fingerprint() {
        return certificate().fingerprint();
    }

    /** The key for people: name, e-mail and fingerprint. */
    String describe();

    /** {@link #describe()} for people, escaped when shown (user IDs are text from outside). */
    default Untrusted description() {
        return certificate().description();
    }

    /** Who holds the secret: "sealpack" for a key sealpack reads itself, else e.g. "GnuPG". */
    String heldBy();

    /** Whether sealpack must ask for a passphrase to unlock it (never for a key GnuPG holds). */
    boolean needsPassphrase();

    /** Whether the secret part (primary key or subkey) with that key ID is at hand. */
    boolean hasSecretFor(long keyId);

    /**
     * The key IDs of the parts that can sign at the given time: what {@code pack} needs unlocked.
     */
    default LongPredicate signingParts(Instant at) {
        Set<Long> ids = new HashSet<>();
        for (var k : certificate().signingKeys(Date.from(at))) {
            ids.add(k.getKeyID());
        }
        return ids::contains;
    }

    /**
     * The key ready to sign and decrypt with the parts {@code wanted} accepts. A wrong passphrase
     * is a {@link org.sealpack.failure.PassphraseException}; a key without the secret a {@link
     * org.sealpack.failure.KeyException}.
     */
    SecretKey unlock(char[] passphrase, LongPredicate wanted);
}
