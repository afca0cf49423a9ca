package org.sealpack.pgp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.ECDHPublicBCPGKey;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyUtils;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.AbstractPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPPad;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.RFC6637Utils;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.util.Arrays;
import org.sealpack.failure.SealpackException;

/**
 * The one way sealpack recovers a session key from a Public-Key Encrypted Session Key packet: the
 * {@link SecretKey} does the secret operation (an RSA decryption, or an ECDH agreement giving the
 * shared secret), and this class the rest: for ECDH the key derivation of RFC 6637 section 7 (RFC
 * 9580 11.5) and the AES key unwrap (RFC 3394) and padding; for X25519/X448 (RFC 9580 5.1.6/5.1.7)
 * HKDF and the unwrap. Bulk decryption is then the JDK's ({@link BulkCfb}).
 */
final class SessionKeys extends AbstractPublicKeyDataDecryptorFactory {
    private final SecretKey key;
    private final PGPPublicKey part;

    /** Only for its data decryptors, which need no key. */
    private final BcPublicKeyDataDecryptorFactory data;

    private SessionKeys(SecretKey key, PGPPublicKey part) {
        this.key = key;
        this.part = part;
        this.data =
                new BcPublicKeyDataDecryptorFactory(
                        new PGPPrivateKey(part.getKeyID(), part.getPublicKeyPacket(), null));
    }

    /** The decryptor factory for the part (an encryption subkey) of the key. */
    static PublicKeyDataDecryptorFactory of(SecretKey key, PGPPublicKey part) {
        return BulkCfb.wrap(new SessionKeys(key, part));
    }

    @Override
    public byte[] recoverSessionData(int algorithm, byte[][] encrypted, int pkeskVersion)
            throws PGPException {
        if (algorithm != part.getAlgorithm()) {
            throw new PGPException(
                    "the session key is encrypted with algorithm "
                            + algorithm
                            + ", the key is "
                            + part.getAlgorithm());
        }
        try {
            return switch (algorithm) {
                case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT ->
                        key.rsaDecrypt(
                                part, Arrays.copyOfRange(encrypted[0], 2, encrypted[0].length));
                case PublicKeyAlgorithmTags.ECDH -> ecdh(encrypted[0]);
                case PublicKeyAlgorithmTags.X25519 ->
                        xdh(encrypted[0], 32, pkeskVersion, "OpenPGP X25519", false);
                case PublicKeyAlgorithmTags.X448 ->
                        xdh(encrypted[0], 56, pkeskVersion, "OpenPGP X448", true);
                default ->
                        throw new PGPException(
                                "sealpack cannot decrypt with a "
                                        + Names.publicKey(algorithm)
                                        + " key");
            };
        } catch (SealpackException e) {
            throw e; // the key holder's own failure (the agent: cancelled, no card, ...)
        } catch (RuntimeException | InvalidCipherTextException | IOException e) {
            throw new PGPException(
                    "the session key does not decrypt with this key: " + e.getMessage(), e);
        }
    }

    /**
     * RFC 6637: shared secret, KDF (hash of 00000001 || x || parameters), AES key unwrap, padding.
     */
    private byte[] ecdh(byte[] encrypted)
            throws PGPException, IOException, InvalidCipherTextException {
        byte[][] pointAndWrapped = parseECDHEncSessionKey(encrypted);
        byte[] x = key.agree(part, pointAndWrapped[0]);
        ECDHPublicBCPGKey params = (ECDHPublicBCPGKey) part.getPublicKeyPacket().getKey();
        byte[] userKeyingMaterial =
                RFC6637Utils.createUserKeyingMaterial(
                        part.getPublicKeyPacket(), Crypto.fingerprints());
        MessageDigest hash;
        try {
            hash =
                    MessageDigest.getInstance(
                            DigestSigner.jdkName(params.getHashAlgorithm()) == null
                                    ? "unsupported"
                                    : DigestSigner.jdkName(params.getHashAlgorithm()));
        } catch (NoSuchAlgorithmException e) {
            throw new PGPException(
                    "unsupported ECDH key derivation hash " + params.getHashAlgorithm(), e);
        }
        hash.update(new byte[] {0, 0, 0, 1});
        hash.update(x);
        hash.update(userKeyingMaterial);
        byte[] kek = Arrays.copyOf(hash.digest(), keyLength(params.getSymmetricKeyAlgorithm()));
        byte[] unwrapped =
                BcPublicKeyDataDecryptorFactory.unwrapSessionData(
                        pointAndWrapped[1],
                        params.getSymmetricKeyAlgorithm(),
                        new KeyParameter(kek));
        return PGPPad.unpadSessionData(unwrapped);
    }

    /**
     * RFC 9580 5.1.6/5.1.7: HKDF over ephemeral || recipient key || shared secret, then AES key
     * unwrap.
     */
    private byte[] xdh(byte[] encrypted, int size, int pkeskVersion, String info, boolean x448)
            throws PGPException, InvalidCipherTextException {
        byte[][] ephemeralAndWrapped =
                parseXDHEncSessionKey(encrypted, size, containsSKAlg(pkeskVersion));
        byte[] ephemeral = ephemeralAndWrapped[0];
        byte[] shared = key.agree(part, ephemeral);
        byte[] ikm;
        try {
            ikm =
                    Arrays.concatenate(
                            ephemeral, part.getPublicKeyPacket().getKey().getEncoded(), shared);
        } catch (RuntimeException e) {
            throw new PGPException("the recipient key cannot be encoded", e);
        }
        HKDFBytesGenerator hkdf =
                new HKDFBytesGenerator(x448 ? new SHA512Digest() : new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, null, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] kek = new byte[x448 ? 32 : 16];
        hkdf.generateBytes(kek, 0, kek.length);
        return BcPublicKeyDataDecryptorFactory.unwrapSessionData(
                ephemeralAndWrapped[1], SymmetricKeyAlgorithmTags.AES_128, new KeyParameter(kek));
    }

    /**
     * The key length of the AES key wrap the key's ECDH parameters name (RFC 6637 allows AES only).
     */
    private static int keyLength(int symmetricAlgorithm) throws PGPException {
        if (!Names.cipher(symmetricAlgorithm).startsWith("AES-")) {
            throw new PGPException("unsupported ECDH key wrap algorithm " + symmetricAlgorithm);
        }
        return SymmetricKeyUtils.getKeyLengthInOctets(symmetricAlgorithm);
    }

    @Override
    public PGPDataDecryptor createDataDecryptor(
            boolean withIntegrityPacket, int algorithm, byte[] sessionKey) throws PGPException {
        return data.createDataDecryptor(withIntegrityPacket, algorithm, sessionKey);
    }

    @Override
    public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket packet, PGPSessionKey sessionKey)
            throws PGPException {
        return data.createDataDecryptor(packet, sessionKey);
    }

    @Override
    public PGPDataDecryptor createDataDecryptor(
            SymmetricEncIntegrityPacket packet, PGPSessionKey sessionKey) throws PGPException {
        return data.createDataDecryptor(packet, sessionKey);
    }
}
