package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sealpack.seal.AtRest;
import org.sealpack.seal.KeySelector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate a plain BagIt directory from any tool (bagit-python, bagit-java, Archivematica, sealpack).",
            "BagIt 0.97 and 1.0: bagit.txt and bag-info.txt syntax, Payload-Oxum, every payload file in every "
                + "manifest exactly once, every md5, sha1, sha256 and sha512 checksum, every tag manifest; and, "
                + "with --signer, sealpack's signature over the tag manifest. Lists every problem."},
        footerHeading = "%nExample:%n", footer = "  sealpack validate ~/archive/statement-2018")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR", description = "The bag's top directory (the one with bagit.txt).")
    Path dir;

    @Option(names = "--json", description = "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Option(names = "--signer", paramLabel = "CERT",
            description = "Also check the bag signature (which must be present), trusting only this signer; repeat for several.")
    List<String> signers;

    @Override
    public Integer call() {
        boolean required = signers != null && !signers.isEmpty();
        AtRest.Report report = AtRest.validate(dir, required ? KeySelector.trusted(signers, common.keyring()) : List.of(),
                required);
        if (json) {
            if (!common.quiet) {
                Json.print(spec.commandLine().getOut(), Json.atRest("validate", report));
            }
        } else {
            new Printer(common.out(spec)).atRest(report);
        }
        report.requireValid();
        return ExitCodes.OK;
    }
}
