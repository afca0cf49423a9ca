package org.sealpack.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A file or directory written beside its target and renamed into place only when complete. Beside the
 * target, with one random R per run:
 * <ul>
 * <li>{@code .sealpack-R.lock}: locked by the owning process for as long as it lives (an fcntl lock,
 * which the kernel drops when the process ends, however it ends); it names the target;</li>
 * <li>{@code .sealpack-R.tmp}: the file or directory being written;</li>
 * <li>{@code .sealpack-R.old}: during {@link #commitReplacing()} of a directory, the previous output,
 * moved aside until the new one is in place.</li>
 * </ul>
 * Another run erases them ({@link #recoverBeside(Path)}) only when it can take the lock itself, that is
 * when the owner is provably gone; a process ID never decides, so a live run in another PID namespace,
 * or a stopped one, is left alone. The names do not contain the target's name, so a target name of 255
 * bytes still has room beside it.
 */
public final class Staging implements AutoCloseable {
    public static final String PREFIX = ".sealpack-";
    static final Pattern LOCK = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{24})\\.lock");
    static final String HEADER = "sealpack staging for:\n";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Lock files of this JVM's live stagings: never opened by the recovery (closing would drop the lock). */
    private static final Set<Staging> LIVE = ConcurrentHashMap.newKeySet();
    /** Held for a whole replacement, so that an interrupt waits for it to end rather than cut it in two. */
    private static final Object SWAP = new Object();
    private static volatile boolean aborting;
    /** Whether an output of this process was put in place (then an interruption did not lose it). */
    private static volatile boolean anyPlaced;

    private enum State { WRITING, ASIDE, PLACED, COMMITTED, CLOSED }

    private final Path target;
    private final Path lockFile;
    private final Path tmp;
    private final Path old;
    private final boolean directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile State state = State.WRITING;

    private Staging(Path target, boolean directory) throws IOException {
        this.target = target.toAbsolutePath();
        this.directory = directory;
        Path dir = this.target.getParent();
        String r = HexFormat.of().formatHex(randomBytes());
        Path fresh = dir.resolve(PREFIX + r + ".new");
        this.lockFile = dir.resolve(PREFIX + r + ".lock");
        this.tmp = dir.resolve(PREFIX + r + ".tmp");
        this.old = dir.resolve(PREFIX + r + ".old");
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileChannel channel = FileChannel.open(fresh, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            this.lock = channel.lock();
            channel.write(ByteBuffer.wrap((HEADER + this.target.getFileName()).getBytes(StandardCharsets.UTF_8)));
            // Locked before it gets the name recovery looks for: a lock file it can see is never
            // one whose owner has not taken the lock yet.
            Files.move(fresh, lockFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(fresh);
            throw e;
        }
        this.lockChannel = channel;
        LIVE.add(this);
        try {
            if (directory) {
                Files.createDirectory(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
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
     * Puts the staged output in place of the existing target. A file replaces it in one atomic rename.
     * A directory is swapped in three steps, each a rename or an erase of what was replaced: the old one
     * is renamed aside, the new one renamed into place, then the old one erased. At every point at least
     * one complete output exists, and {@link #recoverBeside(Path)} finishes or undoes a swap that a crash
     * cut short.
     */
    public void commitReplacing() throws IOException {
        if (!directory) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            state = State.COMMITTED;
            return;
        }
        synchronized (SWAP) {
            checkpoint("swap-before");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            state = State.ASIDE;
            checkpoint("swap-aside");
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                state = State.WRITING;
                throw e;
            }
            state = State.PLACED;
            anyPlaced = true;
            checkpoint("swap-placed");
            StagingRecovery.erase(old);
            state = State.COMMITTED;
            checkpoint("swap-erased");
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
                StagingRecovery.erase(tmp);
            }
            release();
        }
    }

    private void release() {
        state = State.CLOSED;
        try {
            Files.deleteIfExists(lockFile);
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
     * For an interrupted process (a shutdown hook): writers are told to stop, every staged output of this
     * process not yet in place is erased (twice more if a writer was between two writes), and a swap cut
     * short is finished or undone. A swap under way is let finish first. Returns whether an output of
     * this process had already been put in place (so the run was interrupted after it completed).
     */
    public static boolean abortAll() {
        aborting = true;
        synchronized (SWAP) {
            for (int round = 0; round < 3 && !LIVE.isEmpty(); round++) {
                for (Staging s : List.copyOf(LIVE)) {
                    if (s.state == State.WRITING) {
                        StagingRecovery.erase(s.tmp);
                        if (Files.exists(s.tmp, LinkOption.NOFOLLOW_LINKS)) {
                            continue; // a writer made something after the erase: next round
                        }
                    } else if (s.state == State.ASIDE) {
                        try {
                            Files.move(s.old, s.target, StandardCopyOption.ATOMIC_MOVE);
                            StagingRecovery.erase(s.tmp);
                        } catch (IOException e) {
                            continue; // left for the next run, which finishes or undoes it
                        }
                    } else if (s.state == State.PLACED) {
                        StagingRecovery.erase(s.old);
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
     * replacement cut short is undone (the previous output put back) or finished (the previous output,
     * already replaced, erased). Returns one sentence per thing done, for the user.
     */
    public static List<String> recoverBeside(Path target) {
        List<String> done = new ArrayList<>();
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return done;
        }
        List<Path> locks;
        try (var entries = Files.list(dir)) {
            locks = entries.filter(p -> LOCK.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            return done;
        }
        for (Path lockFile : locks) {
            if (LIVE.stream().anyMatch(s -> s.lockFile.equals(lockFile))) {
                continue;
            }
            StagingRecovery.recover(lockFile, done);
        }
        return done;
    }

    /**
     * A test hook, to crash at a named step of a replacement without timing: when the system property
     * {@code sealpack.test.killAt} names this step, the process sends itself SIGKILL here.
     */
    private static void checkpoint(String step) {
        if (step.equals(System.getProperty("sealpack.test.killAt"))) {
            try {
                new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException | InterruptedException e) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
