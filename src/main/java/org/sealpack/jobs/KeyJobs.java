package org.sealpack.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.Keyring;
import org.sealpack.seal.KeySelector;
import org.sealpack.seal.Passphrases;
import org.sealpack.text.Untrusted;

/**
 * The key workflows, offline: import, export, delete, revoke, change a passphrase. The command line
 * binds their arguments, asks what must be asked at the terminal, and prints what they return; a
 * step that needs a person's yes in between (delete, revoke) is a prepared job whose {@code run()}
 * does it.
 */
public final class KeyJobs {
    private KeyJobs() {}

    /**
     * Imports every file, telling {@code each} what it imported as it goes, and saves the keyring
     * once at the end.
     */
    public static void importFiles(
            Keyring keyring, List<Path> files, Consumer<Keyring.Imported> each) {
        for (Path file : files) {
            keyring.importFile(file).forEach(each);
        }
        keyring.save();
    }

    /** The armored certificate (or secret key) the selector names. */
    public static String export(Keyring keyring, String selector, boolean secret) {
        return secret
                ? KeySelector.secretKey(selector, keyring).armored()
                : KeySelector.certificate(selector, keyring).armored();
    }

    /** Writes an export to a new file (mode 0600 for a secret key). */
    public static void exportTo(Path output, String text, boolean secret) {
        if (Files.exists(output)) {
            throw new OutputExistsException(output + " exists", "choose another file name");
        }
        try {
            writeNew(output, text, secret);
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot write " + output + ": " + e.getMessage(), "check the directory");
        }
    }

    /**
     * Writes a new file (never over an existing one); a secret one is created with mode 0600 before
     * any byte is in it.
     */
    public static void writeNew(Path file, String text, boolean secret) throws IOException {
        if (secret) {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
    }

    /**
     * A certificate (and with {@code secret} its secret key) to remove from the keyring, once
     * confirmed.
     */
    public record Deletion(Keyring keyring, Certificate certificate, boolean secret) {
        public boolean hasSecret() {
            return keyring.secretKey(certificate).isPresent();
        }

        public Untrusted description() {
            return certificate.description();
        }

        public String fingerprint() {
            return certificate.fingerprint();
        }

        public Untrusted userId() {
            return certificate.userId();
        }

        public void run() {
            keyring.delete(certificate, secret);
            keyring.save();
        }
    }

    public static Deletion deletion(Keyring keyring, String selector, boolean secret) {
        return new Deletion(keyring, KeySelector.certificate(selector, keyring), secret);
    }

    /** The reasons of RFC 9580 5.2.3.31, as typed. */
    public enum Reason {
        compromised(KeyEditor.Reason.COMPROMISED),
        superseded(KeyEditor.Reason.SUPERSEDED),
        retired(KeyEditor.Reason.RETIRED),
        unspecified(KeyEditor.Reason.UNSPECIFIED);

        final KeyEditor.Reason reason;

        Reason(KeyEditor.Reason reason) {
            this.reason = reason;
        }

        /** Whether it voids every signature the key ever made, not only later ones. */
        public boolean voidsAll() {
            return reason == KeyEditor.Reason.COMPROMISED || reason == KeyEditor.Reason.UNSPECIFIED;
        }
    }

    /** A secret key to revoke, once confirmed. */
    public record Revocation(Keyring keyring, Key key, Reason reason) {
        public Untrusted description() {
            return key.description();
        }

        public String fingerprint() {
            return key.fingerprint();
        }

        /** Revokes the key (unlocking it with its passphrase) and saves the keyring. */
        public void run(Passphrases passphrases, String description) {
            Key revoked =
                    KeyEditor.revoke(
                            key,
                            Passphrases.unlock(key, passphrases),
                            reason.reason,
                            description,
                            Instant.now());
            keyring.put(revoked);
            keyring.save();
        }
    }

    public static Revocation revocation(Keyring keyring, String selector, Reason reason) {
        return new Revocation(keyring, KeySelector.secretKey(selector, keyring), reason);
    }

    /**
     * Protects the key with a new passphrase (empty: none) and saves the keyring; both passphrases
     * are wiped.
     */
    public static void changePassphrase(Keyring keyring, Key key, char[] old, char[] fresh) {
        try {
            keyring.put(KeyEditor.changePassphrase(key, old, fresh));
            keyring.save();
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(fresh, '\0');
        }
    }
}
