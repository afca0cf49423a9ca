package org.sealpack.pgp;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.agreement.X448Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;
import org.bouncycastle.util.BigIntegers;
import org.sealpack.failure.KeyException;

/**
 * The secret operations of a key sealpack holds in memory, on Bouncy Castle's lightweight API (no
 * JCA provider to register): signing a digest, an RSA decryption, an ECDH agreement. Deterministic
 * ECDSA (RFC 6979), so no random number is needed to sign.
 */
final class LocalSecrets {
    private LocalSecrets() {}

    private static AsymmetricKeyParameter convert(PGPPrivateKey key) {
        try {
            return new BcPGPKeyConverter().getPrivateKey(key);
        } catch (PGPException | RuntimeException e) {
            throw new KeyException(
                    "the secret key cannot be used: " + e.getMessage(),
                    "restore the key from its backup",
                    e);
        }
    }

    static byte[] sign(PGPPrivateKey key, int hashAlgorithm, byte[] digest) {
        AsymmetricKeyParameter secret = convert(key);
        try {
            if (secret instanceof Ed25519PrivateKeyParameters ed) {
                byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
                ed.sign(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signature, 0);
                return signature;
            }
            if (secret instanceof Ed448PrivateKeyParameters ed) {
                byte[] signature = new byte[Ed448.SIGNATURE_SIZE];
                ed.sign(Ed448.Algorithm.Ed448, new byte[0], digest, 0, digest.length, signature, 0);
                return signature;
            }
            if (secret instanceof RSAKeyParameters rsa) {
                AsymmetricBlockCipher pkcs1 = new PKCS1Encoding(new RSABlindedEngine());
                pkcs1.init(true, rsa);
                byte[] info =
                        new DigestInfo(
                                        new AlgorithmIdentifier(
                                                digestOid(hashAlgorithm), DERNull.INSTANCE),
                                        digest)
                                .getEncoded();
                return pkcs1.processBlock(info, 0, info.length);
            }
            if (secret instanceof ECPrivateKeyParameters ec) {
                ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                ecdsa.init(true, ec);
                BigInteger[] rs = ecdsa.generateSignature(digest);
                return new DERSequence(
                                new org.bouncycastle.asn1.ASN1Encodable[] {
                                    new ASN1Integer(rs[0]), new ASN1Integer(rs[1])
                                })
                        .getEncoded();
            }
        } catch (IOException | InvalidCipherTextException | RuntimeException e) {
            throw new KeyException("cannot sign: " + e.getMessage(), null, e);
        }
        throw new KeyException(
                "sealpack cannot sign with a "
                        + Names.publicKey(key.getPublicKeyPacket().getAlgorithm())
                        + " key",
                "use an Ed25519, RSA or ECDSA key");
    }

    /** The DigestInfo algorithm of PKCS #1 v1.5 signatures: SHA-2 only. */
    static ASN1ObjectIdentifier digestOid(int hashAlgorithm) {
        return switch (String.valueOf(DigestSigner.jdkName(hashAlgorithm))) {
            case "SHA-224" -> NISTObjectIdentifiers.id_sha224;
            case "SHA-256" -> NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> NISTObjectIdentifiers.id_sha384;
            case "SHA-512" -> NISTObjectIdentifiers.id_sha512;
            default ->
                    throw new IllegalArgumentException(
                            "no RSA signatures with hash algorithm " + hashAlgorithm);
        };
    }

    /** Throws an unchecked exception other than a failure when the ciphertext does not decrypt. */
    static byte[] rsaDecrypt(PGPPrivateKey key, byte[] ciphertext) {
        if (!(convert(key) instanceof RSAKeyParameters rsa)) {
            throw new IllegalArgumentException("not an RSA key");
        }
        AsymmetricBlockCipher pkcs1 = new PKCS1Encoding(new RSABlindedEngine());
        pkcs1.init(false, rsa);
        try {
            return pkcs1.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("the session key does not decrypt with this key", e);
        }
    }

    static byte[] agree(PGPPrivateKey key, byte[] ephemeral) {
        AsymmetricKeyParameter secret = convert(key);
        if (secret instanceof X25519PrivateKeyParameters x) {
            byte[] u = withoutPrefix(ephemeral, X25519PublicKeyParameters.KEY_SIZE);
            byte[] shared = new byte[32];
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(x);
            agreement.calculateAgreement(new X25519PublicKeyParameters(u, 0), shared, 0);
            return shared;
        }
        if (secret instanceof X448PrivateKeyParameters x) {
            byte[] u = withoutPrefix(ephemeral, X448PublicKeyParameters.KEY_SIZE);
            byte[] shared = new byte[56];
            X448Agreement agreement = new X448Agreement();
            agreement.init(x);
            agreement.calculateAgreement(new X448PublicKeyParameters(u, 0), shared, 0);
            return shared;
        }
        if (secret instanceof ECPrivateKeyParameters ec) {
            var domain = ec.getParameters();
            ECDHBasicAgreement agreement = new ECDHBasicAgreement();
            agreement.init(ec);
            BigInteger x =
                    agreement.calculateAgreement(
                            new ECPublicKeyParameters(
                                    domain.getCurve().decodePoint(ephemeral), domain));
            return BigIntegers.asUnsignedByteArray((domain.getCurve().getFieldSize() + 7) / 8, x);
        }
        throw new IllegalArgumentException("not a key agreement key");
    }

    /**
     * The u coordinate of an X25519/X448 key: raw, or after the 0x40 of the legacy ECDH encoding.
     */
    private static byte[] withoutPrefix(byte[] ephemeral, int size) {
        if (ephemeral.length == size + 1 && ephemeral[0] == 0x40) {
            return Arrays.copyOfRange(ephemeral, 1, ephemeral.length);
        }
        if (ephemeral.length != size) {
            throw new IllegalArgumentException(
                    "the ephemeral key has " + ephemeral.length + " bytes, not " + size);
        }
        return ephemeral;
    }
}
