package org.sealpack.report;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    /**
     * What keys generate made.
     *
     * @param v6 whether of the rfc9580 profile (v6), else the default (v4)
     * @param expires when it expires, or null for never
     * @param unprotected whether the secret key has no passphrase
     * @param keyFile the secret key's file, or null when it went into the keyring
     * @param certFile the certificate's file, or null when it went into the keyring
     * @param keyring the keyring's file it went into, or null when written to files
     */
    public record Generated(
            String userId,
            String fingerprint,
            boolean v6,
            Instant expires,
            boolean unprotected,
            Path keyFile,
            Path certFile,
            Path keyring,
            Path lost,
            Path compromised) {}

    /** keys generate: the key, where it is, and what each revocation certificate is for. */
    public static void generated(PrintWriter out, Generated g) {
        out.println(
                "Generated "
                        + Untrusted.of(g.userId())
                        + " ("
                        + (g.v6() ? "rfc9580 profile, v6" : "default profile, v4")
                        + (g.expires() == null
                                ? ", no expiry"
                                : ", expires " + People.time(g.expires()))
                        + ")");
        out.println("  fingerprint: " + People.fingerprint(g.fingerprint()));
        if (g.unprotected()) {
            out.println(
                    "  protection:  UNPROTECTED (no passphrase): anyone who copies the key file can use it");
        }
        if (g.keyring() == null) {
            out.println("  secret key:  " + g.keyFile() + " (keep it private; back it up)");
            out.println("  certificate: " + g.certFile() + " (give this to others)");
        } else {
            out.println("  stored in:   " + g.keyring());
        }
        out.println("  revocation certificates (keep both offline, apart from the key):");
        out.println("  if lost:     " + g.lost());
        out.println(
                "               import it if the key is lost and nobody else can have it (what it signed until then stays valid)");
        out.println("  if stolen:   " + g.compromised());
        out.println(
                "               import it if someone else may hold the key (nothing it signed can be trusted)");
    }
}
