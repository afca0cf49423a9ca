package org.sealpack.cli;

import java.io.PrintWriter;
import org.sealpack.io.Staging;
import org.sealpack.report.ProgressLine;

/**
 * What happens on Ctrl-C (SIGINT) or SIGTERM while a command runs: the JVM runs its shutdown hooks,
 * and this one removes every temporary file or directory the run made ({@link Staging#abortAll}),
 * erases the progress line, and says in one line that nothing was left behind. The exit code is 130
 * (128 + SIGINT) or 143 (SIGTERM), from the JVM.
 */
final class Interruption {
    private static volatile boolean running;
    private static volatile ProgressLine progress;

    private Interruption() {}

    /** Installs the hook; from now until {@link #finished()}, a shutdown is an interruption. */
    static void install(PrintWriter err) {
        running = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> onShutdown(err), "sealpack-cleanup"));
    }

    /** The command is over: a shutdown from now on is its normal exit. */
    static void finished() {
        running = false;
    }

    static void showing(ProgressLine shown) {
        progress = shown;
    }

    private static void onShutdown(PrintWriter err) {
        boolean interrupted = running;
        boolean placed = Staging.abortAll();
        if (!interrupted) {
            return;
        }
        ProgressLine shown = progress;
        if (shown != null) {
            shown.clear();
        }
        err.println(
                placed
                        ? "sealpack: interrupted after the output was complete; it was kept"
                        : "sealpack: interrupted; nothing was left behind (every temporary file was removed)");
        err.flush();
    }
}
