package org.sealpack.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.UsageException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.KeyGenerator;
import org.sealpack.pgp.Keyring;
import org.sealpack.report.Json;
import org.sealpack.report.KeysReport;
import org.sealpack.report.People;
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
     * Imports every file, showing what it imported as it goes, and saves the keyring once at the
     * end.
     */
    public static void importFiles(KeySources keys, List<Path> files, PrintWriter out) {
        Keyring keyring = keys.keyring();
        for (Path file : files) {
            keyring.importFile(file).forEach(imported -> KeysReport.imported(out, imported));
        }
        keyring.save();
        out.println(
                "Compare each fingerprint with its owner over another channel before you trust it.");
    }

    /** keys list: for people, or as the JSON document. */
    public static void list(KeySources keys, Output out) {
        if (out.wantsJson()) {
            Json.print(out.json(), KeysReport.json(keys.keyring()));
        } else {
            KeysReport.list(out.text(), keys.keyring());
        }
    }

    static final String LOST = ".lost.rev.asc";
    static final String COMPROMISED = ".compromised.rev.asc";

    /**
     * keys generate: a key pair and its two revocation certificates ("lost" and "compromised"),
     * offline, into the keyring (the revocations into HOME/revocations/) or as four files in a
     * directory; then what was made and where, and what each revocation is for.
     */
    public static void generate(KeySources keys, NewKey n, PrintWriter out) {
        Path keyFile = null;
        Path certFile = null;
        Path lostFile = null;
        Path compromisedFile = null;
        Path directory = n.directory();
        if (directory != null) {
            String base = n.baseName() != null ? n.baseName() : NewKey.slug(n.name());
            keyFile = directory.resolve(base + ".key.asc");
            certFile = directory.resolve(base + ".cert.asc");
            lostFile = directory.resolve(base + LOST);
            compromisedFile = directory.resolve(base + COMPROMISED);
            for (Path p : new Path[] {keyFile, certFile, lostFile, compromisedFile}) {
                if (Files.exists(p)) {
                    throw new OutputExistsException(
                            p + " exists", "choose another --file-name or directory");
                }
            }
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new InputException(
                        directory + " is a file, not a directory", "name a directory with -o");
            }
        }
        char[] secret = n.passphrase() == null ? new char[0] : n.passphrase().forNewKey();
        Instant now = Instant.now();
        Duration validity = n.validity();
        Key key = KeyGenerator.generate(n.profile().profile, n.userId(), secret, now, validity);
        var unlocked = key.unlock(secret);
        String lost =
                KeyEditor.revocationCertificate(
                        unlocked,
                        KeyEditor.Reason.RETIRED,
                        "key lost: no longer used; what it signed before this revocation was received stays valid",
                        now);
        String compromised =
                KeyEditor.revocationCertificate(
                        unlocked,
                        KeyEditor.Reason.COMPROMISED,
                        "key compromised: someone else may hold it; nothing it signed can be trusted",
                        now);
        Arrays.fill(secret, '\0');
        try {
            if (directory != null) {
                if (!Files.isDirectory(directory)) {
                    // A new directory for a secret key: readable by its owner only.
                    Files.createDirectories(
                            directory,
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rwx------")));
                }
                writeNew(keyFile, key.armored(), true);
                writeNew(certFile, key.certificate().armored(), false);
                writeNew(lostFile, lost, true);
                writeNew(compromisedFile, compromised, true);
            } else {
                Keyring keyring = keys.keyring();
                keyring.put(key);
                keyring.save();
                Path revocations = keyring.home().resolve("revocations");
                Files.createDirectories(revocations);
                lostFile = revocations.resolve(key.fingerprint() + LOST);
                compromisedFile = revocations.resolve(key.fingerprint() + COMPROMISED);
                writeNew(lostFile, lost, true);
                writeNew(compromisedFile, compromised, true);
            }
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot write the key files: " + e.getMessage(), "check the directory");
        }
        KeysReport.generated(
                out,
                new KeysReport.Generated(
                        n.userId(),
                        key.fingerprint(),
                        n.profile() == NewKey.KeyProfile.RFC9580,
                        validity == null ? null : now.plus(validity),
                        n.passphrase() == null,
                        keyFile,
                        certFile,
                        directory == null ? keys.home().resolve(Keyring.FILE) : null,
                        lostFile,
                        compromisedFile));
    }

    /** The armored certificate (or secret key) the selector names. */
    public static String export(KeySources keys, String selector, boolean secret) {
        return secret ? keys.secretKey(selector).armored() : keys.certificate(selector).armored();
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

        /**
         * Asks at the terminal (if there is one) what is about to go, then deletes it; returns what
         * was done.
         */
        public String confirmAndRun() {
            Confirmation.require(
                    "delete",
                    "Deleting " + description() + " from the keyring " + keyring.home() + ".",
                    secret && hasSecret()
                            ? "This deletes your SECRET KEY too: without a backup, nothing sealed to it can be opened again."
                            : "Its signatures will no longer be trusted until you import it again.");
            keyring.delete(certificate, secret);
            keyring.save();
            return "deleted " + People.fingerprint(fingerprint()) + " " + userId();
        }
    }

    /**
     * keys delete: without a terminal to confirm at, only a full fingerprint names what to delete.
     */
    public static Deletion deletion(KeySources keys, String selector, boolean secret) {
        if (!Confirmation.possible() && !KeySelector.isFingerprint(selector)) {
            throw new UsageException(
                    "without a terminal to confirm it, 'keys delete' needs the full fingerprint, not '"
                            + selector
                            + "'",
                    "see 'sealpack keys list' for the fingerprint");
        }
        return new Deletion(keys.keyring(), keys.certificate(selector), secret);
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
        public String confirmAndRun(PassphraseSource passphrases, String description) {
            Confirmation.require(
                    "revoke",
                    "Revoking " + description() + " as '" + reason + "'.",
                    reason.voidsAll()
                            ? "This voids EVERY signature the key ever made: every archive it sealed will fail"
                                    + " verification wherever this revocation reaches."
                            : "Signatures made before now stay valid; any made after now are void.",
                    "A revocation cannot be taken back.");
            Key revoked =
                    KeyEditor.revoke(
                            key,
                            Passphrases.unlock(key, passphrases.forUnlocking()),
                            reason.reason,
                            description,
                            Instant.now());
            keyring.put(revoked);
            keyring.save();
            return "revoked "
                    + People.fingerprint(fingerprint())
                    + " ("
                    + reason
                    + "); export it with 'sealpack keys"
                    + " export "
                    + fingerprint()
                    + "' and send it to your correspondents";
        }
    }

    public static Revocation revocation(KeySources keys, String selector, Reason reason) {
        return new Revocation(keys.keyring(), keys.secretKey(selector), reason);
    }

    /**
     * Protects the key with a new passphrase ({@code fresh} null: none, the key is then stored
     * unprotected), asking for the current one first, and saves the keyring; both passphrases are
     * wiped. Returns how the key is named to people.
     */
    public static String changePassphrase(
            KeySources keys, String selector, PassphraseSource current, PassphraseSource fresh) {
        Keyring keyring = keys.keyring();
        Key key = keys.secretKey(selector);
        char[] old =
                key.needsPassphrase()
                        ? current.promptingToUnlock("Current passphrase for ")
                                .forUnlocking()
                                .passphraseFor(key)
                        : new char[0];
        char[] next =
                fresh == null
                        ? new char[0]
                        : fresh.prompting("New passphrase for " + key.description() + ": ")
                                .forNewKey();
        try {
            keyring.put(KeyEditor.changePassphrase(key, old, next));
            keyring.save();
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(next, '\0');
        }
        return People.certificate(key.certificate());
    }
}
