package org.sealpack.seal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import org.sealpack.archive.UnverifiedDirectory;
import org.sealpack.archive.UnverifiedSink;
import org.sealpack.bag.OpenedBag;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.BackgroundAfter;
import org.sealpack.io.Staging;

/**
 * A bag being opened: a fresh mode-0700 staging directory beside the destination that holds the
 * unverified entries, erased on any failure. Only the verified result of the check that filled it
 * lets it be placed at the destination ({@link #place}).
 */
final class StagedBag implements UnverifiedSink, AutoCloseable {
    private final Staging staging;
    private final UnverifiedDirectory entries;

    private StagedBag(Staging staging) {
        this.staging = staging;
        this.entries = new UnverifiedDirectory(staging.path());
    }

    /** A new staging directory beside {@code target}. */
    static StagedBag beside(Path target, Path named) {
        try {
            return new StagedBag(Staging.directory(target));
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot create a directory beside " + named + ": " + e.getMessage(),
                    "check that the directory is writable");
        }
    }

    /**
     * Renames the staged bag to its destination (replacing an earlier opened bag when {@code
     * replace}, as it was checked), given the proof that every check of this bag passed.
     */
    void place(Verified<Reports.Full> proof, Path destination, OpenedBag.Intact replace) {
        if (!proof.proves(this)) {
            throw new IllegalStateException(
                    "a bag is placed only with the verified result of its own check");
        }
        try {
            if (replace != null) {
                Outputs.recheckReplaceable(destination, replace);
                staging.commitReplacing(replace.tagManifestSha512());
            } else {
                staging.commit();
            }
        } catch (FileAlreadyExistsException e) {
            throw new OutputExistsException(
                    destination + " appeared while the file was being opened",
                    "nothing was replaced; open it again into a new directory");
        } catch (IOException e) {
            throw new WriteFailedException(
                    "cannot move the opened bag to " + destination + ": " + e.getMessage(),
                    "check permissions; nothing was left behind");
        }
    }

    @Override
    public void close() {
        staging.close();
    }

    // The sink: the entries' I/O errors (a full disk) are write failures, not taken for corrupt
    // input.

    private static void checkRunning() {
        if (Staging.aborting()) {
            throw new WriteFailedException("interrupted", "nothing was left behind");
        }
    }

    @Override
    public void directory(String path) {
        checkRunning();
        try {
            entries.directory(path);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public OutputStream file(String path) {
        checkRunning();
        try {
            OutputStream out = new BackgroundAfter(entries.file(path), 8 << 20, "sealpack-write");
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) {
                    checkRunning();
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        out.close();
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }
            };
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static WriteFailedException failed(IOException e) {
        return new WriteFailedException(
                "writing the opened bag failed: " + e.getMessage(),
                "check free disk space and permissions; nothing was left behind");
    }
}
