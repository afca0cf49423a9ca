package org.sealpack.seal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files and directories that sealpack writes beside its output and renames into place only
 * when complete. Every one is registered until it is renamed or erased, so that an interrupted run
 * can erase what it left ({@link #eraseAll()}). Their names are ".sealpack-TARGET-PID-RANDOM.tmp":
 * one whose process is gone was left by a killed run, and the next run beside it erases it
 * ({@link #eraseLeftoversBeside(Path)}).
 */
public final class TemporaryFiles {
    public static final String PREFIX = ".sealpack-";
    public static final String SUFFIX = ".tmp";
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryFiles() {
    }

    /** A new empty file beside the target, readable only by the owner. */
    static Path newFileBeside(Path target) throws IOException {
        Path tmp = nameBeside(target);
        LIVE.add(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return tmp;
    }

    /** A new empty directory beside the target, mode 0700. */
    static Path newDirectoryBeside(Path target) throws IOException {
        Path tmp = nameBeside(target);
        LIVE.add(tmp);
        Files.createDirectory(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return tmp;
    }

    private static volatile boolean shuttingDown;

    private static Path nameBeside(Path target) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = PREFIX + target.getFileName() + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(random) + SUFFIX;
        return target.toAbsolutePath().resolveSibling(name);
    }

    /** Whether the process is being interrupted: writers stop at their next write. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * Erases temporary files and directories beside the target that a killed sealpack process left
     * (their process ID is in the name and that process no longer exists). Returns how many.
     */
    public static int eraseLeftoversBeside(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        int erased = 0;
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(PREFIX) + ".*-(\\d+)-[0-9a-f]{12}" + java.util.regex.Pattern.quote(SUFFIX));
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                java.util.regex.Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        erase(p);
                        erased++;
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // best effort
        }
        return erased;
    }

    /** The path is no longer temporary (it was renamed into place). */
    static void release(Path tmp) {
        LIVE.remove(tmp);
    }

    /** Erases the file or directory tree, quietly. */
    static void erase(Path tmp) {
        try {
            if (Files.isDirectory(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(tmp, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // best effort: nothing more can be done; the name marks it as sealpack's leftover
        } finally {
            LIVE.remove(tmp);
        }
    }

    /**
     * Erases everything still registered: for an interrupted run (shutdown hook). Writers are told to
     * stop first; the erase is repeated in case one was between two writes.
     */
    public static void eraseAll() {
        shuttingDown = true;
        for (int round = 0; round < 3 && !LIVE.isEmpty(); round++) {
            for (Path p : Set.copyOf(LIVE)) {
                erase(p);
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    LIVE.add(p);
                }
            }
            if (!LIVE.isEmpty()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
