package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.UntrustedSignerException;

class SignaturesTest {
    static final Key SIGNER =
            KeyGenerator.generate(
                    org.sealpack.pgp.Profile.DEFAULT,
                    "Signer",
                    "a".toCharArray(),
                    Instant.now().minusSeconds(10),
                    null);
    static final Key RECIPIENT =
            KeyGenerator.generate(
                    org.sealpack.pgp.Profile.DEFAULT,
                    "Recipient",
                    "b".toCharArray(),
                    Instant.now().minusSeconds(10),
                    null);
    static final byte[] DATA = "tag manifest\n".getBytes();

    static byte[] sign() {
        return Signatures.signDetached(
                SIGNER.unlock("a".toCharArray()),
                DATA,
                List.of(RECIPIENT.certificate()),
                Instant.now());
    }

    @Test
    void intendedRecipientFingerprintsAreNonCriticalAndReadBack() throws IOException {
        byte[] armored = sign();
        PGPSignature sig =
                ((PGPSignatureList)
                                new PGPObjectFactory(
                                                PGPUtil.getDecoderStream(
                                                        new ByteArrayInputStream(armored)),
                                                Crypto.fingerprints())
                                        .nextObject())
                        .get(0);
        SignatureSubpacket[] irfs =
                sig.getHashedSubPackets()
                        .getSubpackets(SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT);
        assertThat(irfs).hasSize(1);
        assertThat(irfs[0].isCritical()).isFalse();
        assertThat(sig.getUnhashedSubPackets().toArray()).isEmpty();

        SignatureCheck check =
                Signatures.verifyDetached(armored, DATA, List.of(SIGNER.certificate()), "test");
        assertThat(check.signer()).isEqualTo(SIGNER.certificate());
        assertThat(check.intendedRecipients())
                .containsExactly(RECIPIENT.certificate().fingerprint());
    }

    @Test
    void alteredDataAndUntrustedSignersFail() {
        byte[] armored = sign();
        assertThatThrownBy(
                        () ->
                                Signatures.verifyDetached(
                                        armored,
                                        "other\n".getBytes(),
                                        List.of(SIGNER.certificate()),
                                        "test"))
                .isInstanceOf(BadSignatureException.class);
        assertThatThrownBy(
                        () ->
                                Signatures.verifyDetached(
                                        armored, DATA, List.of(RECIPIENT.certificate()), "test"))
                .isInstanceOf(UntrustedSignerException.class)
                .hasMessageContaining(Hex.grouped(SIGNER.fingerprint()));
        assertThatThrownBy(
                        () ->
                                Signatures.verifyDetached(
                                        "junk".getBytes(),
                                        DATA,
                                        List.of(SIGNER.certificate()),
                                        "test"))
                .isInstanceOf(BadSignatureException.class);
    }
}
