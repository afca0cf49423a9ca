package org.sealpack.cli;

import java.nio.file.Path;
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
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Export a certificate (or with --secret, the secret key), armored, to stdout or a file.",
        footerHeading = "%nExample:%n",
        footer = "  sealpack keys export jane@example.org -o jane.cert.asc")
final class KeysExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "ID",
            description = "Full fingerprint, or a name or e-mail that matches one key.")
    String id;

    @Option(
            names = "--secret",
            description = "Export the secret key (still protected by its passphrase).")
    boolean secret;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE (mode 0600 for a secret key).")
    Path output;

    @Override
    public Integer call() {
        String text = KeyJobs.export(common.keys(), id, secret);
        if (output == null) {
            spec.commandLine().getOut().print(text);
        } else {
            KeyJobs.exportTo(output, text, secret);
        }
        return ExitCode.OK.code;
    }
}
