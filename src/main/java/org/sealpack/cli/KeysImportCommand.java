package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import certificates, secret keys and revocation certificates into the keyring.",
            "Importing a certificate is the act of trusting it: compare the fingerprint shown with its owner "
                    + "over another channel (in person, by phone) before you rely on it. Files may be armored or "
                    + "binary and hold one or many keys, as 'gpg --export' and 'gpg --export-secret-keys' write them."
        },
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys import keys/signer.cert.asc")
final class KeysImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Key files to import.")
    List<Path> files;

    @Override
    public Integer call() {
        KeyJobs.importFiles(common.keys(), files, common.out(spec));
        return ExitCode.OK.code;
    }
}
