package org.sealpack.pgp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.sealpack.failure.InputException;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.Staging;

/**
 * The user's keyring: certificates they chose to trust and their own secret keys, in one file,
 * {@code HOME/keyring.pgp} (mode 0600; the directory 0700), a plain sequence of OpenPGP
 * transferable keys that gpg can also read. Every change is written to a temporary file beside it
 * and renamed over the old one, so an interrupted write leaves the previous keyring intact.
 */
public final class Keyring {
    public static final String FILE = "keyring.pgp";

    private final Path home;

    /** By primary fingerprint: a certificate, or the secret key (which holds its certificate). */
    private final Map<String, Certificate> certificates = new LinkedHashMap<>();

    private final Map<String, Key> secrets = new LinkedHashMap<>();

    /** When a soft revocation made ahead (a 'lost' one) was imported, by fingerprint. */
    private final ReceivedRevocations received;

    private Keyring(Path home) {
        this.home = home;
        this.received = new ReceivedRevocations(home);
    }

    public Path home() {
        return home;
    }

    /** Opens the keyring in the home directory; an absent one is empty. */
    public static Keyring open(Path home) {
        Keyring keyring = new Keyring(home);
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return keyring;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            PGPObjectFactory factory = new PGPObjectFactory(in, Crypto.fingerprints());
            Object o;
            while ((o = factory.nextObject()) != null) {
                if (o instanceof PGPSecretKeyRing s) {
                    keyring.put(new Key(s));
                } else if (o instanceof PGPPublicKeyRing p) {
                    keyring.put(new Certificate(p));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyException(
                    "the keyring " + file + " is unreadable: " + e.getMessage(),
                    "restore it from a backup, or move it away and import your keys again",
                    e);
        }
        return keyring;
    }

    public List<Certificate> certificates() {
        return List.copyOf(certificates.values());
    }

    public List<Key> secretKeys() {
        return List.copyOf(secrets.values());
    }

    public Optional<Key> secretKey(Certificate cert) {
        return Optional.ofNullable(secrets.get(cert.fingerprint()));
    }

    /** What an import did to one key. */
    public record Imported(Certificate certificate, boolean secret, boolean updated) {}

    /**
     * Imports every key, certificate and revocation certificate in a file (armored or binary, one
     * or many): what gpg --export, gpg --export-secret-keys and sealpack write. Nothing is saved
     * until {@link #save()}.
     */
    public List<Imported> importFile(Path file) {
        List<Imported> result = new ArrayList<>();
        try {
            for (Object o : KeyFiles.objects(file)) {
                if (o instanceof PGPSecretKeyRing s) {
                    Key key = new Key(s);
                    boolean known = certificates.containsKey(key.fingerprint());
                    put(key);
                    receivedAnyLostRevocation(key.fingerprint());
                    result.add(new Imported(key.certificate(), true, known));
                } else if (o instanceof PGPPublicKeyRing p) {
                    Certificate cert = new Certificate(p);
                    boolean known = certificates.containsKey(cert.fingerprint());
                    put(cert);
                    receivedAnyLostRevocation(cert.fingerprint());
                    result.add(
                            new Imported(
                                    certificates.get(cert.fingerprint()),
                                    secrets.containsKey(cert.fingerprint()),
                                    known));
                } else if (o instanceof PGPSignatureList sigs) {
                    for (PGPSignature sig : sigs) {
                        result.add(new Imported(applyRevocation(sig, file), false, true));
                    }
                } else {
                    throw new KeyException(
                            file + " holds something other than keys and revocation certificates",
                            "give a file written by 'sealpack keys export' or 'gpg --export'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file, "check the path");
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof SealpackException s) {
                throw s;
            }
            throw new KeyException(
                    file + " is not a readable OpenPGP key file (corrupt or truncated)",
                    "export the key again from its source",
                    e);
        }
        if (result.isEmpty()) {
            throw new KeyException(
                    file + " holds no OpenPGP key",
                    "give a file written by 'sealpack keys export' or 'gpg --export'");
        }
        return result;
    }

    /**
     * A certificate imported with a 'lost' revocation in it (exported by its owner): in force from
     * now on.
     */
    private void receivedAnyLostRevocation(String fingerprint) {
        Certificate cert = certificates.get(fingerprint);
        if (received.get(fingerprint) == null
                && cert.revocation().filter(r -> !r.hard() && cert.madeAhead(r.at())).isPresent()) {
            received.record(fingerprint, Instant.now());
            certificates.put(fingerprint, cert.revocationReceived(received.get(fingerprint)));
        }
    }

    private Certificate applyRevocation(PGPSignature sig, Path file) throws PGPException {
        if (sig.getSignatureType() != PGPSignature.KEY_REVOCATION) {
            throw new KeyException(
                    file + " holds a signature that is not a key revocation",
                    "give a revocation certificate");
        }
        for (Certificate cert : certificates.values()) {
            PGPPublicKey primary = cert.ring.getPublicKey();
            if (sig.getKeyIdentifiers().stream()
                    .anyMatch(id -> id.matches(primary.getKeyIdentifier()))) {
                sig.init(Crypto.verifiers(), primary);
                if (!sig.verifyCertification(primary)) {
                    throw new KeyException(
                            "the revocation certificate in " + file + " does not verify",
                            "it is damaged or forged");
                }
                var reason =
                        sig.getHashedSubPackets() == null
                                ? null
                                : sig.getHashedSubPackets().getRevocationReason();
                int code = reason == null ? 0 : reason.getRevocationReason();
                if ((code == 1 || code == 3) && cert.madeAhead(sig.getCreationTime().toInstant())) {
                    received.record(cert.fingerprint(), Instant.now());
                }
                PGPPublicKey revoked = PGPPublicKey.addCertification(primary, sig);
                Certificate updated =
                        new Certificate(PGPPublicKeyRing.insertPublicKey(cert.ring, revoked));
                put(updated);
                return certificates.get(updated.fingerprint());
            }
        }
        throw new KeyException(
                "the revocation certificate in " + file + " is for a key not in the keyring",
                "import the certificate first: `sealpack keys import CERT.asc`");
    }

    /**
     * A certificate given by file or by GnuPG, with what the keyring holds of the same key merged
     * in: a revocation the keyring received (compromised, or 'lost' from when it was received) is
     * not undone by naming an older copy of the certificate (docs/FORMAT.md R11.2). A key the
     * keyring does not hold comes back as given.
     */
    public Certificate withWhatItHolds(Certificate given) {
        String fpr = given.fingerprint();
        Certificate held = certificates.get(fpr);
        if (held == null) {
            return given;
        }
        try {
            return new Certificate(PGPPublicKeyRing.join(given.ring, held.ring, true, true))
                    .revocationReceived(received.get(fpr));
        } catch (PGPException | RuntimeException e) {
            return held; // the keyring's copy, revocations and all
        }
    }

    /** A secret key given by file, its certificate merged with the keyring's (its revocations). */
    public Key withWhatItHolds(Key given) {
        Certificate cert = given.certificate();
        Certificate merged = withWhatItHolds(cert);
        if (merged == cert) {
            return given;
        }
        try {
            return new Key(PGPSecretKeyRing.replacePublicKeys(given.ring, merged.ring));
        } catch (RuntimeException e) {
            return given;
        }
    }

    /** Adds or merges a certificate (new signatures, user IDs and subkeys are kept). */
    public void put(Certificate cert) {
        String fpr = cert.fingerprint();
        Certificate merged = cert;
        Certificate old = certificates.get(fpr);
        if (old != null) {
            try {
                merged = new Certificate(PGPPublicKeyRing.join(old.ring, cert.ring, true, true));
            } catch (PGPException e) {
                throw new KeyException(
                        "cannot merge the new copy of " + fpr + ": " + e.getMessage(), null, e);
            }
        }
        certificates.put(fpr, merged.revocationReceived(received.get(fpr)));
        Key secret = secrets.get(fpr);
        if (secret != null) {
            secrets.put(fpr, new Key(PGPSecretKeyRing.replacePublicKeys(secret.ring, merged.ring)));
        }
    }

    /** Adds or replaces a secret key (and merges its certificate). */
    public void put(Key key) {
        String fpr = key.fingerprint();
        secrets.put(fpr, key);
        put(key.certificate());
    }

    /** Removes a certificate; its secret key too if asked, else refuses while one exists. */
    public void delete(Certificate cert, boolean withSecret) {
        String fpr = cert.fingerprint();
        if (secrets.containsKey(fpr) && !withSecret) {
            throw new KeyException(
                    "the keyring holds the secret key of " + cert.describe(),
                    "add --secret to delete the secret key too (it cannot be undone: export a backup first)");
        }
        secrets.remove(fpr);
        certificates.remove(fpr);
        received.forget(fpr);
    }

    /** Writes the keyring: to a temporary file, synced, then renamed over the old one. */
    public void save() {
        try {
            if (!Files.isDirectory(home)) {
                Files.createDirectories(
                        home,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Map.Entry<String, Certificate> e : certificates.entrySet()) {
                Key secret = secrets.get(e.getKey());
                if (secret != null) {
                    secret.ring.encode(bytes);
                } else {
                    e.getValue().ring.encode(bytes, true);
                }
            }
            Staging.recoverBeside(home.resolve(FILE)); // what a killed run left: its staged copy
            try (Staging staging = Staging.file(home.resolve(FILE))) {
                try (FileChannel channel =
                                FileChannel.open(staging.path(), StandardOpenOption.WRITE);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    out.write(bytes.toByteArray());
                    out.flush();
                    channel.force(true);
                }
                staging.commitReplacing();
            }
            received.save();
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot write the keyring in " + home + ": " + e.getMessage(),
                    "check free disk space and permissions; the previous keyring is intact");
        }
    }
}
