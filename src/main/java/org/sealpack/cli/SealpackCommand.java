package org.sealpack.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sealpack.seal.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "sealpack",
        mixinStandardHelpOptions = true,
        versionProvider = SealpackCommand.VersionProvider.class,
        description = {
            "Signed, encrypted, self-verifying archives for statements and evidence.",
            "A sealed file is a BagIt bag in a tar, encrypted to its recipients and signed by its sender, "
                    + "in standard OpenPGP: it also opens with gpg, tar and sha512sum."
        },
        footerHeading = "%nExamples (each command's --help has more):%n",
        footer = {
            "  sealpack pack --metadata-template > statement.metadata",
            "  sealpack keys list"
        })
public final class SealpackCommand implements Runnable {
    /**
     * The subcommands, in the order --help lists them. They are added by {@link Main}, and only the
     * one named on the command line when there is one: building picocli's model of every command
     * took about 0.1 s of each start.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        var all = new LinkedHashMap<String, Supplier<Object>>();
        all.put("pack", PackCommand::new);
        all.put("verify", VerifyCommand::new);
        all.put("open", OpenCommand::new);
        all.put("inspect", InspectCommand::new);
        all.put("validate", ValidateCommand::new);
        all.put("keys", KeysCommand::new);
        all.put("custody", CustodyCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(all);
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<String> names = SUBCOMMANDS.keySet().stream().filter(n -> !n.equals("help")).toList();
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "name a command: "
                        + String.join(", ", names.subList(0, names.size() - 1))
                        + " or "
                        + names.get(names.size() - 1));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sealpack " + Version.get()};
        }
    }
}
