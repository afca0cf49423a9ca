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
 * can erase what it left ({@link #eraseAll()}). Their names start with ".sealpack-" and end in ".tmp".
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

    private static Path nameBeside(Path target) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = PREFIX + target.getFileName() + "-" + HexFormat.of().formatHex(random) + SUFFIX;
        return target.toAbsolutePath().resolveSibling(name);
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

    /** Erases everything still registered: for an interrupted run (shutdown hook). */
    public static void eraseAll() {
        for (Path p : Set.copyOf(LIVE)) {
            erase(p);
        }
    }
}
