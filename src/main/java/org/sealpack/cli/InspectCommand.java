package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.InspectJob;
import org.sealpack.jobs.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class InspectCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    Path file;
    boolean json;

    InspectCommand() {
        spec.name("inspect");
        spec.usageMessage()
                .description(
                        "Show what anyone can learn from a sealed file with no key at all.",
                        "Nothing shown here is verified: use 'verify' for that.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage().footer("  sealpack inspect statement.sealed");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("FILE")
                        .required(true)
                        .description("The sealed file, or - for standard input.")
                        .type(Path.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--json")
                        .description(
                                "Print one JSON document (docs/sealpack.schema.json) instead of the report.")
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        file = spec.positionalParameters().get(0).getValue();
        json = Boolean.TRUE.equals(spec.findOption("--json").getValue());
    }

    @Override
    public Integer call() {
        read();
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        InspectJob.run(common.keys(), ReportOptions.input(file), out);
        return ExitCode.OK.code;
    }
}
