package org.sealpack.seal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.sealpack.archive.EntrySink;
import org.sealpack.archive.Limits;
import org.sealpack.failure.InputException;
import org.sealpack.io.ChunkPipe;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealReader;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.SignatureCheck;

/** Verifies a sealed file without writing anything: the outer layer alone, or everything with a key. */
public final class Verifier {
    static final int READ_BUFFER = 1 << 20;

    private Verifier() {
    }

    /** The custodian's check: the outer signature by a trusted signer, with no secret key. */
    public static Reports.Outer verifyOuter(Path file, List<Certificate> trusted) {
        return verifyOuter(file, trusted, Progress.NONE);
    }

    public static Reports.Outer verifyOuter(Path file, List<Certificate> trusted, Progress progress) {
        ChunkPipe pipe = new ChunkPipe();
        try (InputStream file_ = openInput(file, progress, "verifying")) {
            pipe.fillFrom(file_, "sealpack-read");
            return verifyOuter(new BufferedInputStream(pipe.input(), 1 << 16), trusted, seekable(file));
        } catch (RuntimeException e) {
            pipe.cancel(e);
            throw e;
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), "check the path and permissions");
        }
    }

    /** The custodian's check of a sealed file read from a stream (standard input). */
    public static Reports.Outer verifyOuter(InputStream in, List<Certificate> trusted) {
        return verifyOuter(in, trusted, null);
    }

    /** A regular file, whose outer signature can be read from its end first; null for anything else. */
    static Path seekable(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }

    private static Reports.Outer verifyOuter(InputStream in, List<Certificate> trusted, Path file) {
        try (SealReader reader = SealReader.open(in, trusted, file)) {
            SignatureCheck outer = reader.verifyOuter(trusted);
            return new Reports.Outer(outer.signer(), outer.created(), reader.recipients(), reader.fileBytesRead(),
                    reader.innerBytesRead(), false, outer.notes());
        }
    }

    /** The recipient's check of a sealed file read from a stream (standard input). */
    public static Reports.Full verifyFull(InputStream in, List<Certificate> trusted, List<Key> keys,
                                          Passphrases passphrases, Limits limits) {
        return verifyFull(in, trusted, keys, passphrases, limits, (Path) null);
    }

    private static Reports.Full verifyFull(InputStream in, List<Certificate> trusted, List<Key> keys,
                                           Passphrases passphrases, Limits limits, Path file) {
        try (SealReader reader = SealReader.open(in, trusted, file)) {
            return InnerCheck.run(reader, keys, passphrases, trusted, EntrySink.DISCARD, limits);
        }
    }

    /** The recipient's check: everything, extracting nothing. */
    public static Reports.Full verifyFull(Path file, List<Certificate> trusted, List<Key> keys,
                                          Passphrases passphrases, Limits limits) {
        return verifyFull(file, trusted, keys, passphrases, limits, Progress.NONE);
    }

    public static Reports.Full verifyFull(Path file, List<Certificate> trusted, List<Key> keys,
                                          Passphrases passphrases, Limits limits, Progress progress) {
        try (InputStream in = openInput(file, progress, "verifying")) {
            return verifyFull(in, trusted, keys, passphrases, limits, seekable(file));
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), "check the path and permissions");
        }
    }

    static InputStream openInput(Path file) {
        return openInput(file, Progress.NONE, null);
    }

    /** The sealed file, buffered, telling {@code progress} how much of it was read. */
    static InputStream openInput(Path file, Progress progress, String what) {
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (Files.isDirectory(file)) {
                throw new InputException(file + " is a directory, not a sealed file", "give the .sealed file");
            }
            // A named pipe or a process substitution (<(...)) is read as a stream: the channel a
            // Files.newInputStream gives fails on them ("Illegal seek").
            InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file) : new java.io.FileInputStream(file.toFile());
            if (progress != Progress.NONE) {
                progress.start(what, Files.size(file));
                in = new java.io.FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            progress.advance(n);
                        }
                        return n;
                    }
                };
            }
            return new BufferedInputStream(in, READ_BUFFER);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), "check its permissions");
        }
    }
}
