package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import org.sealpack.jobs.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class KeysListCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    boolean json;

    KeysListCommand() {
        spec.name("list");
        spec.usageMessage()
                .description(
                        "List the keyring: fingerprint, user IDs, algorithms, dates, revocation, and whether the secret key is present.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage().footer("  sealpack keys list");
        common.addTo(spec);
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
        json = Boolean.TRUE.equals(spec.findOption("--json").getValue());
    }

    @Override
    public Integer call() {
        read();
        var out =
                new Output(common.out(spec), json ? spec.commandLine().getOut() : null, null, null);
        KeyJobs.list(common.keys(), out);
        return ExitCode.OK.code;
    }
}
