package org.sealpack.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Matcher;

/**
 * What the next run does with what a run that is gone (its lock free) left beside an output: a staged
 * file or directory is erased; a replacement cut short is undone or finished (docs/FORMAT.md section 5).
 */
final class StagingRecovery {
    private StagingRecovery() {
    }

    /** Cleans up after the run that held {@code lockFile}, if that run is gone (its lock can be taken). */
    static void recover(Path lockFile, List<String> done) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock taken;
            try {
                taken = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held in this JVM
            }
            if (taken == null) {
                return; // its owner is alive (running, or stopped)
            }
            Matcher m = Staging.LOCK.matcher(lockFile.getFileName().toString());
            if (!m.matches()) {
                return;
            }
            Path dir = lockFile.getParent();
            String r = m.group(1);
            Path tmp = dir.resolve(Staging.PREFIX + r + ".tmp");
            Path old = dir.resolve(Staging.PREFIX + r + ".old");
            String name = targetName(channel);
            if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                if (name == null) {
                    return; // cannot tell what it replaced: left for a person
                }
                Path target = dir.resolve(name);
                boolean targetThere = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                boolean tmpThere = Files.exists(tmp, LinkOption.NOFOLLOW_LINKS);
                if (!targetThere) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    erase(tmp);
                    done.add("an interrupted replacement of " + target + " was undone: the previous bag is back in place");
                } else if (!tmpThere) {
                    erase(old);
                    done.add("an interrupted replacement of " + target + " was finished: the new bag was already in place,"
                            + " and the previous one (" + old.getFileName() + ") is now erased");
                } else {
                    done.add("an interrupted replacement of " + target + " left " + old.getFileName() + " and "
                            + tmp.getFileName() + " beside it, which sealpack cannot sort out safely: look at them and"
                            + " move them away yourself");
                    return;
                }
            } else if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                erase(tmp);
            }
            Files.deleteIfExists(lockFile);
        } catch (NoSuchFileException e) {
            // another run cleaned it up first
        } catch (IOException e) {
            // cannot clean up now: left for a later run
        }
    }

    private static String targetName(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        if (!text.startsWith(Staging.HEADER) || text.length() == Staging.HEADER.length()) {
            return null;
        }
        String name = text.substring(Staging.HEADER.length());
        return name.contains("/") || name.equals(".") || name.equals("..") ? null : name;
    }

    /** Erases a file or directory tree that sealpack made, without following links; quietly. */
    static void erase(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        Files.deleteIfExists(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // best effort: what is left carries sealpack's name and its lock file, for the next run
        }
    }
}
