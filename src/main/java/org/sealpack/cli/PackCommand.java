package org.sealpack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.bag.MetadataTemplate;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.Output;
import org.sealpack.jobs.PackJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

final class PackCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    List<Path> payload;
    Path existingBag;
    Path metadata;
    boolean metadataTemplate;
    String signer;
    List<String> recipients;
    Path output;
    String bagName;
    boolean force;
    boolean anonymous;
    boolean compress;
    final PassphraseOptions passphrase = new PassphraseOptions();

    /** What the archive may hold: by default what a recipient's sealpack opens without options. */
    final LimitOptions limits = new LimitOptions();

    PackCommand() {
        spec.name("pack");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
                        "Seal files into one signed, encrypted archive.",
                        "Builds a BagIt bag (payload under data/, metadata in bag-info.txt, SHA-512 manifests, "
                                + "a signature over the tag manifest), puts it in a tar, encrypts it to each recipient "
                                + "and to you, and signs it. OUT appears only when complete.");
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack pack examples/statement.txt --metadata examples/statement.metadata \\\n"
                                + "    --signer keys/signer.key.asc --passphrase-file keys/signer.passphrase \\\n"
                                + "    --recipient keys/recipient.cert.asc -o statement.sealed\n"
                                + "  sealpack pack examples/statement.txt --anonymous \\\n"
                                + "    --signer keys/signer.key.asc --passphrase-file keys/signer.passphrase \\\n"
                                + "    --recipient keys/recipient.cert.asc -o evidence.sealed");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("PATH")
                        .arity("0..*")
                        .description("Files and directories to seal.")
                        .type(List.class)
                        .auxiliaryTypes(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--bag")
                        .paramLabel("DIR")
                        .description(
                                "Seal an existing valid BagIt bag (any version) instead of PATHs, as a sealed bag: BagIt 1.0, "
                                        + "SHA-512 manifests, UTF-8 bag-info.txt; each file checked against the bag's own manifest as it is copied.")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--metadata")
                        .paramLabel("FILE")
                        .description("Metadata for bag-info.txt, as 'Label: value' lines.")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--metadata-template")
                        .description(
                                "Print a commented metadata file to start from, and do nothing else.")
                        .build());
        spec.addOption(
                OptionSpec.builder("--signer")
                        .paramLabel("KEY")
                        .description(
                                "Your secret key: a file, a full fingerprint, or a name or e-mail in the keyring; or "
                                        + "gpg:SELECTOR, a key GnuPG holds (on a card too), used through its agent.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--recipient")
                        .paramLabel("CERT")
                        .description(
                                "A recipient's certificate (file, fingerprint, or name or e-mail in the keyring; "
                                        + "gpg:SELECTOR from GnuPG); repeat for each.")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("-o", "--output")
                        .paramLabel("OUT")
                        .description(
                                "The sealed file to write (required); - for standard output (then no temporary file: "
                                        + "a failure leaves an incomplete stream, which never verifies).")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--name")
                        .paramLabel("BAG")
                        .description(
                                "The bag directory's name (default: OUT's name without .sealed).")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--force")
                        .description(
                                "Replace OUT if it is a sealed file made earlier (never any other file).")
                        .build());
        spec.addOption(
                OptionSpec.builder("--anonymous")
                        .description(
                                "Seizure mode: no outer signature and hidden recipient key IDs, so the file names neither "
                                        + "sender nor recipients. Only recipients can then verify it; they open it with their keyring.")
                        .build());
        spec.addOption(
                OptionSpec.builder("--compress")
                        .description(
                                "Compress the bag (ZLIB) inside the encryption. Off by default: "
                                        + "evidence media does not compress.")
                        .build());
        passphrase.addTo(spec);
        limits.addTo(spec);
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        payload = spec.positionalParameters().get(0).getValue();
        existingBag = spec.findOption("--bag").getValue();
        metadata = spec.findOption("--metadata").getValue();
        metadataTemplate = Boolean.TRUE.equals(spec.findOption("--metadata-template").getValue());
        signer = spec.findOption("--signer").getValue();
        recipients = spec.findOption("--recipient").getValue();
        output = spec.findOption("-o").getValue();
        bagName = spec.findOption("--name").getValue();
        force = Boolean.TRUE.equals(spec.findOption("--force").getValue());
        anonymous = Boolean.TRUE.equals(spec.findOption("--anonymous").getValue());
        compress = Boolean.TRUE.equals(spec.findOption("--compress").getValue());
        passphrase.readFrom(spec);
        limits.readFrom(spec);
    }

    @Override
    public Integer call() {
        read();
        if (metadataTemplate) {
            spec.commandLine().getOut().print(MetadataTemplate.TEXT);
            return ExitCode.OK.code;
        }
        List<String> missing = new ArrayList<>();
        if (signer == null) {
            missing.add("--signer KEY (who signs)");
        }
        if (recipients == null || recipients.isEmpty()) {
            missing.add("--recipient CERT (who can open it; repeat for each)");
        }
        if (output == null) {
            missing.add("-o OUT (the sealed file to write)");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "missing " + String.join(", ", missing));
        }
        boolean stdout = StandardStreams.isStdout(output);
        var request =
                new PackJob.Request(
                        payload,
                        existingBag,
                        metadata,
                        signer,
                        recipients,
                        output,
                        stdout ? StandardStreams.stdout() : null,
                        bagName,
                        force,
                        anonymous,
                        compress,
                        limits.limits(),
                        passphrase.source());
        var err = spec.commandLine().getErr();
        var text = common.quiet || !stdout ? common.out(spec) : err;
        var progress = TerminalProgress.forCommand(common, false, err);
        PackJob.run(
                common.keys(),
                request,
                new Output(text, null, CommonOptions.notices(spec), progress));
        return ExitCode.OK.code;
    }
}
