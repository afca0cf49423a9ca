package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.Output;
import org.sealpack.jobs.ValidateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Validate a plain BagIt directory from any tool (bagit-python, bagit-java, Archivematica, sealpack).",
            "BagIt 0.93 to 1.0 (RFC 8493): bagit.txt and bag-info.txt in their declared encoding, Payload-Oxum, "
                    + "every payload file in every manifest exactly once, every checksum (md5, sha1, sha224, sha256, "
                    + "sha384, sha512, SHA-3; md5 and sha1 warned as weak), every tag manifest, fetch.txt (never "
                    + "followed: files it lists that are missing make the bag holey, exit 28); and, with --signer, "
                    + "sealpack's signature over the tag manifest. Lists every problem."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  sealpack validate statement",
            "  sealpack validate statement --signer keys/signer.cert.asc"
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "DIR",
            description = "The bag's top directory (the one with bagit.txt).")
    Path dir;

    @Option(
            names = "--json",
            description =
                    "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Option(
            names = "--signer",
            paramLabel = "CERT",
            description =
                    "Also check the bag signature (which must be present), trusting only this signer; repeat for several.")
    List<String> signers;

    @Override
    public Integer call() {
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        ValidateJob.run(common.keys(), dir, signers, out);
        return ExitCode.OK.code;
    }
}
