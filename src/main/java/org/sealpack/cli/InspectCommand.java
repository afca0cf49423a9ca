package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.report.Json;
import org.sealpack.report.Printer;
import org.sealpack.seal.Inspector;
import org.sealpack.seal.Reports;
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
        Reports.Inspection i = Inspector.inspect(StandardStreams.source(file));
        if (json) {
            Json.print(spec.commandLine().getOut(), Json.inspection(i));
            return ExitCode.OK.code;
        }
        var known = Keys.known(List.of(), common.keyring());
        new Printer(common.out(spec)).inspection(i, known);
        return ExitCode.OK.code;
    }
}
