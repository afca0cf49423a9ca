package org.sealpack.cli;

import java.util.ArrayList;
import java.util.List;
import org.sealpack.gnupg.GnuPG;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.GnuPGKeys;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.Keyring;
import org.sealpack.seal.KeySelector;

/**
 * Turns KEY and CERT arguments (file, full fingerprint, user-ID substring, or gpg:SELECTOR) into
 * keys and certificates.
 */
final class Keys {
    private Keys() {}

    static List<Certificate> certificates(List<String> selectors, Keyring keyring) {
        return selectors.stream().map(s -> KeySelector.certificate(s, keyring)).toList();
    }

    /**
     * The keys named (files, keyring, gpg:SELECTOR), or when none is named every secret key in the
     * keyring and then, if GnuPG is installed, any key its agent holds for a recipient (asked only
     * if none of the keyring's is a recipient).
     */
    static List<KeyHandle> secretKeys(List<String> selectors, Keyring keyring) {
        if (selectors == null || selectors.isEmpty()) {
            List<KeyHandle> all = new ArrayList<>(keyring.secretKeys());
            if (GnuPG.installed()) {
                all.add(GnuPGKeys.any());
            }
            return all;
        }
        return selectors.stream().map(s -> KeySelector.key(s, keyring)).toList();
    }

    /**
     * The certificates a recipient's key ID may be named by: those given, the keyring's, those of
     * the keys used.
     */
    static List<Certificate> known(
            List<Certificate> given, Keyring keyring, List<? extends KeyHandle> keys) {
        List<Certificate> all = new ArrayList<>(given);
        keys.stream().filter(k -> !(k instanceof GnuPGKeys)).forEach(k -> all.add(k.certificate()));
        try {
            all.addAll(keyring.certificates());
        } catch (RuntimeException unreadable) {
            // a keyring that cannot be read only means fewer names
        }
        return all;
    }

    static List<Certificate> known(List<Certificate> given, Keyring keyring) {
        return known(given, keyring, List.of());
    }
}
