package org.sealpack.pgp;

import java.util.Arrays;
import java.util.function.LongPredicate;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.sealpack.io.ChunkPipe;

/**
 * A key of sealpack's own being unlocked on a thread of its own: its passphrase derivation (the
 * iterated S2K of a v4 key, Argon2 of a v6 key: 50 to 400 ms of CPU) runs while the caller goes on
 * with the public parts, and the first use of the secret waits for it. pack signs only at the end
 * (the bag's tag manifest, then the outer signature: {@link DigestSigner} hashes the data first),
 * so the derivation is hidden behind reading and encrypting the payload.
 *
 * <p>A wrong passphrase is the same {@link org.sealpack.failure.PassphraseException} as from {@link
 * Key#unlock}, thrown where the secret is first used, or earlier where the caller asks {@link
 * #failFast()}.
 */
public final class PendingKey implements SecretKey {
    private final Key key;
    private final LongPredicate wanted;
    private final Thread thread;
    private volatile UnlockedKey unlocked;
    private volatile Throwable failure;

    private PendingKey(Key key, char[] passphrase, LongPredicate wanted) {
        this.key = key;
        this.wanted = wanted;
        this.thread =
                ChunkPipe.start(
                        "sealpack-unlock",
                        () -> {
                            try {
                                unlocked = key.unlock(passphrase, wanted);
                            } catch (Throwable t) {
                                failure = t;
                            } finally {
                                Arrays.fill(passphrase, '\0');
                            }
                        });
    }

    /**
     * Starts unlocking the parts of {@code key} that {@code wanted} accepts with a copy of {@code
     * passphrase} (erased once used; the caller erases its own). A key with no such part whose
     * secret is at hand is unlocked here, to fail as {@link Key#unlock} does.
     */
    public static SecretKey start(Key key, char[] passphrase, LongPredicate wanted) {
        boolean any = false;
        for (PGPPublicKey k : key.certificate().ring) {
            any |= wanted.test(k.getKeyID()) && key.hasSecretFor(k.getKeyID());
        }
        if (!any) {
            return key.unlock(passphrase, wanted);
        }
        return new PendingKey(key, passphrase.clone(), wanted);
    }

    /** Throws the unlock's failure if it has failed by now; never waits. */
    public void failFast() {
        if (failure != null) {
            unlocked();
        }
    }

    /** Waits for the unlock and gives the key, or throws its failure as it was thrown. */
    private UnlockedKey unlocked() {
        UnlockedKey done = unlocked;
        if (done != null) {
            return done;
        }
        ChunkPipe.join(thread);
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return unlocked;
    }

    @Override
    public Certificate certificate() {
        return key.certificate();
    }

    @Override
    public String heldBy() {
        return key.heldBy();
    }

    /** As the unlocked key will say: a wanted part whose secret the key holds. */
    @Override
    public boolean canUse(long keyId) {
        return wanted.test(keyId) && key.hasSecretFor(keyId);
    }

    @Override
    public byte[] signDigest(PGPPublicKey part, int hashAlgorithm, byte[] digest) {
        return unlocked().signDigest(part, hashAlgorithm, digest);
    }

    @Override
    public byte[] rsaDecrypt(PGPPublicKey part, byte[] ciphertext) {
        return unlocked().rsaDecrypt(part, ciphertext);
    }

    @Override
    public byte[] agree(PGPPublicKey part, byte[] ephemeral) {
        return unlocked().agree(part, ephemeral);
    }
}
