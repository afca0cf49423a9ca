package org.sealpack.seal;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.sealpack.failure.InputException;

/**
 * Where a sealed file is read from: a file (whose outer signature can then be read from its end
 * before anything else), or a stream such as standard input. Asked to, it hashes the very bytes it
 * hands out (SHA-256), so a receipt or a JSON report names the bytes that were verified, not a
 * second reading.
 */
public final class Source {
    /**
     * The buffer in front of a file or stream: no larger than the pipe's chunks, so that a reader
     * filling a whole chunk reads past it rather than through it (one copy less).
     */
    static final int READ_BUFFER = 1 << 18;

    /** How much of a stream is looked at before it is copied: every sealed file's headers fit. */
    static final int HEAD_BYTES = 1 << 16;

    private final Path file;
    private final InputStream stream;
    private final String name;
    private final boolean hashing;
    private final Progress progress;
    private MessageDigest digest;
    private Hashing opened;
    private String sha256;

    /**
     * Once {@link #pin}ned: the one open descriptor both passes read (the file itself, or the
     * spool).
     */
    private Pinned pinned;

    /**
     * A stream already opened and looked at by {@link #pin} that was not spooled (an anonymous
     * file): read as it is.
     */
    private InputStream held;

    /** The descriptor {@link #open} opened on a regular file that was not pinned. */
    private FileChannel openedChannel;

    private Source(Path file, InputStream stream, String name, boolean hashing, Progress progress) {
        this.file = file;
        this.stream = stream;
        this.name = name;
        this.hashing = hashing;
        this.progress = progress;
    }

    /** A sealed file on disk (or a named pipe, or {@code <(...)}). */
    public static Source file(Path file) {
        return new Source(file, null, file.toString(), false, Progress.NONE);
    }

    /** A sealed file read from a stream (standard input). */
    public static Source stream(InputStream in, String name) {
        return new Source(null, in, name, false, Progress.NONE);
    }

    /** The same source, telling {@code progress} how much of a file was read. */
    public Source withProgress(Progress progress) {
        return new Source(file, stream, name, hashing, progress);
    }

    /** The same source, hashing what it hands out: see {@link #sha256()}. */
    public Source hashed() {
        return new Source(file, stream, name, true, progress);
    }

    /** How messages name it. */
    public String name() {
        return name;
    }

    /**
     * A regular file, whose outer signature can be read from its end first; null for anything else.
     */
    Path seekable() {
        if (pinned != null) {
            return pinned.path;
        }
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    /**
     * Makes the source readable twice, through one open descriptor: a regular file is opened once;
     * a stream, a named pipe or {@code <(...)} is first copied as it is (ciphertext: nothing is
     * decrypted) into a staged file beside {@code spoolBeside} (mode 0600, erased when the returned
     * handle closes, and by a later run if this one is killed), refused beyond {@code maxBytes}.
     * Both passes then read the same bytes at the same descriptor, whatever is renamed over the
     * file's name meanwhile.
     */
    Pinned pin(Path spoolBeside, long maxBytes, String what) {
        return pin(spoolBeside, maxBytes, what, head -> {});
    }

    /**
     * As {@link #pin(Path, long, String)}, but a stream's first bytes (at most {@link #HEAD_BYTES})
     * are given to {@code headCheck} as soon as they have come, which refuses what can be refused
     * before the rest is copied (a one-pass header naming no trusted signer, bytes that are no
     * sealed file).
     */
    Pinned pin(Path spoolBeside, long maxBytes, String what, Consumer<byte[]> headCheck) {
        if (pinned != null) {
            throw new IllegalStateException("pinned twice");
        }
        Path regular = seekable();
        try {
            if (regular != null) {
                pinned =
                        new Pinned(
                                FileChannel.open(regular, StandardOpenOption.READ), regular, null);
            } else {
                InputStream raw = new BufferedInputStream(rawInput(), READ_BUFFER);
                if (Pinned.anonymous(raw)) {
                    // No outer signature to check first: read once, as it comes (its costs are
                    // bounded).
                    held = raw;
                    return Pinned.NOTHING;
                }
                pinned = Pinned.spool(raw, spoolBeside, maxBytes, name, progress, what, headCheck);
            }
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + name + ": " + e.getMessage(),
                    "check the path and permissions");
        }
        return pinned;
    }

