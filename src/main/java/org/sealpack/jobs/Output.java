package org.sealpack.jobs;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;
import org.sealpack.report.Checked;
import org.sealpack.report.Json;
import org.sealpack.report.Printer;
import org.sealpack.seal.Progress;

/**
 * Where a job shows its result, as the command line chose: the text report for people (a writer
 * that discards under --quiet), the JSON document of docs/sealpack.schema.json (null without
 * --json, which replaces the text), notes on things done beside the output, and the progress line.
 */
public record Output(
        PrintWriter text, PrintWriter json, Consumer<String> notices, Progress progress) {
    public Output {
        progress = progress == null ? Progress.NONE : progress;
        notices = notices == null ? n -> {} : notices;
    }

    boolean wantsJson() {
        return json != null;
    }

    /** A check that passed, as the text report or as the JSON document. */
    void show(Checked result) {
        printer().checked(result);
        if (json != null) {
            Json.print(json, Json.checked(result));
        }
    }

    /** The text report, or nothing when the JSON document replaces it. */
    Printer printer() {
        return new Printer(json != null ? new PrintWriter(Writer.nullWriter()) : text);
    }
}
