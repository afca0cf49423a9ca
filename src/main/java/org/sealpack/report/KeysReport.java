package org.sealpack.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.Keyring;
import org.sealpack.text.Untrusted;

/**
 * What the key workflows print: the keyring's list (for people and as JSON) and what an import
 * brought.
 */
public final class KeysReport {
    private KeysReport() {}

    /**
     * keys list --json: each certificate with its dates, revocation and whether its secret key is
     * here.
     */
    public static Map<String, Object> json(Keyring keyring) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Certificate c : keyring.certificates()) {
            Map<String, Object> k = Json.certificate(c);
            k.put("algorithms", c.algorithms());
            k.put("version", c.version());
            k.put("created", c.created().toString());
            k.put("expires", c.expires().map(Object::toString).orElse(null));
            k.put(
                    "revoked",
                    c.revocation().map(r -> r.at() + " (" + r.reasonName() + ")").orElse(null));
            k.put("secretKey", keyring.secretKey(c).isPresent());
            k.put(
                    "secretKeyProtected",
                    keyring.secretKey(c).map(Key::needsPassphrase).orElse(null));
            keys.add(k);
        }
        return Json.keyring(keys);
    }

    /** keys list for people. */
    public static void list(PrintWriter out, Keyring keyring) {
        if (keyring.certificates().isEmpty()) {
            out.println("The keyring " + keyring.home() + " is empty.");
        }
        Instant now = Instant.now();
        for (Certificate c : keyring.certificates()) {
            var secretKey = keyring.secretKey(c);
            boolean secret = secretKey.isPresent();
            out.println((secret ? "key  " : "cert ") + People.fingerprint(c.fingerprint()));
            for (Untrusted uid : c.names()) {
                out.println("  user ID:    " + uid);
            }
            out.println("  algorithms: " + c.algorithms() + " (v" + c.version() + ")");
            out.println("  created:    " + c.created());
            out.println(
                    "  expires:    "
                            + c.expires()
                                    .map(e -> e + (e.isBefore(now) ? " (EXPIRED)" : ""))
                                    .orElse("never"));
            c.revocation()
                    .ifPresent(
                            r ->
                                    out.println(
                                            "  REVOKED:    "
                                                    + r.at()
                                                    + " ("
                                                    + r.reasonName()
                                                    + ")"));
            out.println(
                    "  secret key: "
                            + secretKey
                                    .map(
                                            k ->
                                                    k.needsPassphrase()
                                                            ? "present, protected"
                                                            : "present, UNPROTECTED (no passphrase)")
                                    .orElse("absent"));
        }
    }

    /** One certificate or secret key an import brought. */
    public static void imported(PrintWriter out, Keyring.Imported i) {
        out.printf(
                "%s %s %s%n",
                i.updated() ? "updated" : "imported",
                i.secret() ? "secret key " : "certificate",
                People.fingerprint(i.certificate().fingerprint()));
        out.println(
                "  "
                        + i.certificate().userId()
                        + (i.certificate().isRevoked() ? "  [REVOKED]" : ""));
    }
}
