package org.sealpack.pgp;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;

/** Human names for OpenPGP algorithm numbers. */
final class Names {
    private Names() {}

    static String hash(int id) {
        return switch (id) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD-160";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> "hash algorithm " + id;
        };
    }

    static String cipher(int id) {
        return switch (id) {
            case SymmetricKeyAlgorithmTags.NULL -> "no encryption";
            case SymmetricKeyAlgorithmTags.IDEA -> "IDEA";
            case SymmetricKeyAlgorithmTags.TRIPLE_DES -> "3DES";
            case SymmetricKeyAlgorithmTags.CAST5 -> "CAST5";
            case SymmetricKeyAlgorithmTags.BLOWFISH -> "Blowfish";
            case SymmetricKeyAlgorithmTags.AES_128 -> "AES-128";
            case SymmetricKeyAlgorithmTags.AES_192 -> "AES-192";
            case SymmetricKeyAlgorithmTags.AES_256 -> "AES-256";
            case SymmetricKeyAlgorithmTags.TWOFISH -> "Twofish";
            case SymmetricKeyAlgorithmTags.CAMELLIA_128 -> "Camellia-128";
            case SymmetricKeyAlgorithmTags.CAMELLIA_192 -> "Camellia-192";
            case SymmetricKeyAlgorithmTags.CAMELLIA_256 -> "Camellia-256";
            default -> "cipher " + id;
        };
    }

    static String compression(int id) {
        return switch (id) {
            case CompressionAlgorithmTags.UNCOMPRESSED -> "'uncompressed' (algorithm 0)";
            case CompressionAlgorithmTags.ZIP -> "ZIP";
            case CompressionAlgorithmTags.ZLIB -> "ZLIB";
            case CompressionAlgorithmTags.BZIP2 -> "BZip2";
            default -> "compression algorithm " + id;
        };
    }

    static String publicKey(int id) {
        return switch (id) {
            case PublicKeyAlgorithmTags.RSA_GENERAL,
                    PublicKeyAlgorithmTags.RSA_ENCRYPT,
                    PublicKeyAlgorithmTags.RSA_SIGN ->
                    "RSA";
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL ->
                    "ElGamal";
            case PublicKeyAlgorithmTags.DSA -> "DSA";
            case PublicKeyAlgorithmTags.ECDH -> "ECDH";
            case PublicKeyAlgorithmTags.ECDSA -> "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "EdDSA";
            case PublicKeyAlgorithmTags.X25519 -> "X25519";
            case PublicKeyAlgorithmTags.X448 -> "X448";
            case PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
            case PublicKeyAlgorithmTags.Ed448 -> "Ed448";
            default -> "public-key algorithm " + id;
        };
    }
}
