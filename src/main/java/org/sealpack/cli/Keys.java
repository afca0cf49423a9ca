package org.sealpack.cli;

import java.util.ArrayList;
import java.util.List;

import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Keyring;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.seal.KeySelector;

/** Turns KEY and CERT arguments (file, full fingerprint, or user-ID substring) into keys and certificates. */
final class Keys {
    private Keys() {
    }

    static List<Certificate> certificates(List<String> selectors, Keyring keyring) {
        return selectors.stream().map(s -> KeySelector.certificate(s, keyring)).toList();
    }

    /** The keys named, or every secret key in the keyring when none is named. */
    static List<KeyHandle> secretKeys(List<String> selectors, Keyring keyring) {
        if (selectors == null || selectors.isEmpty()) {
            return List.<KeyHandle>copyOf(keyring.secretKeys());
        }
        return selectors.stream().<KeyHandle>map(s -> KeySelector.secretKey(s, keyring)).toList();
    }

    /** The certificates a recipient's key ID may be named by: those given, the keyring's, those of the keys used. */
    static List<Certificate> known(List<Certificate> given, Keyring keyring, List<? extends KeyHandle> keys) {
        List<Certificate> all = new ArrayList<>(given);
        keys.forEach(k -> all.add(k.certificate()));
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
