package org.sealpack.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sealpack.seal.Progress;

/**
 * A one-line progress display on stderr: bytes done, rate and time left, redrawn at most five times
 * a second and only after the first half second, so short operations print nothing. Used only when
 * a terminal is attached (never in a pipe) and neither --quiet nor --json was given; the line is
 * erased when the operation ends, and by the command line's handler of Ctrl-C ({@link #clear()}).
 */
public final class ProgressLine implements Progress {
    private final PrintWriter err;
    private String what = "";
    private long total;
    private long done;
    private long started;
    private long lastDraw;
    private boolean drawn;

    public ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /**
     * Whether standard error, where the line is drawn, is a terminal: on Linux, what /proc says fd
     * 2 is (so {@code pack -o - > file} still shows progress); elsewhere, whether Java has a
     * console (both standard input and output at a terminal).
     */
    public static boolean stderrIsATerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
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
        err.print("\r" + line(what, done, total, now - started) + "\033[K");
        err.flush();
        drawn = true;
    }

    /**
     * "sealing 37% (222 of 600 MiB), 85 MiB/s, 5 s left", or without a total "opening 222 MiB, 85
     * MiB/s".
     */
    public static String line(String what, long done, long total, long elapsedNanos) {
        long mib = done >> 20;
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        double rate = done / seconds;
        String speed = String.format(Locale.ROOT, "%d MiB/s", Math.round(rate / (1 << 20)));
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s %d MiB, %s", what, mib, speed);
        }
        long left = rate > 0 ? Math.round(Math.max(0, total - done) / rate) : -1;
        String eta = left < 0 ? "" : ", " + duration(left) + " left";
        return String.format(
                Locale.ROOT,
                "%s %3d%% (%d of %d MiB), %s%s",
                what,
                Math.min(100, done * 100 / total),
                mib,
                total >> 20,
                speed,
                eta);
    }

    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    @Override
    public synchronized void done() {
        clear();
    }

    /** Erases the line if one is on the screen. */
    public synchronized void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
