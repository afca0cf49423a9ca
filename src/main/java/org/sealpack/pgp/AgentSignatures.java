package org.sealpack.pgp;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cryptlib.CryptlibObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.bcpg.ECDHPublicBCPGKey;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;
import org.bouncycastle.util.BigIntegers;
import org.sealpack.failure.AgentProtocolException;
import org.sealpack.gnupg.SExpression;

/**
 * What GnuPG's agent answers, turned into what OpenPGP needs and checked: its signature values into
 * the form a Bouncy Castle content signer gives, each verified here against the certificate's key;
 * the PKCS #1 padding of a decrypted RSA session key; the x coordinate of an ECDH shared point.
 */
final class AgentSignatures {
    private static final String HINT =
            "restart it with `gpgconf --kill gpg-agent`; check what listens on its socket";

    private AgentSignatures() {}

    /**
     * The agent's "(sig-val (ALGO (r ..) (s ..)))" for the part's algorithm, as a content signer's
     * bytes.
     */
    static byte[] fromAgent(SExpression.Node answer, PGPPublicKey part) {
        if (!answer.is("sig-val")) {
            throw broken("it is not a sig-val");
        }
        switch (part.getAlgorithm()) {
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> {
                SExpression.Node v = values(answer, "eddsa");
                byte[] signature = new byte[64];
                System.arraycopy(fixed(v.value("r"), 32), 0, signature, 0, 32);
                System.arraycopy(fixed(v.value("s"), 32), 0, signature, 32, 32);
                return signature;
            }
            case PublicKeyAlgorithmTags.ECDSA -> {
                SExpression.Node v = values(answer, "ecdsa");
                try {
                    return new DERSequence(
                                    new ASN1Encodable[] {
                                        new ASN1Integer(positive(v.value("r"), 67)),
                                        new ASN1Integer(positive(v.value("s"), 67))
                                    })
                            .getEncoded();
                } catch (IOException e) {
                    throw broken("its ECDSA values cannot be encoded");
                }
            }
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN -> {
                SExpression.Node v = values(answer, "rsa");
                return BigIntegers.asUnsignedByteArray(positive(v.value("s"), 1025));
            }
            default ->
                    throw broken(
                            "sealpack does not sign with algorithm "
                                    + part.getAlgorithm()
                                    + " through the agent");
        }
    }

    private static SExpression.Node values(SExpression.Node answer, String algorithm) {
        SExpression.Node v = answer.list(algorithm);
        if (v == null) {
            throw broken("it is not an " + algorithm + " signature, which the key makes");
        }
        return v;
    }

    /**
     * A value of at most {@code size} bytes (leading zero bytes beyond it are allowed), left-padded
     * to it.
     */
    private static byte[] fixed(byte[] value, int size) {
        if (value == null) {
            throw broken("a signature value is missing");
        }
        int start = 0;
        while (value.length - start > size && value[start] == 0) {
            start++;
        }
        if (value.length - start > size) {
            throw broken("a signature value is longer than " + size + " bytes");
        }
        byte[] out = new byte[size];
        System.arraycopy(value, start, out, size - (value.length - start), value.length - start);
        return out;
    }

    private static BigInteger positive(byte[] value, int maxBytes) {
        if (value == null || value.length == 0 || value.length > maxBytes) {
            throw broken("a signature value is missing or too long");
        }
        return new BigInteger(1, value);
    }

    private static AgentProtocolException broken(String why) {
        return new AgentProtocolException(
                "GnuPG's agent answered with a signature sealpack cannot use: " + why, HINT);
    }

    /**
     * Whether the signature (content signer form) verifies over the digest with the part's public
     * key.
     */
    static boolean verifies(PGPPublicKey part, int hashAlgorithm, byte[] digest, byte[] signature) {
        try {
            AsymmetricKeyParameter key = new BcPGPKeyConverter().getPublicKey(part);
            if (key instanceof Ed25519PublicKeyParameters ed) {
                return signature.length == Ed25519.SIGNATURE_SIZE
                        && ed.verify(
                                Ed25519.Algorithm.Ed25519,
                                null,
                                digest,
                                0,
                                digest.length,
                                signature,
                                0);
            }
            if (key instanceof RSAKeyParameters rsa) {
                AsymmetricBlockCipher pkcs1 = new PKCS1Encoding(new RSAEngine());
                pkcs1.init(false, rsa);
                byte[] recovered = pkcs1.processBlock(signature, 0, signature.length);
                byte[] expected =
                        new DigestInfo(
                                        new AlgorithmIdentifier(
                                                LocalSecrets.digestOid(hashAlgorithm),
                                                DERNull.INSTANCE),
                                        digest)
                                .getEncoded();
                return Arrays.equals(recovered, expected);
            }
            if (key instanceof ECPublicKeyParameters ec) {
                ASN1Sequence rs = ASN1Sequence.getInstance(signature);
                ECDSASigner ecdsa = new ECDSASigner();
                ecdsa.init(false, ec);
                return rs.size() == 2
                        && ecdsa.verifySignature(
                                digest,
                                ASN1Integer.getInstance(rs.getObjectAt(0)).getValue(),
                                ASN1Integer.getInstance(rs.getObjectAt(1)).getValue());
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The session key block inside PKCS #1 v1.5 encryption padding (0 2 nonzero... 0 block), as gpg
     * unpads it.
     */
    static byte[] unpadPkcs1(byte[] padded) {
        int i = padded.length > 0 && padded[0] == 0 ? 1 : 0;
        if (padded.length < i + 11 || padded[i] != 2) {
            throw new IllegalArgumentException("the decrypted session key is not PKCS #1 padded");
        }
        int start = i + 1;
        for (i = start; i < padded.length && padded[i] != 0; i++) {
            // the random padding
        }
        if (i >= padded.length || i - start < 8) {
            throw new IllegalArgumentException("the decrypted session key is not PKCS #1 padded");
        }
        return Arrays.copyOfRange(padded, i + 1, padded.length);
    }

    /**
     * The x coordinate of the agent's shared point, as gpg takes it (g10/ecdh.c extract_secret_x):
     * the bare x, 0x40 or 0x41 || x (Curve25519), or 0x04 || x || y (NIST curves).
     */
    static byte[] sharedX(byte[] point, PGPPublicKey part) {
        ECDHPublicBCPGKey key = (ECDHPublicBCPGKey) part.getPublicKeyPacket().getKey();
        int size;
        if (key.getCurveOID().equals(CryptlibObjectIdentifiers.curvey25519)) {
            size = 32;
        } else {
            var curve = ECNamedCurveTable.getByOID(key.getCurveOID());
            if (curve == null) {
                throw new AgentProtocolException(
                        "the ECDH key of "
                                + Hex.keyId(part.getKeyID())
                                + " is on a curve sealpack"
                                + " does not know",
                        null);
            }
            size = (curve.getCurve().getFieldSize() + 7) / 8;
        }
        if (point.length == size) {
            return point;
        }
        if (point.length == size + 1 && (point[0] == 0x40 || point[0] == 0x41)) {
            return Arrays.copyOfRange(point, 1, point.length);
        }
        if (point.length == 2 * size + 1 && point[0] == 0x04) {
            return Arrays.copyOfRange(point, 1, 1 + size);
        }
        throw new AgentProtocolException(
                "GnuPG's agent answered the ECDH decryption with a "
                        + point.length
                        + "-byte value, which is no shared point of the key's curve",
                HINT);
    }
}
