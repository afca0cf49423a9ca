package org.sealpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

final class CustodyCommand implements Runnable {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    CustodyCommand() {
        spec.name("custody");
        spec.usageMessage()
                .description(
                        "Chains of custody: check the signed receipts of every hand a sealed file passed through, or record"
                                + " the hand-over of an anonymous file you carry.");
        spec.usageMessage().footerHeading("%nExample:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack custody check statement.sealed sender.md \\",
                        "    --signer keys/signer.cert.asc");
        Specs.standardHelp(spec);
        Specs.subcommand(spec, new CustodyCheckCommand().spec);
        Specs.subcommand(spec, new CustodyCarryCommand().spec);
        spec.addSubcommand("help", new CommandLine(new CommandLine.HelpCommand()));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a custody command: check or carry");
    }
}
