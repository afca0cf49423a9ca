package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a certificate from the keyring (it is no longer trusted). A secret key is removed only with --secret.",
            "On a terminal, sealpack shows the key and asks you to confirm; without one (a script), ID must be the "
                    + "full fingerprint."
        },
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys delete 15C6E52324F018516E63CA8B0DC067D1877D13C3")
final class KeysDeleteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "ID",
            description = "Full fingerprint, or a name or e-mail that matches one key.")
    String id;

    @Option(names = "--secret", description = "Also delete the secret key. This cannot be undone.")
    boolean secret;

    @Override
    public Integer call() {
        common.out(spec).println(KeyJobs.deletion(common.keys(), id, secret).confirmAndRun());
        return ExitCode.OK.code;
    }
}
