package org.sealpack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.KeyJobs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class KeysExportCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    final CommonOptions common = new CommonOptions();
    String id;
    boolean secret;
    Path output;

    KeysExportCommand() {
        spec.name("export");
        spec.usageMessage()
                .description(
                        "Export a certificate (or with --secret, the secret key), armored, to stdout or a file.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage().footer("  sealpack keys export jane@example.org -o jane.cert.asc");
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
                        .description("Export the secret key (still protected by its passphrase).")
                        .build());
        spec.addOption(
                OptionSpec.builder("-o", "--output")
                        .paramLabel("FILE")
                        .description("Write to FILE (mode 0600 for a secret key).")
                        .type(Path.class)
                        .build());
        Specs.standardHelp(spec);
    }

    /** Takes the options' values from the command line just parsed. */
    private void read() {
        common.readFrom(spec);
        id = spec.positionalParameters().get(0).getValue();
        secret = Boolean.TRUE.equals(spec.findOption("--secret").getValue());
        output = spec.findOption("-o").getValue();
    }

    @Override
    public Integer call() {
        read();
        String text = KeyJobs.export(common.keys(), id, secret);
        if (output == null) {
            spec.commandLine().getOut().print(text);
        } else {
            KeyJobs.exportTo(output, text, secret);
        }
        return ExitCode.OK.code;
    }
}
