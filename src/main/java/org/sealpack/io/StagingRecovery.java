package org.sealpack.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * What the next run does with what a run that is gone (its lock free) left beside an output
 * (docs/FORMAT.md section 5), all through the handle of the output's directory, which others may be
 * able to write: a lock file is used only if it is this user's regular file; a staged file or
 * directory is erased only if it is the very one the journal in the lock names (its identity), and
 * only what this user owns in it; a replacement cut short is undone or finished only if what was
 * moved aside is still the very bag the journal names, unchanged (its tag manifest's SHA-512, every
 * file matching its manifests, nothing added). Anything else is named in one line and left alone.
 */
final class StagingRecovery {
    private StagingRecovery() {}

    /**
     * What {@link Staging#recoverBeside} does, in the directory {@code dir}; {@code live} are this
     * JVM's own lock files there.
     */
    static List<String> beside(Path dir, Set<String> live, Function<Path, String> bagDigest) {
        List<String> done = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return done;
        }
        try (SecureDirectoryStream<Path> handle = Erasure.open(dir)) {
            if (handle == null) {
                try (var entries = Files.list(dir)) {
                    entries.filter(p -> Staging.LOCK.matcher(p.getFileName().toString()).matches())
                            .forEach(
                                    p ->
                                            done.add(
                                                    p
                                                            + " and what it names were left alone: this system cannot erase through directory handles"
                                                            + " that never follow links, and sealpack erases in no other way"));
                }
                return done;
            }
            List<String> locks = new ArrayList<>();
            for (Path p : handle) {
                String name = p.getFileName().toString();
                if (Staging.LOCK.matcher(name).matches() && !live.contains(name)) {
                    locks.add(name);
                }
            }
            for (String lock : locks) {
                try {
                    recover(handle, dir, lock, done, bagDigest);
                } catch (IOException e) {
                    done.add(
                            dir.resolve(lock)
                                    + " and what it names were left alone: "
                                    + e.getMessage());
                }
            }
        } catch (IOException e) {
            // cannot list the directory: nothing to clean up from here
        }
        return done;
    }

    /**
     * Cleans up after the run that held the lock file {@code lockName} in the open directory {@code
     * dir} (at {@code dirPath}), if that run is gone (its lock can be taken).
     *
     * @param bagDigest the tag-manifest SHA-512 of a directory that is an opened bag matching its
     *     own manifests with nothing added, else null; null where no bag can have been moved aside
     */
    static void recover(
            SecureDirectoryStream<Path> dir,
            Path dirPath,
            String lockName,
            List<String> done,
            Function<Path, String> bagDigest)
            throws IOException {
        Path shown = dirPath.resolve(lockName);
        PosixFileAttributes attrs = Erasure.look(dir, lockName);
        if (attrs == null) {
            return;
        }
        if (!attrs.isRegularFile() || !Erasure.mine(attrs)) {
            done.add(
                    shown
                            + " was left alone: "
                            + (attrs.isRegularFile()
                                    ? "it belongs to "
                                            + attrs.owner().getName()
                                            + ", not to you (it may be their run, under way or cut short)"
                                    : "it is not a regular file"));
            return;
        }
        Matcher m = Staging.LOCK.matcher(lockName);
        if (!m.matches()) {
            return;
        }
        String r = m.group(1);
        try (FileChannel channel =
                (FileChannel)
                        dir.newByteChannel(
                                Path.of(lockName),
                                Set.of(
                                        StandardOpenOption.READ,
                                        StandardOpenOption.WRITE,
                                        LinkOption.NOFOLLOW_LINKS))) {
            FileLock taken;
            try {
                taken = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held in this JVM
            }
            if (taken == null) {
                return; // its owner is alive (running, or stopped)
            }
            Journal journal = Journal.read(channel);
            List<String> left = new ArrayList<>();
            String tmp = Staging.PREFIX + r + ".tmp";
            String old = Staging.PREFIX + r + ".old";
            PosixFileAttributes oldAttrs = Erasure.look(dir, old);
            if (oldAttrs != null) {
                if (!recoverSwap(dir, dirPath, journal, tmp, old, oldAttrs, bagDigest, done)) {
                    return; // named; the lock stays as the evidence of what it was
                }
            } else {
                eraseTmp(dir, dirPath, tmp, journal, left);
            }
            done.addAll(Erasure.summarized(left, dirPath.resolve(tmp)));
            PosixFileAttributes again = Erasure.look(dir, lockName);
            if (left.isEmpty()
                    && again != null
                    && again.isRegularFile()
                    && Erasure.mine(again)
                    && String.valueOf(again.fileKey()).equals(String.valueOf(attrs.fileKey()))) {
                dir.deleteFile(Path.of(lockName));
            }
        } catch (NoSuchFileException e) {
            // another run cleaned it up first
        }
    }

    /** Undoes or finishes a replacement cut short; false when it was left alone (and named). */
    private static boolean recoverSwap(
            SecureDirectoryStream<Path> dir,
            Path dirPath,
            Journal journal,
            String tmp,
            String old,
            PosixFileAttributes oldAttrs,
            Function<Path, String> bagDigest,
            List<String> done)
            throws IOException {
        Path oldPath = dirPath.resolve(old);
        String why =
                journal == null || journal.oldKey() == null || journal.digest() == null
                        ? "its lock file does not record which bag was moved aside"
                        : bagDigest == null
                                ? "only a run that writes a bag can check it (sealpack open into this folder)"
                                : !Erasure.mine(oldAttrs)
                                        ? "it belongs to "
                                                + oldAttrs.owner().getName()
                                                + ", not to you"
                                        : !oldAttrs.isDirectory()
                                                        || !journal.oldKey()
                                                                .equals(
                                                                        String.valueOf(
                                                                                oldAttrs.fileKey()))
                                                ? "it is not the directory that was moved aside"
                                                : !journal.digest().equals(bagDigest.apply(oldPath))
                                                        ? "it is not the bag that was moved aside, or something in it was added or changed since"
                                                        : null;
        if (why != null) {
            done.add(
                    oldPath
                            + " was left alone, neither put back nor erased: "
                            + why
                            + "; look at it and move it"
                            + " yourself");
            return false;
        }
        Path target = dirPath.resolve(journal.name());
        boolean targetThere = Erasure.look(dir, journal.name()) != null;
        boolean tmpThere = Erasure.look(dir, tmp) != null;
        if (!targetThere) {
            dir.move(Path.of(old), dir, Path.of(journal.name()));
            List<String> left = new ArrayList<>();
            eraseTmp(dir, dirPath, tmp, journal, left);
            done.add(
                    "an interrupted replacement of "
                            + target
                            + " was undone: the previous bag is back in place");
            done.addAll(Erasure.summarized(left, dirPath.resolve(tmp)));
            return left.isEmpty();
        }
        if (!tmpThere) {
            List<String> left = new ArrayList<>();
            Erasure.erase(dir, dirPath, old, journal.oldKey(), left);
            done.add(
                    "an interrupted replacement of "
                            + target
                            + " was finished: the new bag was already in place,"
                            + " and the previous one ("
                            + old
                            + ") is now erased");
            done.addAll(Erasure.summarized(left, oldPath));
            return left.isEmpty();
        }
        done.add(
                "an interrupted replacement of "
                        + target
                        + " left "
                        + old
                        + " and "
                        + tmp
                        + " beside it, which"
                        + " sealpack cannot sort out safely: look at them and move them away yourself");
        return false;
    }

    /**
     * Erases the staged file or directory the journal names; one the journal does not name only
     * while empty.
     */
    private static void eraseTmp(
            SecureDirectoryStream<Path> dir,
            Path dirPath,
            String tmp,
            Journal journal,
            List<String> left)
            throws IOException {
        PosixFileAttributes attrs = Erasure.look(dir, tmp);
        if (attrs == null) {
            return;
        }
        if (journal != null && journal.tmpKey() != null) {
            Erasure.erase(dir, dirPath, tmp, journal.tmpKey(), left);
        } else if (Erasure.mine(attrs)
                && (attrs.isRegularFile() && attrs.size() == 0
                        || attrs.isDirectory() && empty(dir, tmp))) {
            Erasure.erase(dir, dirPath, tmp, String.valueOf(attrs.fileKey()), left);
        } else {
            left.add(
                    dirPath.resolve(tmp)
                            + " was left alone: its lock file does not record it, and it is not empty");
        }
    }

    private static boolean empty(SecureDirectoryStream<Path> dir, String name) {
        try (SecureDirectoryStream<Path> sub =
                dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS)) {
            return !sub.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
