package org.sealpack.bag;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sealpack.archive.EntryNames;
import org.sealpack.failure.InputException;

/**
 * Lists the payload from the paths a sender names: a file becomes data/NAME, a directory becomes
 * data/DIRNAME/... with its layout kept. Links, devices and unreadable files are refused, never
 * followed.
 */
public final class Payload {
    private Payload() {}

    /**
     * The files to pack, and the directories left out because no file is under them (BagIt keeps
     * files only).
     */
    public record Collected(List<PayloadFile> files, List<Path> emptyDirectories) {}

    public static Collected collect(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new InputException(
                    "no payload given", "name at least one file or directory to pack");
        }
        List<PayloadFile> files = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        Map<String, Path> topNames = new HashMap<>();
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            if (given.toString().equals("-") && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(
                        "pack reads its payload from files and directories, not from standard input"
                                + " ('-')",
                        "save it to a file first (for example `cat > statement.txt`), then pack that file");
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException("payload not found: " + given, "check the path");
            }
            if (path.getFileName() == null) {
                throw new InputException(
                        "cannot pack the root directory", "name a file or a directory below it");
            }
            String name = path.getFileName().toString();
            Path clash = topNames.putIfAbsent(name, given);
            if (clash != null) {
                throw new InputException(
                        "two payload paths have the same name '"
                                + name
                                + "': "
                                + clash
                                + " and "
                                + given,
                        "put them in separate directories, or rename one");
            }
            if (Files.isSymbolicLink(path)) {
                throw new InputException(
                        given + " is a symbolic link", "name the file it points to instead");
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                walk(path, name, files, empty);
            } else {
                files.add(describe(path, BagIt.PAYLOAD_DIR + "/" + name));
            }
        }
        files.sort(Comparator.comparing(PayloadFile::bagPath));
        Map<String, String> folded = new HashMap<>(Math.max(16, (int) (files.size() / 0.75f) + 1));
        for (PayloadFile f : files) {
            String problem = EntryNames.problem(f.bagPath());
            if (problem != null) {
                throw new InputException(
                        f.source() + " has " + problem + " in its name", "rename it");
            }
            String other = folded.putIfAbsent(EntryNames.fold(f.bagPath()), f.bagPath());
            if (other != null) {
                throw new InputException(
                        "'"
                                + other
                                + "' and '"
                                + f.bagPath()
                                + "' differ only in case or Unicode form; they would collide when opened",
                        "rename one of them");
            }
        }
        if (files.isEmpty()) {
            throw new InputException(
                    "the payload holds no files", "name at least one file to pack");
        }
        return new Collected(files, empty);
    }

    /**
     * Adds the files under a directory; a directory with no file anywhere under it is added to
     * {@code empty} (only the topmost of such a tree).
     */
    private static void walk(Path dir, String name, List<PayloadFile> files, List<Path> empty) {
        DirectoryStream<Path> top;
        try {
            top = Files.newDirectoryStream(dir);
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + dir + ": " + e.getMessage(), "check its permissions");
        }
        if (top instanceof SecureDirectoryStream<Path> secure) {
            try (secure) {
                walk(secure, dir, dir.getParent(), BagIt.PAYLOAD_DIR + "/" + name, files, empty);
            } catch (IOException e) {
                throw new InputException(
                        "cannot read " + dir + ": " + e.getMessage(), "check its permissions");
            }
            return;
        }
        try {
            top.close();
        } catch (IOException e) {
            // nothing was read from it
        }
        walkByPath(dir, name, files, empty);
    }

    /**
     * Adds the files under an open directory through its handle: each entry's attributes are read
     * and each subdirectory opened relative to it, never following a link (a directory replaced by
     * a link while it is walked is refused), each name looked up once rather than from the root.
     * The same files, order, refusals and messages as {@link #walkByPath}.
     */
    private static void walk(
            SecureDirectoryStream<Path> dir,
            Path path,
            Path base,
            String bagDir,
            List<PayloadFile> files,
            List<Path> empty)
            throws IOException {
        int before = files.size();
        Iterator<Path> entries = dir.iterator();
        while (true) {
            Path entry;
            try {
                if (!entries.hasNext()) {
                    break;
                }
                entry = entries.next();
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
            Path name = entry.getFileName();
            BasicFileAttributes attrs;
            try {
                attrs =
                        dir.getFileAttributeView(
                                        name,
                                        BasicFileAttributeView.class,
                                        LinkOption.NOFOLLOW_LINKS)
                                .readAttributes();
            } catch (IOException e) {
                throw unreadable(entry, e);
            }
            String bagPath = bagDir + "/" + name;
            if (attrs.isDirectory()) {
                SecureDirectoryStream<Path> sub;
                try {
                    sub = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw unreadable(entry, e);
                }
                try (sub) {
                    walk(sub, entry, base, bagPath, files, empty);
                } catch (IOException e) {
                    throw new InputException(
                            "cannot read " + entry + ": " + e.getMessage(),
                            "check its permissions");
                }
                continue;
            }
            requireText(entry, base, bagPath);
            if (attrs.isSymbolicLink()) {
                throw new InputException(
                        entry + " is a symbolic link",
                        "replace it with the file it points to, or remove it");
            }
            if (!attrs.isRegularFile()) {
                throw new InputException(
                        entry + " is not a regular file", "remove it from the payload");
            }
            files.add(
                    new PayloadFile(
                            base,
                            bagPath,
                            attrs.size(),
                            attrs.lastModifiedTime().toInstant().getEpochSecond()));
        }
        if (files.size() == before) {
            empty.removeIf(inner -> inner.startsWith(path));
            empty.add(path);
        }
    }

    /** As the walker by path says it: the full path, and why. */
    private static InputException unreadable(Path file, IOException e) {
        String message =
                e instanceof FileSystemException f
                        ? new FileSystemException(file.toString(), f.getOtherFile(), f.getReason())
                                .getMessage()
                        : e.getMessage();
        return new InputException("cannot read " + file + ": " + message, "check its permissions");
    }

    /** {@link #walk} where the file system gives no directory handles: by full paths. */
    private static void walkByPath(
            Path dir, String name, List<PayloadFile> files, List<Path> empty) {
        Path base = dir.getParent();
        String bagPrefix = BagIt.PAYLOAD_DIR + "/" + name;
        ArrayDeque<int[]> counts = new ArrayDeque<>();
        try {
            Files.walkFileTree(
                    dir,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path d, BasicFileAttributes attrs) {
                            counts.push(new int[] {files.size()});
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path d, IOException e)
                                throws IOException {
                            if (e != null) {
                                throw e;
                            }
                            if (counts.pop()[0] == files.size()) {
                                empty.removeIf(inner -> inner.startsWith(d));
                                empty.add(d);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String relative = bagPrefix + "/" + toBagPath(dir.relativize(file));
                            requireText(file, base, relative);
                            if (attrs.isSymbolicLink()) {
                                throw new InputException(
                                        file + " is a symbolic link",
                                        "replace it with the file it points to, or remove it");
                            }
                            if (!attrs.isRegularFile()) {
                                throw new InputException(
                                        file + " is not a regular file",
                                        "remove it from the payload");
                            }
                            files.add(
                                    new PayloadFile(
                                            base,
                                            relative,
                                            attrs.size(),
                                            attrs.lastModifiedTime().toInstant().getEpochSecond()));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            throw new InputException(
                                    "cannot read " + file + ": " + e.getMessage(),
                                    "check its permissions");
                        }
                    });
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + dir + ": " + e.getMessage(), "check its permissions");
        }
    }

    private static PayloadFile describe(Path file, String bagPath) {
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(
                            file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new InputException(
                        file + " is not a regular file", "name regular files and directories only");
            }
            if (!Files.isReadable(file)) {
                throw new InputException("cannot read " + file, "check its permissions");
            }
            requireText(file, file.getParent(), bagPath);
            return new PayloadFile(
                    file.getParent(),
                    bagPath,
                    attrs.size(),
                    attrs.lastModifiedTime().toInstant().getEpochSecond());
        } catch (NoSuchFileException e) {
            throw new InputException("payload not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + file + ": " + e.getMessage(), "check its permissions");
        }
    }

    /**
     * The file's name must be text: a name that is not valid UTF-8, or any non-ASCII name when the
     * JVM's file-name encoding is not UTF-8 (the C locale, or no locale set at all), reaches Java
     * with U+FFFD in place of its bytes. Packing it would rename the evidence in the bag, so it is
     * refused.
     */
    private static void requireText(Path file, Path base, String bagPath) {
        if (bagPath.indexOf('\uFFFD') >= 0
                && !namesItself(base, bagPath.substring(BagIt.PAYLOAD_DIR.length() + 1), file)) {
            String encoding = System.getProperty("sun.jnu.encoding", "");
            throw new InputException(
                    "the name of "
                            + file
                            + " cannot be read as text"
                            + (encoding.equalsIgnoreCase("UTF-8")
                                    ? " (it is not valid UTF-8)"
                                    : " in this locale (file names are read as " + encoding + ")"),
                    encoding.equalsIgnoreCase("UTF-8")
                            ? "rename it to a UTF-8 name"
                            : "run sealpack in a UTF-8 locale, for example with LC_ALL=C.UTF-8");
        }
    }

    /**
     * Whether the name, turned back into a path, is the file's own (false when it cannot even be
     * encoded).
     */
    private static boolean namesItself(Path base, String name, Path file) {
        try {
            return base.resolve(name).equals(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String toBagPath(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
