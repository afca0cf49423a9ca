package org.sealpack.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.Keyring;
import org.sealpack.report.Json;
import org.sealpack.text.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the keyring: fingerprint, user IDs, algorithms, dates, revocation, and whether the secret key is present.",
        footerHeading = "%nExample:%n", footer = "  sealpack keys list")
final class KeysListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Override
    public Integer call() {
        Keyring keyring = common.keyring();
        var out = common.out(spec);
        if (json) {
            java.util.List<java.util.Map<String, Object>> keys = new java.util.ArrayList<>();
            for (Certificate c : keyring.certificates()) {
                java.util.Map<String, Object> k = Json.certificate(c);
                k.put("algorithms", c.algorithms());
                k.put("version", c.version());
                k.put("created", c.created().toString());
                k.put("expires", c.expires().map(Object::toString).orElse(null));
                k.put("revoked", c.revocation().map(r -> r.at() + " (" + r.reasonName() + ")").orElse(null));
                k.put("secretKey", keyring.secretKey(c).isPresent());
                k.put("secretKeyProtected", keyring.secretKey(c).map(Key::needsPassphrase).orElse(null));
                keys.add(k);
            }
            Json.print(spec.commandLine().getOut(), Json.keyring(keys));
            return ExitCode.OK.code;
        }
        if (keyring.certificates().isEmpty()) {
            out.println("The keyring " + keyring.home() + " is empty.");
        }
        Instant now = Instant.now();
        for (Certificate c : keyring.certificates()) {
            var secretKey = keyring.secretKey(c);
            boolean secret = secretKey.isPresent();
            out.println((secret ? "key  " : "cert ") + c.fingerprint());
            for (Untrusted uid : c.names()) {
                out.println("  user ID:    " + uid);
            }
            out.println("  algorithms: " + c.algorithms() + " (v" + c.version() + ")");
            out.println("  created:    " + c.created());
            out.println("  expires:    " + c.expires().map(e -> e + (e.isBefore(now) ? " (EXPIRED)" : "")).orElse("never"));
            c.revocation().ifPresent(r -> out.println("  REVOKED:    " + r.at() + " (" + r.reasonName() + ")"));
            out.println("  secret key: " + secretKey.map(k -> k.needsPassphrase() ? "present, protected"
                    : "present, UNPROTECTED (no passphrase)").orElse("absent"));
        }
        return ExitCode.OK.code;
    }
}
