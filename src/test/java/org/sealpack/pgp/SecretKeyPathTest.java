package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one signing and decryption path ({@link DigestSigner}, {@link SessionKeys}) with sealpack's
 * own keys of every algorithm GnuPG's agent is used with: RSA, ECDSA/ECDH on NIST P-256, P-384 and
 * P-521, and (from the test keys) Ed25519/Curve25519. Each signature is checked by Bouncy Castle's
 * own verifier, each session key was made by Bouncy Castle's own encryptor.
 */
class SecretKeyPathTest {
    static Key generate(String kind) throws Exception {
        Date now = new Date(System.currentTimeMillis() - 60_000);
        PGPKeyPair primary;
        PGPKeyPair encryption;
        if (kind.equals("rsa")) {
            RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
            rsa.init(
                    new RSAKeyGenerationParameters(
                            BigInteger.valueOf(65537), new SecureRandom(), 2048, 80));
            primary =
                    new BcPGPKeyPair(
                            PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), now);
            encryption =
                    new BcPGPKeyPair(
                            PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), now);
        } else {
            var curve = NISTNamedCurves.getByName(kind);
            ECDomainParameters domain =
                    new org.bouncycastle.crypto.params.ECNamedDomainParameters(
                            NISTNamedCurves.getOID(kind), curve);
            ECKeyPairGenerator ec = new ECKeyPairGenerator();
            ec.init(new ECKeyGenerationParameters(domain, new SecureRandom()));
            primary = new BcPGPKeyPair(PublicKeyAlgorithmTags.ECDSA, ec.generateKeyPair(), now);
            encryption = new BcPGPKeyPair(PublicKeyAlgorithmTags.ECDH, ec.generateKeyPair(), now);
        }
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        PGPSignatureSubpacketGenerator sub = new PGPSignatureSubpacketGenerator();
        sub.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        PGPKeyRingGenerator rings =
                new PGPKeyRingGenerator(
                        PGPSignature.POSITIVE_CERTIFICATION,
                        primary,
                        "Test " + kind + " <" + kind + "@example.org>",
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                        hashed.generate(),
                        null,
                        new BcPGPContentSignerBuilder(
                                primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                        null);
        rings.addSubKey(encryption, sub.generate(), null);
        return new Key(rings.generateSecretKeyRing());
    }

    static Key key(String kind) throws Exception {
        return kind.equals("ed25519") ? org.sealpack.TestKeys.key("alice") : generate(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "P-256", "P-384", "P-521", "ed25519"})
    void signsDigestsThatBouncyCastleVerifies(String kind) throws Exception {
        Key key = key(kind);
        UnlockedKey unlocked = key.unlock(org.sealpack.TestKeys.passphrase("alice").toCharArray());
        for (int hash : new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA512}) {
            byte[] data =
                    ("a statement signed with " + kind)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            PGPSignatureGenerator generator =
                    DigestSigner.generator(
                            unlocked, hash, PGPSignature.BINARY_DOCUMENT, new Date());
            generator.setHashedSubpackets(
                    Signatures.baseSubpackets(unlocked.signingKey(new Date()), new Date())
                            .generate());
            generator.update(data);
            PGPSignature signature = generator.generate();
            signature.init(
                    new BcPGPContentVerifierBuilderProvider(), unlocked.signingKey(new Date()));
            signature.update(data);
            assertThat(signature.verify()).as(kind + " hash " + hash).isTrue();
        }
        byte[] detached =
                Signatures.signDetached(unlocked, "manifest".getBytes(), List.of(), Instant.now());
        assertThat(
                        Signatures.verifyDetached(
                                        detached,
                                        "manifest".getBytes(),
                                        List.of(key.certificate()),
                                        "it")
                                .signer())
                .isEqualTo(key.certificate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "P-256", "P-384", "P-521", "ed25519"})
    void recoversSessionKeysBouncyCastleEncrypted(String kind) throws Exception {
        Key key = key(kind);
        var recipient = key.certificate().encryptionKey(new Date());
        PGPEncryptedDataGenerator generator =
                new PGPEncryptedDataGenerator(
                        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                                .setWithIntegrityPacket(true));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(recipient));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = generator.open(bytes, new byte[1 << 10])) {
            out.write("x".getBytes());
        }
        PGPEncryptedDataList list =
                (PGPEncryptedDataList)
                        new PGPObjectFactory(
                                        new ByteArrayInputStream(bytes.toByteArray()),
                                        Crypto.fingerprints())
                                .nextObject();
        PGPPublicKeyEncryptedData pk = (PGPPublicKeyEncryptedData) list.get(0);
        UnlockedKey unlocked = key.unlock(org.sealpack.TestKeys.passphrase("alice").toCharArray());
        var session = pk.getSessionKey(SessionKeys.of(unlocked, recipient));
        assertThat(session.getAlgorithm()).isEqualTo(SymmetricKeyAlgorithmTags.AES_256);
        assertThat(pk.getDataStream(SessionKeys.of(unlocked, recipient)).readAllBytes())
                .isNotEmpty();
        assertThat((PGPEncryptedData) pk).isNotNull();
    }
}
