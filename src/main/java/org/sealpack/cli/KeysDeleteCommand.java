package org.sealpack.cli;

import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class KeysDeleteCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    String id;
    boolean secret;

    KeysDeleteCommand() {
        spec.name("delete");
        spec.usageMessage()
                .description(
                        "Remove a certificate from the keyring (it is no longer trusted). A secret key is removed only with --secret.",
                        "On a terminal, sealpack shows the key and asks you to confirm; without one (a script), ID must be the "
                                + "full fingerprint.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer("  sealpack keys delete 15C6E52324F018516E63CA8B0DC067D1877D13C3");
        common.addTo(spec);
        spec.addPositional(
                PositionalParamSpec.builder()
                        .paramLabel("ID")
                        .required(true)
                        .description("Full fingerprint, or a name or e-mail that matches one key.")
                        .type(String.class)
                        .build());
        spec.addOption(
                OptionSpec.builder("--secret")
                        .description("Also delete the secret key. This cannot be undone.")
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        id = spec.positionalParameters().get(0).getValue();
        secret = Boolean.TRUE.equals(spec.findOption("--secret").getValue());
    }

    @Override
    public Integer call() {
        read();
        common.out(spec).println(KeyJobs.deletion(common.keys(), id, secret).confirmAndRun());
        return ExitCode.OK.code;
    }
}
