package org.sealpack.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

final class KeysCommand implements Runnable {
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    KeysCommand() {
        spec.name("keys");
        spec.usageMessage().description("Manage keys offline.");
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage()
                .footer(
                        "  sealpack keys import keys/signer.cert.asc keys/recipient.cert.asc",
                        "  sealpack keys list");
        Specs.standardHelp(spec);
        Specs.subcommand(spec, new KeysGenerateCommand().spec);
        Specs.subcommand(spec, new KeysImportCommand().spec);
        Specs.subcommand(spec, new KeysListCommand().spec);
        Specs.subcommand(spec, new KeysExportCommand().spec);
        Specs.subcommand(spec, new KeysDeleteCommand().spec);
        Specs.subcommand(spec, new KeysRevokeCommand().spec);
        Specs.subcommand(spec, new KeysPasswdCommand().spec);
        spec.addSubcommand("help", new CommandLine(new CommandLine.HelpCommand()));
    }

    @Override
    public void run() {
        List<String> names =
                spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "name a keys command: "
                        + String.join(", ", names.subList(0, names.size() - 1))
                        + " or "
                        + names.get(names.size() - 1));
    }
}
