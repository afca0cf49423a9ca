package org.sealpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "custody", mixinStandardHelpOptions = true,
        description = "Check a chain of custody: the signed receipts of every hand a sealed file passed through.",
        subcommands = {CustodyCheckCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExample:%n",
        footer = {"  sealpack custody check statement.sealed sender.md \\", "    --signer keys/signer.cert.asc"})
final class CustodyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a custody command: check");
    }
}
