package org.sealpack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sealpack.failure.ExitCode;
import org.sealpack.io.Erasure;
import org.sealpack.jobs.JobExits;
import org.sealpack.text.Untrusted;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The entry point: the only place that calls System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        fastLocaleData();
        PrintWriter err = new PrintWriter(System.err, true);
        Interruption.install(err);
        Erasure.reportTo(
                line -> {
                    err.println("sealpack: note: " + Untrusted.of(line));
                    err.flush();
                });
        int code = run(args, new PrintWriter(System.out, true), err);
        Interruption.finished();
        System.exit(code);
    }

    /**
     * On Java 17 to 20, the JRE's own locale data instead of CLDR's. Bouncy Castle's default
     * OpenPGP policy parses dates with a time-zone name at every start, and CLDR then derives the
     * names of every time zone: measured, about 0.1 s of a 0.3 s {@code verify}. sealpack prints no
     * locale-dependent dates or numbers (ISO 8601 and plain digits), so nothing it prints changes.
     * Java 21 warns that this provider will be removed, so there it is left alone; a value the user
     * set is kept.
     */
    static void fastLocaleData() {
        if (Runtime.version().feature() < 21
                && System.getProperty("java.locale.providers") == null) {
            System.setProperty("java.locale.providers", "COMPAT,CLDR");
        }
    }

    /** Runs one command line and returns its exit code; tests call this too. */
    public static int run(String[] given, PrintWriter out, PrintWriter err) {
        String[] args = globalOptionsAfterTheCommand(given);
        try {
            return commandLine(out, err, args).execute(args);
        } catch (OutOfMemoryError e) {
            // By now the stack is unwound and what filled the heap is garbage: there is room to say
            // so.
            err.println(FailureHandler.outOfMemory(Runtime.getRuntime().maxMemory()));
            if (Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            return ExitCode.OUT_OF_MEMORY.code;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The exit codes the command these arguments name can return, as its --help lists them (for
     * tests, which check every exit they see against it).
     */
    public static Set<Integer> exitCodesOf(String... given) {
        String[] args = globalOptionsAfterTheCommand(given);
        String command =
                args.length > 0 && SealpackCommand.SUBCOMMANDS.containsKey(args[0])
                        ? args[0]
                        : "sealpack";
        if ((command.equals("keys") || command.equals("custody"))
                && args.length > 1
                && !args[1].startsWith("-")
                && !args[1].equals("help")) {
            command = command + " " + args[1];
        }
        Set<Integer> codes = new TreeSet<>();
        JobExits.of(command).forEach(c -> codes.add(c.code));
        return codes;
    }

    /** Options every command takes, which a user may also write before the command's name. */
    private static final Set<String> GLOBAL_FLAGS = Set.of("-q", "--quiet", "--debug", "--json");

    /**
     * {@code sealpack --home D keys list} as {@code sealpack keys list --home D}: the global
     * options written before the command are moved after it (before a "--", if there is one), where
     * picocli gives them to the command. Anything else before the command (--help, --version, an
     * unknown option) stays.
     */
    static String[] globalOptionsAfterTheCommand(String[] args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--home") && i + 1 < args.length) {
                leading.add(a);
                leading.add(args[i + 1]);
                i += 2;
            } else if (a.startsWith("--home=") || GLOBAL_FLAGS.contains(a)) {
                leading.add(a);
                i++;
            } else {
                break;
            }
        }
        if (leading.isEmpty() || i == args.length) {
            return args;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(i, args.length));
        int end = rest.indexOf("--");
        rest.addAll(end < 0 ? rest.size() : end, leading);
        return rest.toArray(String[]::new);
    }

    /** The command's name as the exit-code table knows it ("sealpack", "pack", "keys list"). */
    static String command(CommandSpec spec) {
        String name = spec.qualifiedName();
        return name.equals("sealpack") ? "sealpack" : name.substring("sealpack ".length());
    }

    private static void addExitCodes(CommandLine cmd) {
        var usage = cmd.getCommandSpec().usageMessage();
        List<String> footer = new ArrayList<>(List.of(usage.footer()));
        if (footer.isEmpty()) {
            usage.footerHeading("%nExit codes:%n");
        } else {
            footer.add("");
            footer.add("Exit codes:");
        }
        footer.addAll(JobExits.table(JobExits.of(command(cmd.getCommandSpec()))));
        usage.footer(footer.toArray(String[]::new));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addExitCodes(sub);
        }
    }

    /** The whole command tree (for --help, man pages and completion). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command tree for one command line: when its first argument names a subcommand, only that
     * one is built (its help, errors and behaviour are the same as in the whole tree); otherwise
     * all.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cmd = new CommandLine(new SealpackCommand().spec);
        String first = args.length > 0 ? args[0] : null;
        var only =
                first == null || "help".equals(first)
                        ? null
                        : SealpackCommand.SUBCOMMANDS.get(first);
        if (only != null) {
            cmd.addSubcommand(first, only.get());
        } else {
            SealpackCommand.SUBCOMMANDS.forEach(
                    (name, make) -> cmd.addSubcommand(name, make.get()));
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new FailureHandler());
        cmd.setParameterExceptionHandler(FailureHandler::usage);
        cmd.setExitCodeExceptionMapper(FailureHandler::exitCode);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        addExitCodes(cmd);
        return cmd;
    }
}
