package org.sealpack.pgp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.jcajce.JcaAEADSecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * Test keys that are cheap to unlock: the same key material and passphrase, protected under the
 * smallest S2K (1,024 bytes of SHA-256 for v4, Argon2 with 1 MiB and one pass for v6) instead of
 * the 32 MiB that real keys cost. Hundreds of test runs unlock keys where unlocking is not what is
 * tested.
 */
public final class CheapKeys {
    private static Path copy;

    private CheapKeys() {}

    /** The key protected by the same passphrase under the cheapest S2K. */
    public static Key reprotect(Key key, char[] passphrase) {
        if (!key.needsPassphrase()) {
            return key;
        }
        Crypto.bouncyCastle();
        try {
            PBESecretKeyDecryptor decryptor =
                    new JcePBESecretKeyDecryptorBuilder(Crypto.digests()).build(passphrase);
            List<PGPSecretKey> cheap = new ArrayList<>();
            for (PGPSecretKey k : key.ring) {
                PBESecretKeyEncryptor encryptor =
                        k.getPublicKey().getVersion() == 6
                                ? new JcaAEADSecretKeyEncryptorBuilder(
                                                AEADAlgorithmTags.OCB,
                                                SymmetricKeyAlgorithmTags.AES_256,
                                                new S2K.Argon2Params(
                                                        1, 1, 10, new java.security.SecureRandom()))
                                        .build(passphrase, k.getPublicKey().getPublicKeyPacket())
                                : new JcePBESecretKeyEncryptorBuilder(
                                                SymmetricKeyAlgorithmTags.AES_256,
                                                Crypto.digests().get(HashAlgorithmTags.SHA256),
                                                0x00)
                                        .build(passphrase);
                cheap.add(
                        k.isPrivateKeyEmpty()
                                ? k
                                : PGPSecretKey.copyWithNewPassword(k, decryptor, encryptor));
            }
            return new Key(new PGPSecretKeyRing(cheap));
        } catch (PGPException e) {
            throw new IllegalStateException("cannot re-protect a test key", e);
        }
    }

    /**
     * A copy of the committed test keys (src/test/resources/keys) with every secret key
     * re-protected cheaply, made once per test JVM.
     */
    public static synchronized Path testKeys(Path committed) {
        if (copy != null) {
            return copy;
        }
        try {
            Path dir = Files.createTempDirectory("sealpack-cheap-keys");
            try (var files = Files.list(committed)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    Path passphrase = committed.resolve(name.replace(".key.asc", ".passphrase"));
                    if (name.endsWith(".key.asc") && Files.exists(passphrase)) {
                        char[] secret = Files.readString(passphrase).strip().toCharArray();
                        Files.writeString(
                                dir.resolve(name),
                                reprotect(KeyFiles.readSecretKey(f), secret).armored());
                    } else {
                        Files.copy(f, dir.resolve(name));
                    }
                }
            }
            copy = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
