package org.sealpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage keys offline.",
        subcommands = {KeysGenerateCommand.class, KeysImportCommand.class, KeysListCommand.class,
                KeysExportCommand.class, KeysDeleteCommand.class, KeysRevokeCommand.class, KeysPasswdCommand.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a keys command: generate, import, list, export, delete, revoke or passwd");
    }
}
