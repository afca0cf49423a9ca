package org.sealpack.seal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sealpack.failure.AmbiguousKeyException;
import org.sealpack.failure.CertificateNotKeyException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.NoSuchKeyException;
import org.sealpack.failure.UsageException;
import org.sealpack.gnupg.GnuPG;
import org.sealpack.pgp.AgentKey;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.Keyring;

/**
 * Resolves what a user writes for KEY or CERT: a file path, a full fingerprint, or a user-ID
 * substring (name, e-mail) that matches exactly one keyring entry; or {@code gpg:SELECTOR}, a key
 * GnuPG holds (a fingerprint or a part of a user ID that matches exactly one of GnuPG's keys): its
 * certificate from `gpg --export`, trusted for this run because it was named, its secret used
 * through GnuPG's agent. A short key ID is never enough.
 */
public final class KeySelector {
    private static final Pattern SHORT_ID =
            Pattern.compile("(0[xX])?([0-9A-Fa-f]{8}|[0-9A-Fa-f]{16})");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}");

    private KeySelector() {}

    /**
     * Whether the selector is a full fingerprint (v4 or v6; spaces allowed), not a name or file.
     */
    public static boolean isFingerprint(String selector) {
        return FINGERPRINT.matcher(selector.replace(" ", "")).matches();
    }

    public static Certificate certificate(String selector, Keyring keyring) {
        if (GnuPG.names(selector)) {
            return keyring.withWhatItHolds(
                    AgentKey.certificate(selector.substring(GnuPG.PREFIX.length())));
        }
        Path file = Path.of(selector);
        if (Files.isRegularFile(file)) {
            return keyring.withWhatItHolds(KeyFiles.readCertificate(file));
        }
        return select(selector, keyring.certificates(), c -> c, "certificate", keyring);
    }

    /**
     * A KEY: sealpack's own (a file, or in the keyring), or {@code gpg:SELECTOR}, held by GnuPG's
     * agent.
     */
    public static KeyHandle key(String selector, Keyring keyring) {
        if (GnuPG.names(selector)) {
            return AgentKey.find(selector.substring(GnuPG.PREFIX.length()));
        }
        return secretKey(selector, keyring);
    }

    /**
     * sealpack's own secret key (a file, or in the keyring): for what only sealpack's keys can do
     * (passwd, revoke).
     */
    public static Key secretKey(String selector, Keyring keyring) {
        if (GnuPG.names(selector)) {
            throw new UsageException(
                    "'"
                            + selector
                            + "' is a key held by GnuPG, which this command"
                            + " cannot change",
                    "manage it with gpg (`gpg --edit-key`, `gpg --generate-revocation`)");
        }
        Path file = Path.of(selector);
        if (Files.isRegularFile(file)) {
            return keyring.withWhatItHolds(KeyFiles.readSecretKey(file));
        }
        try {
            return select(selector, keyring.secretKeys(), Key::certificate, "secret key", keyring);
        } catch (NoSuchKeyException e) {
            Certificate cert = certificateOrNull(selector, keyring);
            if (cert != null) {
                throw new CertificateNotKeyException(
                        "the keyring holds only the certificate of "
                                + cert.describe()
                                + ", but a secret key is needed here",
                        "import the secret key (`sealpack keys import KEY.asc`), or name its file");
            }
            throw e;
        }
    }

    /** The certificates named, or every certificate in the keyring when none is named. */
    public static List<Certificate> trusted(List<String> selectors, Keyring keyring) {
        if (selectors == null || selectors.isEmpty()) {
            return keyring.certificates();
        }
        return selectors.stream().map(s -> certificate(s, keyring)).toList();
    }

    private static Certificate certificateOrNull(String selector, Keyring keyring) {
        try {
            return select(selector, keyring.certificates(), c -> c, "certificate", keyring);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> T select(
            String selector,
            List<T> entries,
            Function<T, Certificate> cert,
            String what,
            Keyring keyring) {
        if (selector.contains("/") || selector.matches(".*\\.(asc|pgp|gpg|key|cert)")) {
            throw new InputException("key file not found: " + selector, "check the path");
        }
        String compact = selector.replace(" ", "");
        if (FINGERPRINT.matcher(compact).matches()) {
            String fpr = compact.toUpperCase(Locale.ROOT);
            return entries.stream()
                    .filter(e -> cert.apply(e).fingerprint().equals(fpr))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new NoSuchKeyException(
                                            "no "
                                                    + what
                                                    + " with fingerprint "
                                                    + fpr
                                                    + " in the keyring "
                                                    + keyring.home(),
                                            "import it (`sealpack keys import FILE`), or name its file; `sealpack keys list` shows the keyring"));
        }
        if (SHORT_ID.matcher(compact).matches()) {
            throw new NoSuchKeyException(
                    "'"
                            + selector
                            + "' looks like a short key ID, which is never enough to choose a key",
                    "give the full fingerprint ('sealpack keys list' shows it), a name or e-mail, or a file");
        }
        String needle = selector.toLowerCase(Locale.ROOT);
        List<T> matches =
                entries.stream()
                        .filter(
                                e ->
                                        cert.apply(e).userIds().stream()
                                                .anyMatch(
                                                        u ->
                                                                u.toLowerCase(Locale.ROOT)
                                                                        .contains(needle)))
                        .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new NoSuchKeyException(
                    "no file and no "
                            + what
                            + " in the keyring "
                            + keyring.home()
                            + " matches '"
                            + selector
                            + "'",
                    "check the name, list the keyring with 'sealpack keys list', or give a file path");
        }
        throw new AmbiguousKeyException(
                "'"
                        + selector
                        + "' matches "
                        + matches.size()
                        + " keys: "
                        + matches.stream()
                                .map(e -> cert.apply(e).describe())
                                .collect(Collectors.joining("; ")),
                "give the full fingerprint of the one you mean");
    }
}
