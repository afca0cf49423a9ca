package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.Output;
import org.sealpack.jobs.ValidateJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class ValidateCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    Path dir;
    boolean json;
    List<String> signers;

    ValidateCommand() {
        spec.name("validate");
        spec.usageMessage().sortOptions(false);
        spec.usageMessage()
                .description(
                        "Validate a plain BagIt directory from any tool (bagit-python, bagit-java, Archivematica, sealpack).",
                        "BagIt 0.93 to 1.0 (RFC 8493): bagit.txt and bag-info.txt in their declared encoding, Payload-Oxum, "
                                + "every payload file in every manifest exactly once, every checksum (md5, sha1, sha224, sha256, "
                                + "sha384, sha512, SHA-3; md5 and sha1 warned as weak), every tag manifest, fetch.txt (never "
                                + "followed: files it lists that are missing make the bag holey, exit 28); and, with --signer, "
                                + "sealpack's signature over the tag manifest. Lists every problem.");
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack validate statement",
                        "  sealpack validate statement --signer keys/signer.cert.asc");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("DIR")
                        .required(true)
                        .description("The bag's top directory (the one with bagit.txt).")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--json")
                        .description(
                                "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
                        .build());
        spec.addOption(
                OptionSpec.builder("--signer")
                        .paramLabel("CERT")
                        .description(
                                "Also check the bag signature (which must be present), trusting only this signer; repeat for several.")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        dir = spec.positionalParameters().get(0).getValue();
        json = Boolean.TRUE.equals(spec.findOption("--json").getValue());
        signers = spec.findOption("--signer").getValue();
    }

    @Override
    public Integer call() {
        read();
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        ValidateJob.run(common.keys(), dir, signers, out);
        return ExitCode.OK.code;
    }
}
