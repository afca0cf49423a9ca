package org.sealpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "custody",
        mixinStandardHelpOptions = true,
        description =
                "Chains of custody: check the signed receipts of every hand a sealed file passed through, or record"
                        + " the hand-over of an anonymous file you carry.",
        subcommands = {
            CustodyCheckCommand.class,
            CustodyCarryCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack custody check statement.sealed sender.md \\",
            "    --signer keys/signer.cert.asc"
        })
final class CustodyCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a custody command: check or carry");
    }
}
