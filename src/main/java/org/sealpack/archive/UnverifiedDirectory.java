package org.sealpack.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.sealpack.failure.UnsafeArchiveException;
import org.sealpack.failure.WriteFailedException;

/**
 * Writes the unverified entries below one staging directory, which no one reads before the checks
 * pass. Each path is resolved with {@link Path#normalize()} and checked with {@link
 * Path#startsWith(Path)}; files are created new (never overwriting) without following links.
 */
public final class UnverifiedDirectory implements UnverifiedSink {
    private final Path root;

    /**
     * Directories this extractor made or found to be real directories (not links): their files need
     * no further check of the parent (measured: two lstat calls per file, 200,000 for a bag of
     * 100,000). The destination is a fresh mode-0700 directory, so no one else can swap one for a
     * link.
     */
    private final Set<Path> directories = new HashSet<>();

    public UnverifiedDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path resolve(String path) {
        Path target;
        try {
            target = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            // Not the archive's fault: in the C locale (or with no locale set) the JVM encodes file
            // names as ASCII, so it cannot create a file named in Cyrillic, say.
            throw new WriteFailedException(
                    "cannot create '"
                            + path
                            + "' here: file names are written as "
                            + System.getProperty("sun.jnu.encoding")
                            + " in this locale, which cannot hold that name",
                    "open it in a UTF-8 locale, for example with LC_ALL=C.UTF-8; nothing was left behind");
        }
        if (!target.startsWith(root) || target.equals(root) && !path.isEmpty()) {
            throw new UnsafeArchiveException(
                    "'" + path + "' would be written outside the destination",
                    "do not open this archive; report it to the sender");
        }
        return target;
    }

    @Override
    public void directory(String path) throws IOException {
        Path target = resolve(path);
        if (directories.contains(target)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            makeParents(target);
            Files.createDirectory(target);
        }
        directories.add(target);
    }

    @Override
    public OutputStream file(String path) throws IOException {
        Path target = resolve(path);
        makeParents(target);
        return Files.newOutputStream(
                target,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private void makeParents(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || parent.equals(root) || directories.contains(parent)) {
            return;
        }
        if (Files.isSymbolicLink(parent)) {
            throw new UnsafeArchiveException(
                    "a link in the destination was met while extracting",
                    "do not open this archive; report it to the sender");
        }
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            makeParents(parent);
            Files.createDirectory(parent);
        }
        directories.add(parent);
    }
}
