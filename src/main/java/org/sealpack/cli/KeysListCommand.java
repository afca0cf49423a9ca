package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.jobs.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description =
                "List the keyring: fingerprint, user IDs, algorithms, dates, revocation, and whether the secret key is present.",
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys list")
final class KeysListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Option(
            names = "--json",
            description =
                    "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Override
    public Integer call() {
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        KeyJobs.list(common.keys(), out);
        return ExitCode.OK.code;
    }
}
