package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.gnu.GNUObjectIdentifiers;
import org.bouncycastle.bcpg.Ed25519PublicBCPGKey;
import org.bouncycastle.bcpg.EdDSAPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.Test;

/**
 * The hash-once verifier of Ed25519 signatures, legacy EdDSA and RFC 9580's (OpenPGP signs the
 * digest with Ed25519 in both), against a known answer from an independent source, RFC 8032 section
 * 7.1 "TEST SHA(abc)": Ed25519 over the SHA-512 digest of "abc", which is exactly what an OpenPGP
 * EdDSA signature over "abc" with SHA-512 is. And the ways it must say no.
 */
class HashOnceTest {
    static final byte[] PUBLIC =
            HexFormat.of()
                    .parseHex("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf");
    static final byte[] SIGNATURE =
            HexFormat.of()
                    .parseHex(
                            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                                    + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");

    /** The group order L of Ed25519, little-endian as S is written. */
    static final BigInteger L =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    static PGPPublicKey key(byte[] publicKey, int prefix) throws Exception {
        byte[] point = new byte[33];
        point[0] = (byte) prefix;
        System.arraycopy(publicKey, 0, point, 1, 32);
        EdDSAPublicBCPGKey bcpg =
                new EdDSAPublicBCPGKey(GNUObjectIdentifiers.Ed25519, new BigInteger(1, point));
        return new PGPPublicKey(
                new PublicKeyPacket(
                        PublicKeyPacket.VERSION_4,
                        PublicKeyAlgorithmTags.EDDSA_LEGACY,
                        new Date(0),
                        bcpg),
                Crypto.fingerprints());
    }

    /** The same public key as an RFC 9580 Ed25519 (algorithm 27) key of a v6 certificate. */
    static PGPPublicKey v6Key(byte[] publicKey) throws Exception {
        return new PGPPublicKey(
                new PublicKeyPacket(
                        PublicKeyPacket.VERSION_6,
                        PublicKeyAlgorithmTags.Ed25519,
                        new Date(0),
                        new Ed25519PublicBCPGKey(publicKey)),
                Crypto.fingerprints());
    }

    static boolean verify(PGPPublicKey key, byte[] data, byte[] signature) throws Exception {
        PGPContentVerifier verifier =
                HashOnce.verifiers(new JcaPGPContentVerifierBuilderProvider())
                        .get(key.getAlgorithm(), HashAlgorithmTags.SHA512)
                        .build(key);
        assertThat(verifier)
                .as("the hash-once path, not Bouncy Castle's")
                .isInstanceOf(HashOnce.Verifier.class);
        verifier.getOutputStream().write(data);
        return verifier.verify(signature);
    }

    @Test
    void rfc8032ShaAbcVerifies() throws Exception {
        assertThat(verify(key(PUBLIC, 0x40), "abc".getBytes(StandardCharsets.US_ASCII), SIGNATURE))
                .isTrue();
    }

    @Test
    void rfc8032ShaAbcVerifiesUnderAnRfc9580Ed25519KeyAndNothingElseDoes() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(verify(v6Key(PUBLIC), abc, SIGNATURE)).isTrue();
        assertThat(verify(v6Key(PUBLIC), "abd".getBytes(StandardCharsets.US_ASCII), SIGNATURE))
                .as("other data")
                .isFalse();
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] bad = SIGNATURE.clone();
            bad[i] ^= 0x01;
            assertThat(verify(v6Key(PUBLIC), abc, bad)).as("signature byte " + i).isFalse();
        }
        byte[] otherKey = PUBLIC.clone();
        otherKey[5] ^= 0x01;
        assertThat(verify(v6Key(otherKey), abc, SIGNATURE)).as("another key").isFalse();
        assertThat(verify(v6Key(PUBLIC), abc, java.util.Arrays.copyOf(SIGNATURE, 63)))
                .as("a short signature")
                .isFalse();
    }

    @Test
    void everyChangeIsRefused() throws Exception {
        PGPPublicKey key = key(PUBLIC, 0x40);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(verify(key, "abd".getBytes(StandardCharsets.US_ASCII), SIGNATURE))
                .as("other data")
                .isFalse();
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] bad = SIGNATURE.clone();
            bad[i] ^= 0x01;
            assertThat(verify(key, abc, bad))
                    .as("signature byte " + i + " changed (R, then S)")
                    .isFalse();
        }
        byte[] s = java.util.Arrays.copyOfRange(SIGNATURE, 32, 64);
        BigInteger sPlusL = new BigInteger(1, reverse(s)).add(L);
        byte[] malleable = SIGNATURE.clone();
        System.arraycopy(reverse(toBytes(sPlusL, 32)), 0, malleable, 32, 32);
        assertThat(verify(key, abc, malleable))
                .as("S + L: the same signature written another way")
                .isFalse();
        assertThat(verify(key, abc, java.util.Arrays.copyOf(SIGNATURE, 63)))
                .as("a short signature")
                .isFalse();
        assertThat(verify(key(PUBLIC, 0x04), abc, SIGNATURE))
                .as("a point without the 0x40 prefix")
                .isFalse();
        byte[] otherKey = PUBLIC.clone();
        otherKey[5] ^= 0x01;
        assertThat(verify(key(otherKey, 0x40), abc, SIGNATURE)).as("another key").isFalse();
    }

    static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    static byte[] toBytes(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
