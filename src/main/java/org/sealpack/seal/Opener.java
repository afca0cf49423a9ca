package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.sealpack.archive.DirectoryExtractor;
import org.sealpack.archive.EntrySink;
import org.sealpack.archive.Limits;
import org.sealpack.failure.InputException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.WriteFailedException;
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

    public static Reports.Full open(Path file, List<Certificate> trusted, List<Key> keys, Passphrases passphrases,
                                    Path destination, boolean force, Limits limits) {
        return open(file, trusted, keys, passphrases, destination, force, limits, Progress.NONE);
    }

    public static Reports.Full open(Path file, List<Certificate> trusted, List<Key> keys, Passphrases passphrases,
                                    Path destination, boolean force, Limits limits, Progress progress) {
        return open(() -> Verifier.openInput(file, progress, "opening"), file.toString(), trusted, keys, passphrases,
                destination, force, limits);
    }

    /** Opens a sealed file read from a stream (standard input). */
    public static Reports.Full open(InputStream in, List<Certificate> trusted, List<Key> keys, Passphrases passphrases,
                                    Path destination, boolean force, Limits limits) {
        return open(() -> in, "the input", trusted, keys, passphrases, destination, force, limits);
    }

    private interface Source {
        InputStream open();
    }

    private static Reports.Full open(Source source, String name, List<Certificate> trusted, List<Key> keys,
                                     Passphrases passphrases, Path destination, boolean force, Limits limits) {
        Path target = destination.toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            throw new OutputExistsException(destination + " exists", "choose another directory, or add --force to replace it");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new InputException("the directory for " + destination + " does not exist", "create it first");
        }
        TemporaryFiles.eraseLeftoversBeside(target);
        Path tmp;
        try {
            tmp = TemporaryFiles.newDirectoryBeside(target);
        } catch (IOException e) {
            throw new WriteFailedException("cannot create a directory beside " + destination + ": " + e.getMessage(),
                    "check that the directory is writable");
        }
        try (InputStream in = source.open(); SealReader reader = SealReader.open(in, trusted)) {
            Reports.Full report = InnerCheck.run(reader, keys, passphrases, trusted,
                    new WriteFailures(new DirectoryExtractor(tmp)), limits);
            place(tmp, target, force);
            return report;
        } catch (IOException e) {
            throw new InputException("cannot read " + name + ": " + e.getMessage(), "check the path and permissions");
        } finally {
            TemporaryFiles.erase(tmp);
        }
    }

    private static void place(Path tmp, Path target, boolean force) {
        try {
            if (force && Files.exists(target)) {
                Path old = TemporaryFiles.newDirectoryBeside(target);
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                TemporaryFiles.release(tmp);
                TemporaryFiles.erase(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                TemporaryFiles.release(tmp);
            }
        } catch (IOException e) {
            throw new WriteFailedException("cannot move the opened bag to " + target + ": " + e.getMessage(),
                    "check permissions; nothing was left behind");
        }
    }

    /** Turns the sink's I/O errors (disk full) into a write failure, so they are not taken for corrupt input. */
    private record WriteFailures(EntrySink sink) implements EntrySink {
        private static void checkRunning() {
            if (TemporaryFiles.shuttingDown()) {
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
