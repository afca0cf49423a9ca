package org.sealpack.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Manage keys offline.",
        subcommands = {
            KeysGenerateCommand.class,
            KeysImportCommand.class,
            KeysListCommand.class,
            KeysExportCommand.class,
            KeysDeleteCommand.class,
            KeysRevokeCommand.class,
            KeysPasswdCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  sealpack keys import keys/signer.cert.asc keys/recipient.cert.asc",
            "  sealpack keys list"
        })
final class KeysCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
