package org.sealpack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.sealpack.jobs.JobExits;
import org.sealpack.seal.Version;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes a roff man page per command (sealpack.1, sealpack-pack.1, sealpack-keys-generate.1, ...)
 * from the same command model as --help: run by the build into target/man.
 */
public final class ManPages {
    private ManPages() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        CommandLine root =
                Main.commandLine(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        write(root, dir);
    }

    private static void write(CommandLine cmd, Path dir) throws IOException {
        CommandSpec spec = cmd.getCommandSpec();
        if (spec.userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        String name = spec.qualifiedName("-");
        StringBuilder roff = new StringBuilder();
        roff.append(".TH ")
                .append(name.toUpperCase(Locale.ROOT))
                .append(" 1 \"\" \"sealpack ")
                .append(Version.get())
                .append("\" \"sealpack manual\"\n");
        roff.append(".SH NAME\n")
                .append(text(name))
                .append(" \\- ")
                .append(
                        text(
                                spec.usageMessage().description().length > 0
                                        ? spec.usageMessage().description()[0]
                                        : ""))
                .append('\n');
        roff.append(".SH SYNOPSIS\n.B ").append(text(spec.qualifiedName(" "))).append('\n');
        for (OptionSpec o : spec.options()) {
            roff.append("[")
                    .append(text(o.longestName()))
                    .append(o.arity().max() > 0 ? " " + text(o.paramLabel()) : "")
                    .append("]\n");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            roff.append(text(p.paramLabel())).append('\n');
        }
        roff.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            roff.append(text(line)).append("\n.PP\n");
        }
        if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
            roff.append(".SH OPTIONS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                roff.append(".TP\n.I ")
                        .append(text(p.paramLabel()))
                        .append('\n')
                        .append(text(String.join(" ", p.description())))
                        .append('\n');
            }
            for (OptionSpec o : spec.options()) {
                roff.append(".TP\n.B ")
                        .append(text(String.join(", ", o.names())))
                        .append(o.arity().max() > 0 ? " \\fI" + text(o.paramLabel()) + "\\fR" : "")
                        .append('\n')
                        .append(
                                text(
                                        String.join(" ", o.description())
                                                .replace(
                                                        "${DEFAULT-VALUE}",
                                                        String.valueOf(o.defaultValue()))))
                        .append('\n');
            }
        }
        String[] footer = spec.usageMessage().footer();
        int exit = Arrays.asList(footer).indexOf("Exit codes:");
        if (exit > 0) {
            roff.append(".SH EXAMPLES\n.nf\n");
            for (int i = 0; i < exit; i++) {
                roff.append(text(footer[i])).append('\n');
            }
            roff.append(".fi\n");
        }
        roff.append(".SH EXIT STATUS\n.nf\n");
        for (String line : JobExits.table(JobExits.of(Main.command(spec)))) {
            roff.append(text(line)).append('\n');
        }
        roff.append(
                ".fi\n.SH SEE ALSO\nThe format: docs/FORMAT.md in the sources or share/doc/sealpack/FORMAT.md.\n");
        Files.writeString(dir.resolve(name + ".1"), roff.toString(), StandardCharsets.UTF_8);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            write(sub, dir);
        }
    }

    /**
     * Roff-safe text: backslashes escaped, minus signs literal, no line starting with a control
     * character.
     */
    static String text(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
