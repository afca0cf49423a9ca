package org.sealpack.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sealpack.archive.Limits;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.seal.Opener;
import org.sealpack.seal.Reports;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decrypt a sealed file, verify everything, and only then place the bag at DIR.",
            "Nothing appears at DIR unless every check passed."},
        footerHeading = "%nExample:%n",
        footer = {"  sealpack open statement.sealed --key keys/recipient.key.asc \\",
            "    --passphrase-file keys/recipient.passphrase \\",
            "    --signer keys/signer.cert.asc -o statement"})
final class OpenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The sealed file.")
    Path file;

    @Option(names = "--key", paramLabel = "KEY", required = true, description = "Your secret key file.")
    Path key;

    @Option(names = "--signer", paramLabel = "CERT", required = true,
            description = "The certificate of a signer you trust; repeat for several.")
    List<Path> signers;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Where to place the opened bag (must not exist).")
    Path output;

    @Option(names = "--force", description = "Replace DIR if it exists.")
    boolean force;

    @Mixin
    PassphraseOptions passphrase;

    @Override
    public Integer call() {
        Reports.Full full = Opener.open(file, Keys.certificates(signers), KeyFiles.readSecretKey(key),
                passphrase.forUnlocking(), output, force, Limits.DEFAULT);
        Printer printer = new Printer(spec.commandLine().getOut());
        printer.full(full);
        printer.heading("Opened into " + Terminal.safe(output.toString()) + ":");
        printer.files(full);
        return ExitCodes.OK;
    }
}
