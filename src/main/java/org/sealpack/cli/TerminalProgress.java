package org.sealpack.cli;

import java.io.PrintWriter;
import org.sealpack.report.ProgressLine;
import org.sealpack.seal.Progress;

/**
 * The progress line of a command: drawn on stderr only at a terminal, and neither with --quiet nor
 * --json.
 */
final class TerminalProgress {
    private TerminalProgress() {}

    static Progress forCommand(CommonOptions common, boolean json, PrintWriter err) {
        if (!ProgressLine.stderrIsATerminal() || common.quiet || json) {
            return Progress.NONE;
        }
        ProgressLine progress = new ProgressLine(err);
        Interruption.showing(progress);
        return progress;
    }
}
