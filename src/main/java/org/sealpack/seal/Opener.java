package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.sealpack.archive.DirectoryExtractor;
import org.sealpack.archive.EntrySink;
import org.sealpack.archive.Limits;
import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
import org.sealpack.io.Staging;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealReader;
import org.sealpack.pgp.Key;

/**
 * Opens a sealed file: decrypts into a fresh mode-0700 directory beside the destination, verifies
 * everything, and only then renames it to the destination. On any failure the directory is erased.
 */
public final class Opener {
    private Opener() {
    }

    /**
     * Where the bag goes: the directory, whether an earlier opened bag there may be replaced, the
     * directories never to replace (the home and keyring directories), and who is told of the
     * clean-up of runs that were cut short.
     */
    public record Destination(Path directory, boolean force, List<Path> protect, Consumer<String> notices) {
        public Destination {
            protect = List.copyOf(protect);
        }

        public static Destination of(Path directory) {
            return new Destination(directory, false, List.of(), n -> { });
        }
    }

    public static Reports.Full open(Path file, List<Certificate> trusted, List<Key> keys, Passphrases passphrases,
                                    Destination destination, Limits limits) {
        return open(file, trusted, keys, passphrases, destination, limits, Progress.NONE);
    }

    public static Reports.Full open(Path file, List<Certificate> trusted, List<Key> keys, Passphrases passphrases,
                                    Destination destination, Limits limits, Progress progress) {
        return open(() -> Verifier.openInput(file, progress, "opening"), file.toString(), Verifier.seekable(file),
                trusted, keys, passphrases, destination, limits);
    }

    /** Opens a sealed file read from a stream (standard input). */
    public static Reports.Full open(InputStream in, List<Certificate> trusted, List<Key> keys, Passphrases passphrases,
                                    Destination destination, Limits limits) {
        return open(() -> in, "the input", null, trusted, keys, passphrases, destination, limits);
    }

    private interface Source {
        InputStream open();
    }

    private static Reports.Full open(Source source, String name, Path file, List<Certificate> trusted, List<Key> keys,
                                     Passphrases passphrases, Destination destination, Limits limits) {
        Path target = destination.directory().toAbsolutePath().normalize();
        boolean replace = Outputs.checkBagDestination(destination.directory(), destination.force(),
                destination.protect());
        Staging.recoverBeside(target).forEach(destination.notices());
        Staging staging;
        try {
            staging = Staging.directory(target);
        } catch (IOException e) {
            throw new WriteFailedException("cannot create a directory beside " + destination.directory() + ": "
                    + e.getMessage(), "check that the directory is writable");
        }
        try (staging; InputStream in = source.open(); SealReader reader = SealReader.open(in, trusted, file)) {
            Reports.Full report = InnerCheck.run(reader, keys, passphrases, trusted,
                    new WriteFailures(new DirectoryExtractor(staging.path())), limits);
            place(staging, destination.directory(), replace);
            return report;
        } catch (IOException e) {
            throw new InputException("cannot read " + name + ": " + e.getMessage(), "check the path and permissions");
        }
    }

    private static void place(Staging staging, Path destination, boolean replace) {
        try {
            if (replace) {
                Outputs.recheckReplaceable(destination);
                staging.commitReplacing();
            } else {
                staging.commit();
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new OutputExistsException(destination + " appeared while the file was being opened",
                    "nothing was replaced; open it again into a new directory");
        } catch (IOException e) {
            throw new WriteFailedException("cannot move the opened bag to " + destination + ": " + e.getMessage(),
                    "check permissions; nothing was left behind");
        }
    }

    /** Turns the sink's I/O errors (disk full) into a write failure, so they are not taken for corrupt input. */
    private record WriteFailures(EntrySink sink) implements EntrySink {
        private static void checkRunning() {
            if (Staging.aborting()) {
                throw new WriteFailedException("interrupted", "nothing was left behind");
            }
        }

        @Override
        public void directory(String path) {
            checkRunning();
            try {
                sink.directory(path);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public OutputStream file(String path) {
            checkRunning();
            try {
                OutputStream out = sink.file(path);
                return new java.io.FilterOutputStream(out) {
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
            return new WriteFailedException("writing the opened bag failed: " + e.getMessage(),
                    "check free disk space and permissions; nothing was left behind");
        }
    }
}
