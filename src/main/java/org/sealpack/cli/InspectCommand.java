package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.InspectJob;
import org.sealpack.jobs.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Show what anyone can learn from a sealed file with no key at all.",
            "Nothing shown here is verified: use 'verify' for that."
        },
        footerHeading = "%nExample:%n",
        footer = "  sealpack inspect statement.sealed")
final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The sealed file, or - for standard input.")
    Path file;

    @Option(
            names = "--json",
            description =
                    "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
    boolean json;

    @Override
    public Integer call() {
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        InspectJob.run(common.keys(), ReportOptions.input(file), out);
        return ExitCode.OK.code;
    }
}
