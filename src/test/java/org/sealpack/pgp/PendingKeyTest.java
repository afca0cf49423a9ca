package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.function.LongPredicate;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sealpack.TestKeys;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.PassphraseException;

/** A key unlocked on its own thread behaves as the key unlocked at once. */
class PendingKeyTest {
    private static final Date NOW = new Date();

    private static byte[] digest() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest("the tag manifest".getBytes());
    }

    @Test
    void itSignsAsTheKeyUnlockedAtOnceAndAnswersWithoutWaiting() throws Exception {
        Key key = TestKeys.key(TestKeys.SIGNER);
        char[] passphrase = TestKeys.passphrase(TestKeys.SIGNER).toCharArray();
        LongPredicate wanted = key.signingParts(Instant.now());
        UnlockedKey now = key.unlock(passphrase, wanted);
        SecretKey pending = PendingKey.start(key, passphrase, wanted);
        assertThat(pending).isInstanceOf(PendingKey.class);
        assertThat(passphrase)
                .as("the caller's passphrase is left to the caller")
                .isEqualTo(TestKeys.passphrase(TestKeys.SIGNER).toCharArray());
        // The public answers, before the unlock is waited for: the same as the unlocked key's.
        assertThat(pending.certificate()).isSameAs(key.certificate());
        assertThat(pending.heldBy()).isEqualTo(now.heldBy());
        for (PGPPublicKey part : key.certificate().ring) {
            assertThat(pending.canUse(part.getKeyID()))
                    .as("part %016x", part.getKeyID())
                    .isEqualTo(now.canUse(part.getKeyID()));
        }
        PGPPublicKey part = pending.signingKey(NOW);
        assertThat(part.getKeyID()).isEqualTo(now.signingKey(NOW).getKeyID());
        // Ed25519 signatures are deterministic: the same digest gives the same bytes.
        assertThat(pending.signDigest(part, HashAlgorithmTags.SHA256, digest()))
                .isEqualTo(now.signDigest(part, HashAlgorithmTags.SHA256, digest()));
        ((PendingKey) pending).failFast();
    }

    @Test
    @Timeout(60)
    void aWrongPassphraseFailsAsAtOnceAtFirstUseAndAtFailFast() throws Exception {
        Key key = TestKeys.key(TestKeys.SIGNER);
        char[] wrong = "not the passphrase".toCharArray();
        LongPredicate wanted = key.signingParts(Instant.now());
        PassphraseException atOnce =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> key.unlock(wrong, wanted), PassphraseException.class);
        PendingKey pending = (PendingKey) PendingKey.start(key, wrong, wanted);
        PGPPublicKey part = pending.signingKey(NOW);
        // failFast never waits: it throws once the derivation has failed (observed, not timed).
        PassphraseException early = null;
        while (early == null) {
            try {
                pending.failFast();
                Thread.onSpinWait();
            } catch (PassphraseException e) {
                early = e;
            }
        }
        assertThat(early.getMessage()).isEqualTo(atOnce.getMessage());
        assertThatThrownBy(() -> pending.signDigest(part, HashAlgorithmTags.SHA256, digest()))
                .isInstanceOf(PassphraseException.class)
                .hasMessage(atOnce.getMessage());
    }

    @Test
    void aKeyWithoutTheWantedSecretFailsAtOnceAsBefore() {
        Key key = TestKeys.key(TestKeys.SIGNER);
        char[] passphrase = TestKeys.passphrase(TestKeys.SIGNER).toCharArray();
        assertThatThrownBy(() -> PendingKey.start(key, passphrase, id -> false))
                .isInstanceOf(KeyException.class)
                .hasMessageContaining("holds no secret key material");
    }
}
