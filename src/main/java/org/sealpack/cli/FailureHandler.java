package org.sealpack.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.InputProblemsException;
import org.sealpack.failure.OverLimitException;
import org.sealpack.failure.SealpackException;
import org.sealpack.text.Untrusted;
import picocli.CommandLine;

/**
 * Prints a failure as one line, "sealpack: error: WHAT. hint: WHAT TO DO", and returns its exit
 * code. A stack trace only with --debug.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(line(e));
        if (debug(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    /**
     * The exit code of an exception a command threw: the table's, and a usage error picocli found
     * (a ParameterException, which the core never throws) is {@link ExitCode#USAGE}.
     */
    static int exitCode(Throwable e) {
        return e instanceof CommandLine.ParameterException
                ? ExitCode.USAGE.code
                : ExitCode.of(e).code;
    }

    /**
     * A usage error (a wrong, missing or unknown option or argument): one line in the form of every
     * other error, naming what is wrong and where to read more; not the whole help text.
     */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage() == null ? "wrong usage" : e.getMessage().strip();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        err.println(
                "sealpack: error: "
                        + Untrusted.of(message.replace('\n', ' '))
                        + ". hint: see '"
                        + cmd.getCommandSpec().qualifiedName()
                        + " --help'");
        if (Arrays.asList(args).contains("--debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE.code;
    }

    /** The line for an exhausted heap: what the heap is, and how to raise it. */
    static String outOfMemory(long maxHeapBytes) {
        return "sealpack: error: out of memory: the Java heap ("
                + (maxHeapBytes >> 20)
                + " MiB) cannot hold the"
                + " list of files (a few hundred bytes per file); nothing was left behind. hint: run it again with a"
                + " larger heap, for example SEALPACK_JAVA_OPTS=-Xmx4g (or java -Xmx4g -jar sealpack.jar)";
    }

    static String line(Throwable e) {
        if (e instanceof InputProblemsException several) {
            // Every problem of one input, one line each (a metadata file's, by line), then one
            // exit.
            return String.join(
                    System.lineSeparator(),
                    several.problems().stream().map(FailureHandler::line).toList());
        }
        if (e instanceof SealpackException s) {
            String hint = s.hint() == null ? "" : ". hint: " + s.hint();
            if (e instanceof OverLimitException over && LimitOptions.option(over.limit()) != null) {
                hint +=
                        ", or raise the limit with "
                                + LimitOptions.option(over.limit())
                                + " here and tell the recipients to open it with the same option";
            }
            return "sealpack: error: " + Untrusted.of(s.getMessage()) + Untrusted.of(hint);
        }
        return "sealpack: internal error: "
                + Untrusted.of(String.valueOf(e))
                + ". hint: run again with --debug and report the output";
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
