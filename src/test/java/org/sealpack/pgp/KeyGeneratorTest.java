package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import org.bouncycastle.bcpg.ECDHPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.PassphraseException;

class KeyGeneratorTest {
    static final Key KEY =
            KeyGenerator.generate(
                    org.sealpack.pgp.Profile.DEFAULT,
                    "Test <t@example.org>",
                    "pw".toCharArray(),
                    Instant.parse("2026-01-01T00:00:00Z"),
                    Duration.ofDays(730));

    @Test
    void theDefaultProfileIsV4EdDsaWithACurve25519Subkey() {
        Iterator<PGPPublicKey> keys = KEY.certificate().ring.getPublicKeys();
        PGPPublicKey primary = keys.next();
        PGPPublicKey sub = keys.next();
        assertThat(keys.hasNext()).isFalse();
        assertThat(primary.getVersion()).isEqualTo(4);
        assertThat(primary.getAlgorithm()).isEqualTo(PublicKeyAlgorithmTags.EDDSA_LEGACY);
        assertThat(sub.getVersion()).isEqualTo(4);
        assertThat(sub.getAlgorithm()).isEqualTo(PublicKeyAlgorithmTags.ECDH);
        ECDHPublicBCPGKey ecdh = (ECDHPublicBCPGKey) sub.getPublicKeyPacket().getKey();
        assertThat(ecdh.getHashAlgorithm()).isEqualTo((byte) HashAlgorithmTags.SHA256);
        assertThat(ecdh.getSymmetricKeyAlgorithm())
                .isEqualTo((byte) SymmetricKeyAlgorithmTags.AES_128);
        assertThat(KEY.certificate().expires())
                .contains(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(730)));
    }

    @Test
    void preferencesAreOnTheUserIdSelfSignatureWhereGnuPgReadsThem() {
        PGPPublicKey primary = KEY.certificate().ring.getPublicKey();
        Iterator<PGPSignature> sigs = primary.getSignaturesForID("Test <t@example.org>");
        PGPSignature uid = sigs.next();
        PGPSignatureSubpacketVector hashed = uid.getHashedSubPackets();
        assertThat(hashed.getPreferredSymmetricAlgorithms())
                .containsExactly(
                        SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128);
        assertThat(hashed.getPreferredHashAlgorithms())
                .containsExactly(HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256);
        assertThat(hashed.getFeatures().getFeatures()).isEqualTo((byte) 0x01);
        assertThat(uid.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA512);
    }

    @Test
    void theSecretIsProtectedAndAWrongPassphraseIsSaidSo() {
        assertThat(KEY.needsPassphrase()).isTrue();
        KEY.ring
                .getSecretKeys()
                .forEachRemaining(
                        k -> {
                            assertThat(k.getKeyEncryptionAlgorithm())
                                    .isEqualTo(SymmetricKeyAlgorithmTags.AES_256);
                            assertThat(k.getS2KUsage()).isEqualTo(254);
                        });
        assertThatThrownBy(() -> KEY.unlock("wrong".toCharArray()))
                .isInstanceOf(PassphraseException.class)
                .hasMessageContaining("wrong passphrase");
        assertThat(KEY.unlock("pw".toCharArray()).certificate()).isEqualTo(KEY.certificate());
    }

    /**
     * RFC 9580 keys carry the validity asked for, and none for "never" (Bouncy Castle's default is
     * five years).
     */
    @Test
    void v6KeysExpireWhenAskedAndNeverWhenAskedNot() {
        Instant created = Instant.parse("2026-06-01T00:00:00Z");
        Key day =
                KeyGenerator.generate(
                        Profile.RFC9580, "v6 day", new char[0], created, Duration.ofDays(1));
        assertThat(day.certificate().expires()).contains(created.plus(Duration.ofDays(1)));
        Key never = KeyGenerator.generate(Profile.RFC9580, "v6 never", new char[0], created, null);
        assertThat(never.certificate().expires()).isEmpty();
        Key v4never =
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT, "v4 never", new char[0], created, null);
        assertThat(v4never.certificate().expires()).isEmpty();
    }

    /**
     * An expired v6 signer or recipient gets the exit of an expired key (13, 18), not "no key
     * material" (10).
     */
    @Test
    void anExpiredV6KeyIsSaidToBeExpired() {
        Instant created = Instant.now().minus(Duration.ofDays(3));
        Key expired =
                KeyGenerator.generate(
                        Profile.RFC9580, "v6 expired", new char[0], created, Duration.ofDays(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                expired.certificate()
                                        .checkUsableAt(Instant.now(), Certificate.Role.SIGNER))
                .isInstanceOf(org.sealpack.failure.SignerExpiredException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                expired.certificate()
                                        .checkUsableAt(Instant.now(), Certificate.Role.RECIPIENT))
                .isInstanceOf(org.sealpack.failure.RecipientUnusableException.class);
    }
}
