package org.sealpack.pgp;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.sealpack.failure.KeyException;

/**
 * A secret key ready for use: something that can sign a digest and decrypt a session key, wherever
 * its secret lives. sealpack's own keys ({@link UnlockedKey}: decrypted in memory from the keyring
 * or a file) and keys held by GnuPG's agent ({@link AgentKey}: in its store or on an OpenPGP card)
 * are the two kinds. Every signature sealpack makes (outer, bag, receipt) hashes its data in
 * sealpack and asks the key to sign only the digest ({@link DigestSigner}); every session key is
 * recovered by one decryptor ({@link SessionKeys}), which asks the key for the one secret operation
 * (an RSA decryption, an ECDH agreement) and does the rest (key derivation, unwrapping, checksum)
 * itself.
 *
 * <p>The operations name a part of the key (primary key or subkey) by its public key; they are for
 * this package (Bouncy Castle types); other packages see the certificate and who holds the secret.
 */
public interface SecretKey {
    Certificate certificate();

    /**
     * Who holds the secret, for people: "sealpack" for a key sealpack read itself, else e.g.
     * "GnuPG".
     */
    String heldBy();

    /** Whether the secret of the part (primary key or subkey) with this key ID is at hand. */
    boolean canUse(long keyId);

    /**
     * Signs a digest made with the hash algorithm (OpenPGP ID) with the part. The signature is in
     * the form a Bouncy Castle content signer gives: RSA the signature value, ECDSA a DER SEQUENCE
     * of r and s, EdDSA the 64 bytes R || S.
     */
    byte[] signDigest(PGPPublicKey part, int hashAlgorithm, byte[] digest);

    /**
     * RSA: the session key block (symmetric algorithm, key, checksum) decrypted and its PKCS #1
     * padding removed.
     */
    byte[] rsaDecrypt(PGPPublicKey part, byte[] ciphertext);

    /**
     * ECDH and X25519/X448: the shared secret of the part's key with the sender's ephemeral public
     * key (as the packet holds it: 0x40 || u for Curve25519 and X448 of the legacy ECDH, 0x04 || x
     * || y for NIST curves, the raw key for algorithms 25 and 26): the x coordinate the key
     * derivation hashes.
     */
    byte[] agree(PGPPublicKey part, byte[] ephemeral);

    /** The part that signs at the given time: a valid signing key whose secret is at hand. */
    default PGPPublicKey signingKey(Date at) {
        for (PGPPublicKey k : certificate().signingKeys(at)) {
            if (canUse(k.getKeyID())) {
                return k;
            }
        }
        throw new KeyException(
                "the key "
                        + certificate().describe()
                        + " has no valid signing key"
                        + ("sealpack".equals(heldBy()) ? "" : " held by " + heldBy()),
                "check that the key is not expired or revoked");
    }

    /**
     * The parts whose secret is at hand: what an anonymous file's hidden recipients are tried with.
     */
    default List<PGPPublicKey> usableParts() {
        List<PGPPublicKey> parts = new ArrayList<>();
        for (PGPPublicKey k : certificate().ring) {
            if (canUse(k.getKeyID())) {
                parts.add(k);
            }
        }
        return parts;
    }
}
