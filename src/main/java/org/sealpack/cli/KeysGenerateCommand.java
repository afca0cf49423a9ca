package org.sealpack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.KeyGenerator;
import org.sealpack.pgp.Keyring;
import org.sealpack.pgp.Profile;
import org.sealpack.report.People;
import org.sealpack.text.Untrusted;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generate a key pair and two revocation certificates, offline.",
            "Without -o, the key goes into the keyring and the revocation certificates into HOME/revocations/. "
                    + "With -o DIR, four files are written there: BASE.key.asc (secret key, mode 0600), "
                    + "BASE.cert.asc (certificate, to give to others), BASE.lost.rev.asc and BASE.compromised.rev.asc "
                    + "(revocation certificates: keep them offline, apart from the key).",
            "If the key is lost (a broken disk, a forgotten passphrase) and nobody else can have it, import and "
                    + "send out the 'lost' one: what the key signed until then stays valid. If someone else may hold "
                    + "it (a seized or stolen laptop with its passphrase), the 'compromised' one: nothing it ever "
                    + "signed can be trusted.",
            "Profiles: 'default' is OpenPGP v4, Ed25519 signing + Curve25519 encryption, AES-256 protection; "
                    + "GnuPG 2.2 and later read it. 'rfc9580' is v6 keys (Ed25519/X25519), AEAD (OCB) + Argon2 "
                    + "protection and AEAD encryption between v6 keys: GnuPG 2.2 CANNOT read these keys or what is "
                    + "sealed to them; use it only with peers whose tools read RFC 9580."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  sealpack keys generate --name 'Jane Doe' --email jane@example.org \\",
            "    --passphrase-file jane.passphrase",
            "  sealpack keys generate --name 'Jane Doe' --profile rfc9580 --expires 1y \\",
            "    -o ~/keys --passphrase-file jane.passphrase"
        })
