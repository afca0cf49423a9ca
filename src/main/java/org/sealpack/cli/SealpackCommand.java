package org.sealpack.cli;

import org.sealpack.seal.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "sealpack",
        mixinStandardHelpOptions = true,
        versionProvider = SealpackCommand.VersionProvider.class,
        description = {
            "Signed, encrypted, self-verifying archives for statements and evidence.",
            "A sealed file is a BagIt bag in a tar, encrypted to its recipients and signed by its sender, "
                + "in standard OpenPGP: it also opens with gpg, tar and sha512sum."},
        subcommands = {PackCommand.class, VerifyCommand.class, OpenCommand.class, InspectCommand.class, ValidateCommand.class,
                KeysCommand.class, CommandLine.HelpCommand.class})
public final class SealpackCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: pack, verify, open, inspect or keys");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sealpack " + Version.get()};
        }
    }
}
