package org.sealpack.pgp;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;

/**
 * The one way sealpack signs: the data is hashed here, once, on the JDK's SHA-2 (processor
 * instructions), and only the digest goes to the {@link SecretKey}, which signs it in memory or
 * asks GnuPG's agent to. Bouncy Castle's signature generator around it writes the packet as usual.
 */
final class DigestSigner implements PGPContentSignerBuilder {
    private final SecretKey key;
    private final PGPPublicKey part;
    private final int hashAlgorithm;

    private DigestSigner(SecretKey key, PGPPublicKey part, int hashAlgorithm) {
        this.key = key;
        this.part = part;
        this.hashAlgorithm = hashAlgorithm;
    }

    /**
     * A signature generator of the given type over the key's signing part at that time, ready for
     * subpackets and data.
     */
    static PGPSignatureGenerator generator(
            SecretKey key, int hashAlgorithm, int signatureType, Date at) throws PGPException {
        PGPPublicKey part = key.signingKey(at);
        PGPSignatureGenerator generator =
                new PGPSignatureGenerator(new DigestSigner(key, part, hashAlgorithm), part);
        // Bouncy Castle wants a private key object: this one carries only the public part (the
        // secret
        // stays with the SecretKey).
        generator.init(
                signatureType, new PGPPrivateKey(part.getKeyID(), part.getPublicKeyPacket(), null));
        return generator;
    }

    /** The JDK's name of a SHA-2 hash (the only ones sealpack signs with), or null. */
    static String jdkName(int hashAlgorithm) {
        String name = Names.hash(hashAlgorithm);
        return name.matches("SHA-(224|256|384|512)") ? name : null;
    }

    @Override
    public PGPContentSigner build(int signatureType, PGPPrivateKey ignored) throws PGPException {
        String name = jdkName(hashAlgorithm);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(name == null ? "unsupported" : name);
        } catch (NoSuchAlgorithmException e) {
            throw new PGPException(
                    "sealpack signs with SHA-2 only, not hash algorithm " + hashAlgorithm, e);
        }
        OutputStream out =
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        md.update((byte) b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        md.update(b, off, len);
                    }
                };
        return new PGPContentSigner() {
            private byte[] digest;
            private byte[] signature;

            @Override
            public OutputStream getOutputStream() {
                return out;
            }

            @Override
            public byte[] getDigest() {
                if (digest == null) {
                    digest = md.digest();
                }
                return digest.clone();
            }

            @Override
            public byte[] getSignature() {
                if (signature == null) {
                    signature = key.signDigest(part, hashAlgorithm, getDigest());
                }
                return signature.clone();
            }

            @Override
            public int getType() {
                return signatureType;
            }

            @Override
            public int getHashAlgorithm() {
                return hashAlgorithm;
            }

            @Override
            public int getKeyAlgorithm() {
                return part.getAlgorithm();
            }

            @Override
            public long getKeyID() {
                return part.getKeyID();
            }
        };
    }
}
