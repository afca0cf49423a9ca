package org.sealpack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.jobs.NewKey;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

final class KeysGenerateCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    String name;
    String email;
    NewKey.KeyProfile profile;
    Validity expires;
    Path directory;
    String baseName;
    final PassphraseOptions passphrase = new PassphraseOptions();
    boolean noPassphrase;

    KeysGenerateCommand() {
        spec.name("generate");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
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
                                + "sealed to them; use it only with peers whose tools read RFC 9580.");
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack keys generate --name 'Jane Doe' --email jane@example.org \\",
                        "    --passphrase-file jane.passphrase",
                        "  sealpack keys generate --name 'Jane Doe' --profile rfc9580 --expires 1y \\",
                        "    -o ~/keys --passphrase-file jane.passphrase");
        common.addTo(spec);
        spec.addOption(
                OptionSpec.builder("--name")
                        .paramLabel("<name>")
                        .required(true)
                        .description("Your name or your organisation's.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--email")
                        .paramLabel("<email>")
                        .description("An e-mail address for the user ID.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--profile")
                        .paramLabel("PROFILE")
                        .defaultValue("default")
                        .description(
                                "default (GnuPG 2.2 compatible) or rfc9580 (v6 keys; GnuPG 2.2 cannot read them). Default: ${DEFAULT-VALUE}.")
                        .type(NewKey.KeyProfile.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--expires")
                        .paramLabel("WHEN")
                        .defaultValue("2y")
                        .converters(new ValidityConverter())
                        .description(
                                "Validity: Ny (years), Nm (months), Nd (days), or 'never'. Default: ${DEFAULT-VALUE}.")
                        .type(Validity.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("-o", "--output")
                        .paramLabel("DIR")
                        .description("Write the key files to DIR instead of the keyring.")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--file-name")
                        .paramLabel("BASE")
                        .description("With -o: the files' base name (default: from the name).")
                        .type(String.class)
                        .build());
        passphrase.addTo(spec);
        spec.addOption(
                OptionSpec.builder("--no-passphrase")
                        .description(
                                "Store the secret key UNPROTECTED, without a passphrase. Never the default.")
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        name = spec.findOption("--name").getValue();
        email = spec.findOption("--email").getValue();
        profile = spec.findOption("--profile").getValue();
        expires = spec.findOption("--expires").getValue();
        directory = spec.findOption("-o").getValue();
        baseName = spec.findOption("--file-name").getValue();
        passphrase.readFrom(spec);
        noPassphrase = Boolean.TRUE.equals(spec.findOption("--no-passphrase").getValue());
    }

    @Override
    public Integer call() {
        read();
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
