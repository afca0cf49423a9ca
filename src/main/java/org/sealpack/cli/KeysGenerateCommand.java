package org.sealpack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.pgp.KeyGenerator;
import org.sealpack.pgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a key pair: a secret key (mode 0600) and its certificate.",
            "Default profile: OpenPGP v4, Ed25519 signing + Curve25519 encryption, AES-256 protection; "
                + "GnuPG 2.2 and later read it."},
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys generate --name 'Jane Doe' --email jane@example.org -o ~/keys")
final class KeysGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--name", required = true, description = "Your name or your organisation's.")
    String name;

    @Option(names = "--email", description = "An e-mail address for the user ID.")
    String email;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory for the files.")
    Path directory;

    @Option(names = "--file-name", paramLabel = "BASE",
            description = "Names the files BASE.key.asc and BASE.cert.asc (default: from the name).")
    String baseName;

    @Option(names = "--expires", paramLabel = "WHEN", defaultValue = "2y",
            description = "Validity: Ny (years), Nm (months), Nd (days), or 'never'. Default: ${DEFAULT-VALUE}.")
    String expires;

    @Mixin
    PassphraseOptions passphrase;

    @Override
    public Integer call() {
        String userId = email == null || email.isBlank() ? name : name + " <" + email + ">";
        Duration validity = parseValidity(expires);
        String base = baseName != null ? baseName : slug(name);
        Path keyFile = directory.resolve(base + ".key.asc");
        Path certFile = directory.resolve(base + ".cert.asc");
        for (Path p : new Path[] {keyFile, certFile}) {
            if (Files.exists(p)) {
                throw new OutputExistsException(p + " exists", "choose another --file-name or directory");
            }
        }
        if (!Files.isDirectory(directory)) {
            throw new InputException("the directory " + directory + " does not exist", "create it first");
        }
        char[] secret = passphrase.forNewKey();
        SecretKey key = KeyGenerator.generate(userId, secret, Instant.now(), validity);
        java.util.Arrays.fill(secret, '\0');
        try {
            Files.writeString(keyFile, key.armored(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(certFile, key.certificate().armored(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new WriteFailedException("cannot write the key files: " + e.getMessage(), "check the directory");
        }
        var out = spec.commandLine().getOut();
        out.println("Generated " + Terminal.safe(userId));
        out.println("  fingerprint: " + key.fingerprint());
        out.println("  secret key:  " + keyFile + " (keep it private; back it up)");
        out.println("  certificate: " + certFile + " (give this to others)");
        return ExitCodes.OK;
    }

    static Duration parseValidity(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("never")) {
            return null;
        }
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return switch (t.charAt(t.length() - 1)) {
                case 'y' -> Duration.ofDays(365 * n + n / 4);
                case 'm' -> Duration.ofDays(30 * n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new InputException("'" + text + "' is not a validity", "write for example 2y, 18m, 90d or never");
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "key" : s;
    }
}
