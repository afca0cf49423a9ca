package org.sealpack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.jobs.NewKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    NewKey.KeyProfile profile;

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
        if (noPassphrase && passphrase.source().named()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--no-passphrase contradicts --passphrase-file and --passphrase-env");
        }
        var key =
                new NewKey(
                        name,
                        email,
                        profile,
                        expires.duration(),
                        directory,
                        baseName,
                        noPassphrase ? null : passphrase.source());
        KeyJobs.generate(common.keys(), key, common.out(spec));
        return ExitCode.OK.code;
    }

    /**
     * A key's validity as typed: null for 'never'. A value that is not one is a usage error (2).
     */
    record Validity(Duration duration) {}

    static final class ValidityConverter implements CommandLine.ITypeConverter<Validity> {
        @Override
        public Validity convert(String text) {
            try {
                return new Validity(NewKey.validity(text));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