    /**
     * The first pass over a pinned source: every byte from the start, not hashed (the second pass's
     * bytes are the ones a receipt names), shown as progress when {@code what} is not null.
     */
    InputStream firstPass(String what) {
        if (pinned == null) {
            throw new IllegalStateException("not pinned, or a stream read once");
        }
        return buffered(pinned.from(0), what);
    }

    /**
     * The first pass that authenticates: as {@link #firstPass}, every byte read under the keyed tag
     * the second pass ({@link #open}) is compared with ({@link #sameBytes}).
     */
    InputStream authenticatingPass(String what) {
        if (pinned == null) {
            throw new IllegalStateException("not pinned, or a stream read once");
        }
        return buffered(pinned.firstPass(), what);
    }

    /**
     * Whether the pass {@link #open} gave, read to its end, is byte for byte the authenticating
     * pass (compared by a keyed tag: {@link Pinned#sameBytes}); false when there was none.
     */
    boolean sameBytes() {
        return pinned != null && opened != null && pinned.sameBytes(opened);
    }

    private InputStream buffered(InputStream in, String what) {
        if (what != null && progress != Progress.NONE) {
            try {
                progress.start(what, pinned.channel.size());
            } catch (IOException e) {
                progress.start(what, 0);
            }
            in = new Hashing(in, null, progress);
        }
        return new BufferedInputStream(in, READ_BUFFER);
    }

    private InputStream rawInput() throws IOException {
        if (file == null) {
            return stream;
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new InputException(
                    file + " is a directory, not a sealed file", "give the .sealed file");
        }
        return new FileInputStream(file.toFile());
    }

    /**
     * The open descriptor of a regular file being read (pinned, or opened by {@link #open}), whose
     * signature may be read from its end; null for a stream.
     */
    FileChannel tail() {
        return pinned != null ? pinned.channel : openedChannel;
    }

    /** Opens it, once: buffered, counted for progress, hashed if asked. */
    InputStream open(String what) {
        if (opened != null) {
            throw new IllegalStateException("a source is read once");
        }
        InputStream in = stream;
        try {
            if (held != null) {
                in = held;
            } else if (pinned != null) {
                in = pinned.secondPass();
                if (progress != Progress.NONE) {
                    progress.start(what, pinned.channel.size());
                }
            } else if (file != null) {
                if (!Files.exists(file)) {
                    throw new NoSuchFileException(file.toString());
                }
                if (Files.isDirectory(file)) {
                    throw new InputException(
                            file + " is a directory, not a sealed file", "give the .sealed file");
                }
                // A named pipe or a process substitution (<(...)) is read as a stream: the channel
                // a
                // Files.newInputStream gives fails on them ("Illegal seek").
                if (Files.isRegularFile(file)) {
                    // One descriptor for the data and for the signature read from its end (tail).
                    openedChannel = FileChannel.open(file, StandardOpenOption.READ);
                    in = Channels.newInputStream(openedChannel);
                } else {
                    in = new FileInputStream(file.toFile());
                }
                if (progress != Progress.NONE) {
                    progress.start(what, Files.size(file));
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + file + ": " + e.getMessage(), "check its permissions");
        }
        digest = hashing ? sha256Digest() : null;
        opened = new Hashing(in, digest, progress);
        return new BufferedInputStream(opened, READ_BUFFER);
    }

    /**
     * The SHA-256 of every byte of the source, once it was read to its end (a verification reads it
     * all: nothing may follow the signature); null if it was not asked for with {@link #hashed()}.
     */
    public String sha256() {
        if (digest == null) {
            return null;
        }
        if (!opened.ended) {
            throw new IllegalStateException("the source was not read to its end");
        }
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    /**
     * After a failure, for a report of it: the SHA-256 of what was read when it was read to its
     * end, else of the file as it is on disk, else null (a stream that was not read to its end).
     */
    public String sha256IfKnown() {
        if (digest != null && opened != null && opened.ended) {
            return sha256();
        }
        Path file = seekable();
        if (file == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = sha256Digest();
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw bytes, hashed and counted as they are handed out. */
    private static final class Hashing extends FilterInputStream {
        private final MessageDigest digest;
        private final Progress progress;
        boolean ended;

        Hashing(InputStream in, MessageDigest digest, Progress progress) {
            super(in);
            this.digest = digest;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                if (digest != null) {
                    digest.update(b, off, n);
                }
                progress.advance(n);
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(
                    0, read(new byte[(int) Math.min(n, 1 << 16)], 0, (int) Math.min(n, 1 << 16)));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
