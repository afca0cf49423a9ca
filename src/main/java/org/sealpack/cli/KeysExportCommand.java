package org.sealpack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.seal.KeySelector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a certificate (or with --secret, the secret key), armored, to stdout or a file.",
        footerHeading = "%nExample:%n", footer = "  sealpack keys export jane@example.org -o jane.cert.asc")
final class KeysExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID", description = "Full fingerprint, or a name or e-mail that matches one key.")
    String id;

    @Option(names = "--secret", description = "Export the secret key (still protected by its passphrase).")
    boolean secret;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (mode 0600 for a secret key).")
    Path output;

    @Override
    public Integer call() {
        String text = secret ? KeySelector.secretKey(id, common.keyring()).armored()
                : KeySelector.certificate(id, common.keyring()).armored();
        if (output == null) {
            spec.commandLine().getOut().print(text);
            return ExitCode.OK.code;
        }
        if (Files.exists(output)) {
            throw new OutputExistsException(output + " exists", "choose another file name");
        }
        try {
            KeysGenerateCommand.writeNew(output, text, secret);
        } catch (IOException e) {
            throw new WriteFailedException("cannot write " + output + ": " + e.getMessage(), "check the directory");
        }
        return ExitCode.OK.code;
    }
}
