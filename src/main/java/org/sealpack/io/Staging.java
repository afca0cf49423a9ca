package org.sealpack.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A file or directory written beside its target and renamed into place only when complete. Beside
 * the target, with one random R per run:
 *
 * <ul>
 *   <li>{@code .sealpack-R.lock}: locked by the owning process for as long as it lives (an fcntl
 *       lock, which the kernel drops when the process ends, however it ends); it names the target;
 *   <li>{@code .sealpack-R.tmp}: the file or directory being written;
 *   <li>{@code .sealpack-R.old}: during {@link #commitReplacing(String)} of a directory, the
 *       previous output, moved aside until the new one is in place.
 * </ul>
 *
 * Another run erases them ({@link #recoverBeside(Path)}) only when it can take the lock itself,
 * that is when the owner is provably gone (a process ID never decides, so a live run in another PID
 * namespace, or a stopped one, is left alone), and only what the lock file's journal ({@link
 * Journal}) proves that run made, through directory handles ({@link Erasure}). The names do not
 * contain the target's name, so a target name of 255 bytes still has room beside it.
 */
public final class Staging implements AutoCloseable {
    public static final String PREFIX = ".sealpack-";
    static final Pattern LOCK = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{24})\\.lock");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Lock files of this JVM's live stagings: never opened by the recovery (closing would drop the
     * lock).
     */
    private static final Set<Staging> LIVE = ConcurrentHashMap.newKeySet();

    /**
     * Held for a whole replacement, so that an interrupt waits for it to end rather than cut it in
     * two.
     */
    private static final Object SWAP = new Object();

    private static volatile boolean aborting;

    /**
     * Whether an output of this process was put in place (then an interruption did not lose it).
     */
    private static volatile boolean anyPlaced;

    private enum State {
        WRITING,
        ASIDE,
        PLACED,
        COMMITTED,
        CLOSED
    }

    private final Path target;
    private final Path lockFile;
    private final Path tmp;
    private final Path old;
    private final boolean directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String lockKey;
    private final String tmpKey;
    private String oldKey;
    private volatile State state = State.WRITING;

    private Staging(Path target, boolean directory) throws IOException {
        this.target = target.toAbsolutePath();
        this.directory = directory;
        Path dir = this.target.getParent();
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String r = HexFormat.of().formatHex(random);
        Path fresh = dir.resolve(PREFIX + r + ".new");
        this.lockFile = dir.resolve(PREFIX + r + ".lock");
        this.tmp = dir.resolve(PREFIX + r + ".tmp");
        this.old = dir.resolve(PREFIX + r + ".old");
        Files.createFile(
                fresh,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileChannel channel =
                FileChannel.open(fresh, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            this.lock = channel.lock();
            Journal.record(
                    channel, Journal.HEADER + this.target.getFileName() + Journal.END_OF_NAME);
            // Locked before it gets the name recovery looks for: a lock file it can see is never
            // one whose owner has not taken the lock yet.
            Files.move(fresh, lockFile, StandardCopyOption.ATOMIC_MOVE);
            this.lockKey = Journal.identity(lockFile);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(fresh);
            throw e;
        }
        this.lockChannel = channel;
        LIVE.add(this);
        try {
            if (directory) {
                Files.createDirectory(
                        tmp,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createFile(
                        tmp,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            }
            // Recorded before anything goes into it: a later run erases only this very one.
            this.tmpKey = Journal.identity(tmp);
            Journal.record(channel, Journal.TMP + tmpKey + "\n");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Erases this run's staged file or directory; returns what was left alone, for the caller to
     * report.
     */
    private List<String> eraseTmp() {
        return tmpKey == null
                ? List.of()
                : Erasure.erase(tmp.getParent(), tmp.getFileName().toString(), tmpKey);
    }

    private void eraseOld() {
        Erasure.report(Erasure.erase(old.getParent(), old.getFileName().toString(), oldKey));
    }

    /**
     * Moves what this run moved aside back to the target, if it is still the very directory moved
     * aside.
     */
    private void putBack() throws IOException {
        if (!Journal.identity(old).equals(oldKey)) {
            throw new IOException(old.getFileName() + " is no longer the directory moved aside");
        }
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A new empty file (mode 0600) beside the target. */
    public static Staging file(Path target) throws IOException {
        return new Staging(target, false);
    }

    /** A new empty directory (mode 0700) beside the target. */
    public static Staging directory(Path target) throws IOException {
        return new Staging(target, true);
    }

    /** The file or directory to write. */
    public Path path() {
        return tmp;
    }

    /** Whether this process is being interrupted: writers stop at their next write. */
    public static boolean aborting() {
        return aborting;
    }

    /** Renames the staged file or directory to the target, which must not exist. */
    public void commit() throws IOException {
        if (!directory) {
            try {
                // A hard link fails if the target exists, even if it appeared a moment ago; rename
                // would replace it.
                Files.createLink(target, tmp);
                Files.delete(tmp);
                state = State.COMMITTED;
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                // No hard links on this file system (FAT, exFAT): check, then rename.
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        state = State.COMMITTED;
    }

    /**
     * Puts the staged output in place of the existing target. A file replaces it in one atomic
     * rename. A directory is swapped in three steps, each a rename or an erase of what was
     * replaced: the old one is renamed aside, the new one renamed into place, then the old one
     * erased. At every point at least one complete output exists, and {@link #recoverBeside(Path)}
     * finishes or undoes a swap that a crash cut short.
     */
    public void commitReplacing() throws IOException {
        if (directory) {
            throw new IllegalStateException(
                    "a directory is replaced with the tag-manifest digest of what it replaces");
        }
        commitReplacing(null);
    }

    /**
     * As {@link #commitReplacing()}, for a directory: {@code tagManifestSha512} is the SHA-512 of
     * the tag manifest of the bag replaced (checked by the caller to match its manifests), recorded
     * in the journal so that the next run puts back or erases only that bag.
     */
    public void commitReplacing(String tagManifestSha512) throws IOException {
        if (!directory) {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            state = State.COMMITTED;
            return;
        }
        synchronized (SWAP) {
            Checkpoint.at("swap-before");
            // The journal names what is moved aside before it moves: the next run puts back or
            // erases
            // only this very directory, and only while its tag manifest is still this one.
            oldKey = Journal.identity(target);
            Journal.record(
                    lockChannel,
                    Journal.OLD + oldKey + "\n" + Journal.DIGEST + tagManifestSha512 + "\n");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            state = State.ASIDE;
            Checkpoint.at("swap-aside");
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                putBack();
                state = State.WRITING;
                throw e;
            }
            state = State.PLACED;
            anyPlaced = true;
            Checkpoint.at("swap-placed");
            eraseOld();
            state = State.COMMITTED;
            Checkpoint.at("swap-erased");
        }
    }

    /** Erases what was staged unless it was committed, and releases the lock. */
    @Override
    public void close() {
        synchronized (SWAP) {
            if (state == State.CLOSED) {
                return;
            }
            if (state == State.WRITING) {
                Erasure.report(eraseTmp());
            }
            release();
        }
    }

    private void release() {
        state = State.CLOSED;
        try {
            if (Journal.identity(lockFile).equals(lockKey)) { // only the very lock file it made
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException e) {
            // the lock is dropped below; a later run takes it and deletes the file
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // closing drops the lock in any case
        }
        LIVE.remove(this);
    }

    /**
     * For an interrupted process (a shutdown hook): writers are told to stop, every staged output
     * of this process not yet in place is erased (twice more if a writer was between two writes),
     * and a swap cut short is finished or undone. A swap under way is let finish first. Returns
     * whether an output of this process had already been put in place (so the run was interrupted
     * after it completed).
     */
    public static boolean abortAll() {
        aborting = true;
        synchronized (SWAP) {
            for (int round = 0; round < 3 && !LIVE.isEmpty(); round++) {
                for (Staging s : List.copyOf(LIVE)) {
                    if (s.state == State.WRITING) {
                        List<String> left = s.eraseTmp();
                        if (Files.exists(s.tmp, LinkOption.NOFOLLOW_LINKS)) {
                            Erasure.report(
                                    round == 2
                                            ? left
                                            : List.of()); // said only if the last round left it
                            continue; // a writer made something after the erase: next round
                        }
                    } else if (s.state == State.ASIDE) {
                        try {
                            s.putBack();
                            Erasure.report(s.eraseTmp());
                        } catch (IOException e) {
                            continue; // left for the next run, which finishes or undoes it
                        }
                    } else if (s.state == State.PLACED) {
                        s.eraseOld();
                    }
                    s.release();
                }
                if (!LIVE.isEmpty()) {
                    try {
                        Thread.sleep(20); // a writer between two writes sees the flag and stops
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return anyPlaced;
                    }
                }
            }
        }
        return anyPlaced;
    }

    /**
     * Cleans up what runs that are gone left beside the target: for each lock file in the target's
     * directory whose lock this process can take, a staged file or directory is erased, and a
     * replacement cut short is undone (the previous output put back) or finished (the previous
     * output, already replaced, erased), each only when provably what that run of this user made
     * ({@link StagingRecovery}). Returns one sentence per thing done or left alone, for the user.
     * {@code bagDigest}: the tag-manifest SHA-512 of an opened bag matching its manifests, else
     * null.
     */
    public static List<String> recoverBeside(Path target, Function<Path, String> bagDigest) {
        Path dir = target.toAbsolutePath().getParent();
        Set<String> live = new HashSet<>();
        LIVE.stream()
                .filter(s -> s.lockFile.getParent().equals(dir))
                .forEach(s -> live.add(s.lockFile.getFileName().toString()));
        return StagingRecovery.beside(dir, live, bagDigest);
    }

    /**
     * As {@link #recoverBeside(Path, Function)} for a file target, beside which no bag is moved
     * aside.
     */
    public static List<String> recoverBeside(Path target) {
        return recoverBeside(target, null);
    }
}
