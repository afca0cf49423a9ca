package org.sealpack.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sealpack.gnupg.GnuPG;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.GnuPGKeys;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.Keyring;
import org.sealpack.seal.Home;
import org.sealpack.seal.KeySelector;

/**
 * Where keys and certificates come from: the keyring (opened on first use), files, and keys GnuPG
 * holds ({@code gpg:SELECTOR}, used through its agent). Turns what a user writes for KEY and CERT
 * (a file, a full fingerprint, a user-ID substring, gpg:SELECTOR) into keys and certificates, so
 * the command line handles only the words.
 */
public final class KeySources {
    private final Path homeOption;
    private Keyring keyring;

    private KeySources(Path homeOption) {
        this.homeOption = homeOption;
    }

    /** The keyring at --home DIR, or at the default place when {@code home} is null. */
    public static KeySources at(Path home) {
        return new KeySources(home);
    }

    /** The user's home directory ($HOME). */
    public static Path userHome() {
        return Path.of(Home.userHome(System.getenv(), System.getProperty("user.home")));
    }

    /** The keyring, opened on first use. */
    Keyring keyring() {
        if (keyring == null) {
            keyring =
                    Keyring.open(
                            Home.resolve(
                                    homeOption, System.getenv(), System.getProperty("user.home")));
        }
        return keyring;
    }

    /** The keyring's directory. */
    public Path home() {
        return keyring().home();
    }

    Certificate certificate(String selector) {
        return KeySelector.certificate(selector, keyring());
    }

    List<Certificate> certificates(List<String> selectors) {
        return selectors.stream().map(this::certificate).toList();
    }

    KeyHandle key(String selector) {
        return KeySelector.key(selector, keyring());
    }

    Key secretKey(String selector) {
        return KeySelector.secretKey(selector, keyring());
    }

    /** The certificates named, or every certificate in the keyring when none is named. */
    List<Certificate> trusted(List<String> selectors) {
        return KeySelector.trusted(selectors, keyring());
    }

    /**
     * The keys named (files, keyring, gpg:SELECTOR), or when none is named every secret key in the
     * keyring and then, if GnuPG is installed, any key its agent holds for a recipient (asked only
     * if none of the keyring's is a recipient).
     */
    List<KeyHandle> secretKeys(List<String> selectors) {
        if (selectors == null || selectors.isEmpty()) {
            List<KeyHandle> all = new ArrayList<>(keyring().secretKeys());
            if (GnuPG.installed()) {
                all.add(GnuPGKeys.any());
            }
            return all;
        }
        return selectors.stream().map(this::key).toList();
    }

    /**
     * The certificates a recipient's key ID may be named by: those given, the keyring's, those of
     * the keys used.
     */
    List<Certificate> known(List<Certificate> given, List<? extends KeyHandle> keys) {
        List<Certificate> all = new ArrayList<>(given);
        keys.stream().filter(k -> !(k instanceof GnuPGKeys)).forEach(k -> all.add(k.certificate()));
        try {
            all.addAll(keyring().certificates());
        } catch (RuntimeException unreadable) {
            // a keyring that cannot be read only means fewer names
        }
        return all;
    }

    List<Certificate> known(List<Certificate> given) {
        return known(given, List.of());
    }
}
