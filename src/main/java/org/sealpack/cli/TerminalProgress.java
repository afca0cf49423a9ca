package org.sealpack.cli;

import java.io.PrintWriter;

import org.sealpack.seal.Progress;

/**
 * A one-line progress display on stderr, redrawn at most five times a second and only after the first
 * half second, so short operations print nothing. Used only when a terminal is attached (never in a
 * pipe) and neither --quiet nor --json was given; the line is erased when the operation ends.
 */
final class TerminalProgress implements Progress {
    private final PrintWriter err;
    private String what = "";
    private long total;
    private long done;
    private long started;
    private long lastDraw;
    private boolean drawn;

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    static Progress forCommand(CommonOptions common, boolean json, PrintWriter err) {
        return System.console() != null && !common.quiet && !json ? new TerminalProgress(err) : Progress.NONE;
    }

    @Override
    public synchronized void start(String what, long totalBytes) {
        this.what = what;
        this.total = totalBytes;
        this.done = 0;
        this.started = System.nanoTime();
    }

    @Override
    public synchronized void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - started < 500_000_000L || now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        long mib = done >> 20;
        String line = total > 0
                ? String.format("%s %3d%% (%d of %d MiB)", what, Math.min(100, done * 100 / total), mib, total >> 20)
                : String.format("%s %d MiB", what, mib);
        err.print("\r" + line);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void done() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