final class KeysGenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Option(names = "--name", required = true, description = "Your name or your organisation's.")
    String name;

    @Option(names = "--email", description = "An e-mail address for the user ID.")
    String email;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            defaultValue = "default",
            description =
                    "default (GnuPG 2.2 compatible) or rfc9580 (v6 keys; GnuPG 2.2 cannot read them). Default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(
            names = "--expires",
            paramLabel = "WHEN",
            defaultValue = "2y",
            converter = ValidityConverter.class,
            description =
                    "Validity: Ny (years), Nm (months), Nd (days), or 'never'. Default: ${DEFAULT-VALUE}.")
    Validity expires;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "Write the key files to DIR instead of the keyring.")
    Path directory;

    @Option(
            names = "--file-name",
            paramLabel = "BASE",
            description = "With -o: the files' base name (default: from the name).")
    String baseName;

    @Mixin PassphraseOptions passphrase;

    @Option(
            names = "--no-passphrase",
            description =
                    "Store the secret key UNPROTECTED, without a passphrase. Never the default.")
    boolean noPassphrase;

    @Override
    public Integer call() {
        String userId = email == null || email.isBlank() ? name : name + " <" + email + ">";
        Duration validity = expires.duration();
        Profile chosen = profile;
        Path keyFile = null;
        Path certFile = null;
        Path lostFile = null;
        Path compromisedFile = null;
        if (directory != null) {
            String base = baseName != null ? baseName : slug(name);
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
        if (noPassphrase && (passphrase.file != null || passphrase.env != null)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--no-passphrase contradicts --passphrase-file and --passphrase-env");
        }
        char[] secret = noPassphrase ? new char[0] : passphrase.forNewKey();
        Instant now = Instant.now();
        Key key = KeyGenerator.generate(chosen, userId, secret, now, validity);
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
        var out = common.out(spec);
        try {
            if (directory != null) {
                if (!Files.isDirectory(directory)) {
                    // A new directory for a secret key: readable by its owner only.
                    Files.createDirectories(
                            directory,
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rwx------")));
                }
                KeyJobs.writeNew(keyFile, key.armored(), true);
                KeyJobs.writeNew(certFile, key.certificate().armored(), false);
                KeyJobs.writeNew(lostFile, lost, true);
                KeyJobs.writeNew(compromisedFile, compromised, true);
            } else {
                Keyring keyring = common.keyring();
                keyring.put(key);
                keyring.save();
                Path revocations = keyring.home().resolve("revocations");
                Files.createDirectories(revocations);
                lostFile = revocations.resolve(key.fingerprint() + LOST);
                compromisedFile = revocations.resolve(key.fingerprint() + COMPROMISED);
                KeyJobs.writeNew(lostFile, lost, true);
                KeyJobs.writeNew(compromisedFile, compromised, true);
            }
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot write the key files: " + e.getMessage(), "check the directory");
        }
        out.println(
                "Generated "
                        + Untrusted.of(userId)
                        + " ("
                        + (chosen == Profile.RFC9580
                                ? "rfc9580 profile, v6"
                                : "default profile, v4")
                        + (validity == null
                                ? ", no expiry"
                                : ", expires " + People.time(now.plus(validity)))
                        + ")");
        out.println("  fingerprint: " + People.fingerprint(key.fingerprint()));
        if (noPassphrase) {
            out.println(
                    "  protection:  UNPROTECTED (no passphrase): anyone who copies the key file can use it");
        }
        if (directory != null) {
            out.println("  secret key:  " + keyFile + " (keep it private; back it up)");
            out.println("  certificate: " + certFile + " (give this to others)");
        } else {
            out.println("  stored in:   " + common.keyring().home().resolve(Keyring.FILE));
        }
        out.println("  revocation certificates (keep both offline, apart from the key):");
        out.println("  if lost:     " + lostFile);
        out.println(
                "               import it if the key is lost and nobody else can have it (what it signed until then stays valid)");
        out.println("  if stolen:   " + compromisedFile);
        out.println(
                "               import it if someone else may hold the key (nothing it signed can be trusted)");
        return ExitCode.OK.code;
    }

    static final String LOST = ".lost.rev.asc";
    static final String COMPROMISED = ".compromised.rev.asc";

    /**
     * A key's validity as typed: null for 'never'. A value that is not one is a usage error (2).
     */
    record Validity(Duration duration) {}

    static final class ValidityConverter implements CommandLine.ITypeConverter<Validity> {
        @Override
        public Validity convert(String text) {
            return new Validity(parseValidity(text));
        }
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
            throw new CommandLine.TypeConversionException(
                    "'"
                            + text
                            + "' is not a validity: write for example 2y, 18m,"
                            + " 90d or never");
        }
    }

    /**
     * A file name from a person's name, in ASCII letters, digits and hyphens (so it survives every
     * file system, archive tool and e-mail attachment): accents are dropped, Cyrillic (Russian and
     * Tajik) is transliterated, anything else left out; "key" if nothing is left.
     */
    static String slug(String name) {
        StringBuilder ascii = new StringBuilder();
        String decomposed =
                Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        decomposed
                .codePoints()
                .forEach(
                        cp -> {
                            if (cp < 0x80) {
                                ascii.appendCodePoint(cp);
                            } else if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                                ascii.append(
                                        CYRILLIC.getOrDefault(
                                                cp, Character.isLetterOrDigit(cp) ? "" : "-"));
                            }
                        });
        String s = ascii.toString().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "key" : s;
    }

    /** Cyrillic letters as Latin, after decomposition (so й is и and a mark, ё is е and a mark). */
    private static final Map<Integer, String> CYRILLIC = cyrillic();

    private static Map<Integer, String> cyrillic() {
        String[] pairs = {
            "а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ж", "zh", "з", "z", "и",
            "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s",
            "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch",
            "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya", "ғ", "gh", "қ", "q", "ҳ",
            "h", "ҷ", "j", "і", "i", "ї", "yi", "є", "ye", "ў", "u"
        };
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i].codePointAt(0), pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
