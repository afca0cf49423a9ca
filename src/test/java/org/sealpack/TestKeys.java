package org.sealpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.pgp.KeyGenerator;
import org.sealpack.seal.Passphrases;

/**
 * Real keys for tests, generated once per test JVM by sealpack's own generator and written to files
 * (NAME.key.asc, NAME.cert.asc, NAME.passphrase) so the CLI and gpg can use them too.
 */
public final class TestKeys {
    public static final String SIGNER = "signer";
    public static final String FORGER = "forger";
    private static final Path DIR;
    private static final Map<String, Key> KEYS = new HashMap<>();

    static {
        try {
            DIR = Files.createTempDirectory("sealpack-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestKeys() {}

    public static synchronized Key key(String name) {
        return KEYS.computeIfAbsent(
                name,
                n -> {
                    String userId = n + " (sealpack test key) <" + n + "@example.org>";
                    // Re-protected under the cheapest S2K: unlocking is not what the tests that use
                    // these keys test.
                    Key key =
                            org.sealpack.pgp.CheapKeys.reprotect(
                                    KeyGenerator.generate(
                                            org.sealpack.pgp.Profile.DEFAULT,
                                            userId,
                                            passphrase(n).toCharArray(),
                                            Instant.now().minus(java.time.Duration.ofDays(30)),
                                            null),
                                    passphrase(n).toCharArray());
                    try {
                        Files.writeString(DIR.resolve(n + ".key.asc"), key.armored());
                        Files.writeString(
                                DIR.resolve(n + ".cert.asc"), key.certificate().armored());
                        Files.writeString(DIR.resolve(n + ".passphrase"), passphrase(n) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return key;
                });
    }

    public static Certificate cert(String name) {
        return key(name).certificate();
    }

    public static String passphrase(String name) {
        return "correct horse " + name;
    }

    public static Passphrases passphrases(String name) {
        return k -> passphrase(name).toCharArray();
    }

    public static Path keyFile(String name) {
        key(name);
        return DIR.resolve(name + ".key.asc");
    }

    public static Path certFile(String name) {
        key(name);
        return DIR.resolve(name + ".cert.asc");
    }

    public static Path passphraseFile(String name) {
        key(name);
        return DIR.resolve(name + ".passphrase");
    }

    /** Reads the key back from its file, as a user's command would. */
    public static Key reread(String name) {
        key(name);
        return KeyFiles.readSecretKey(keyFile(name));
    }

    public static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
