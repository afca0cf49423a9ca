package org.sealpack.pgp;

import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Consumer;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.Ed25519PublicBCPGKey;
import org.bouncycastle.bcpg.EdDSAPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.util.BigIntegers;

/**
 * Verifying Ed25519 signatures (legacy EdDSA, algorithm 22, and RFC 9580's Ed25519, algorithm 27)
 * hashing the data once, on the JDK's SHA-2 (processor instructions), and running Ed25519 only over
 * the 32- or 64-byte digest, as the format defines (signing hashes once for every algorithm: {@link
 * DigestSigner}). Bouncy Castle's own EdDSA-legacy operators hash every byte twice (measured: 909
 * MB/s against 1,882 MB/s for one JDK SHA-256 pass on the same machine). Other algorithms use
 * Bouncy Castle's JCA operators unchanged.
 */
final class HashOnce {
    private HashOnce() {}

    static boolean handles(PGPPublicKey key, int hashAlgorithm) {
        if (jdkName(hashAlgorithm) == null) {
            return false;
        }
        BCPGKey material = key.getPublicKeyPacket().getKey();
        return key.getAlgorithm() == PublicKeyAlgorithmTags.EDDSA_LEGACY
                        && material instanceof EdDSAPublicBCPGKey
                || key.getAlgorithm() == PublicKeyAlgorithmTags.Ed25519
                        && material instanceof Ed25519PublicBCPGKey;
    }

    private static String jdkName(int hashAlgorithm) {
        return switch (hashAlgorithm) {
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            default -> null;
        };
    }

    private static MessageDigest newDigest(int hashAlgorithm) throws PGPException {
        try {
            return MessageDigest.getInstance(jdkName(hashAlgorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new PGPException("no " + jdkName(hashAlgorithm), e);
        }
    }

    private static OutputStream into(MessageDigest md) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                md.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                md.update(b, off, len);
            }
        };
    }

    /**
     * A verifier provider: hash-once for Ed25519 legacy keys, Bouncy Castle's JCA verifier
     * otherwise.
     */
    static PGPContentVerifierBuilderProvider verifiers(PGPContentVerifierBuilderProvider fallback) {
        return verifiers(fallback, v -> {});
    }

    /**
     * As {@link #verifiers(PGPContentVerifierBuilderProvider)}, handing each hash-once verifier
     * built to the consumer.
     */
    static PGPContentVerifierBuilderProvider verifiers(
            PGPContentVerifierBuilderProvider fallback, Consumer<Verifier> built) {
        return (keyAlgorithm, hashAlgorithm) -> {
            PGPContentVerifierBuilder other = fallback.get(keyAlgorithm, hashAlgorithm);
            return key -> {
                if (!handles(key, hashAlgorithm)) {
                    Crypto.bouncyCastle();
                    return other.build(key);
                }
                Verifier v = new Verifier(key, hashAlgorithm);
                built.accept(v);
                return v;
            };
        };
    }

    /** Verifies over the digest it computed; {@link #digest()} gives that digest afterwards. */
    static final class Verifier implements PGPContentVerifier {
        private final PGPPublicKey key;
        private final int hashAlgorithm;
        private final MessageDigest md;
        private final OutputStream out;
        private byte[] digest;

        Verifier(PGPPublicKey key, int hashAlgorithm) throws PGPException {
            this.key = key;
            this.hashAlgorithm = hashAlgorithm;
            this.md = newDigest(hashAlgorithm);
            this.out = into(md);
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        byte[] digest() {
            return digest;
        }

        @Override
        public boolean verify(byte[] expected) {
            digest = md.digest();
            if (expected.length != Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            BCPGKey material = key.getPublicKeyPacket().getKey();
            if (material instanceof Ed25519PublicBCPGKey v6) {
                // RFC 9580 Ed25519 (27): the 32 raw bytes of the key, the signature over the
                // digest.
                byte[] encoded = v6.getKey();
                return encoded.length == Ed25519.PUBLIC_KEY_SIZE
                        && Ed25519.verify(expected, 0, encoded, 0, digest, 0, digest.length);
            }
            BigInteger point = ((EdDSAPublicBCPGKey) material).getEncodedPoint();
            byte[] encoded = BigIntegers.asUnsignedByteArray(33, point);
            if (encoded[0] != 0x40) {
                return false;
            }
            return Ed25519.verify(expected, 0, encoded, 1, digest, 0, digest.length);
        }

        @Override
        public int getHashAlgorithm() {
            return hashAlgorithm;
        }

        @Override
        public int getKeyAlgorithm() {
            return key.getAlgorithm();
        }

        @Override
        public long getKeyID() {
            return key.getKeyID();
        }
    }
}
