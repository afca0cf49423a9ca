package org.sealpack.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sealpack.seal.Version;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

public final class SealpackCommand implements Runnable {
    /**
     * The subcommands, in the order --help lists them. They are added by {@link Main}, and only the
     * one named on the command line when there is one: building picocli's model of every command
     * took about 0.1 s of each start.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    SealpackCommand() {
        spec.name("sealpack");
        spec.usageMessage()
                .description(
                        "Signed, encrypted, self-verifying archives for statements and evidence.",
                        "A sealed file is a BagIt bag in a tar, encrypted to its recipients and signed by its sender, "
                                + "in standard OpenPGP: it also opens with gpg, tar and sha512sum.");
        spec.usageMessage().footerHeading("%nExamples (each command's --help has more):%n");
        spec.usageMessage()
                .footer(
                        "  sealpack pack --metadata-template > statement.metadata",
                        "  sealpack keys list");
        spec.versionProvider(new SealpackCommand.VersionProvider());
        Specs.standardHelp(spec);
    }

    private static Map<String, Supplier<Object>> subcommands() {
        var all = new LinkedHashMap<String, Supplier<Object>>();
        all.put("pack", () -> new PackCommand().spec);
        all.put("verify", () -> new VerifyCommand().spec);
        all.put("open", () -> new OpenCommand().spec);
        all.put("inspect", () -> new InspectCommand().spec);
        all.put("validate", () -> new ValidateCommand().spec);
        all.put("keys", () -> new KeysCommand().spec);
        all.put("custody", () -> new CustodyCommand().spec);
        all.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(all);
    }

    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

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
