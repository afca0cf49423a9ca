package org.sealpack.io;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Erases a file or a directory tree through directory handles that never follow links (a {@link
 * SecureDirectoryStream}: openat, fstatat and unlinkat relative to an open directory), and only
 * what the current user owns. A name is looked at and opened relative to the handle of the
 * directory that holds it, a subdirectory opened with O_NOFOLLOW and checked, once open, to be the
 * one looked at; so a directory swapped for a link while the erasure runs is never entered, and
 * nothing outside the tree is ever reached (the class of CVE-2022-21658). Whatever is not the
 * user's, or changed under the erasure, is left alone and named. Where the platform has no such
 * handles nothing is erased.
 */
public final class Erasure {
    private static final int MAX_DEPTH = 128;
    private static final int SHOWN = 4;
    private static volatile UserPrincipal me;

    /**
     * Where lines about what an erasure left alone go (set by the command line; standard error by
     * default).
     */
    private static volatile Consumer<String> report =
            line -> System.err.println("sealpack: note: " + line);

    private Erasure() {}

    /**
     * Sends the lines about what an erasure of this run's own files left alone to the user, one
     * line each.
     */
    public static void reportTo(Consumer<String> lines) {
        report = lines;
    }

    static void report(List<String> lines) {
        lines.forEach(report);
    }

    /** The user this process runs as (the owner of what it creates). */
    public static UserPrincipal currentUser() throws IOException {
        UserPrincipal user = me;
        if (user == null) {
            long uid = new UnixSystem().getUid();
            user =
                    FileSystems.getDefault()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName(Long.toString(uid));
            me = user;
        }
        return user;
    }

    /** The open directory {@code dir} as a handle, or null where the platform has none. */
    static SecureDirectoryStream<Path> open(Path dir) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        return null;
    }

    /**
     * The attributes of {@code name} in the open directory, links not followed; null if it is not
     * there.
     */
    static PosixFileAttributes look(SecureDirectoryStream<Path> dir, String name)
            throws IOException {
        try {
            return dir.getFileAttributeView(
                            Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Whether the current user owns what these attributes describe. */
    static boolean mine(PosixFileAttributes attrs) throws IOException {
        return attrs.owner().equals(currentUser());
    }

    /**
     * Erases {@code name} in the directory {@code dir}, if it is there and the current user's, and,
     * when {@code identity} is given, only if it is still that file or directory (its {@code
     * fileKey}). Returns one line for each thing left alone (empty when all of it was erased, or
     * nothing was there).
     */
    public static List<String> erase(Path dir, String name, String identity) {
        List<String> left = new ArrayList<>();
        try (SecureDirectoryStream<Path> handle = open(dir)) {
            if (handle == null) {
                left.add(
                        dir.resolve(name)
                                + " was left alone: this system cannot erase through directory handles"
                                + " that never follow links, and sealpack erases in no other way; erase it yourself");
                return left;
            }
            erase(handle, dir, name, identity, left);
        } catch (NoSuchFileException e) {
            // nothing there
        } catch (IOException e) {
            left.add(
                    dir.resolve(name)
                            + " was left alone: it could not be looked at ("
                            + e.getMessage()
                            + ")");
        }
        return summarized(left, dir.resolve(name));
    }

    /** At most a few lines: a planted tree of thousands of names is not listed name by name. */
    static List<String> summarized(List<String> left, Path top) {
        if (left.size() <= SHOWN) {
            return left;
        }
        List<String> some = new ArrayList<>(left.subList(0, SHOWN - 1));
        some.add(
                "and " + (left.size() - SHOWN + 1) + " more things in " + top + " were left alone");
        return some;
    }

    /**
     * As {@link #erase(Path, String, String)}, in an open directory whose path (for messages) is
     * {@code shownDir}.
     */
    static void erase(
            SecureDirectoryStream<Path> dir,
            Path shownDir,
            String name,
            String identity,
            List<String> left)
            throws IOException {
        PosixFileAttributes attrs = look(dir, name);
        if (attrs == null) {
            return;
        }
        String shown = shownDir.resolve(name).toString();
        if (identity != null && !identity.equals(String.valueOf(attrs.fileKey()))) {
            left.add(shown + " was left alone: it is not the one sealpack made there");
            return;
        }
        eraseEntry(dir, name, shown, attrs, 0, left);
    }

    private static void eraseEntry(
            SecureDirectoryStream<Path> dir,
            String name,
            String shown,
            PosixFileAttributes attrs,
            int depth,
            List<String> left)
            throws IOException {
        if (!mine(attrs)) {
            left.add(
                    shown
                            + " was left alone: it belongs to "
                            + attrs.owner().getName()
                            + ", not to you");
            return;
        }
        Path entry = Path.of(name);
        if (!attrs.isDirectory()) {
            try {
                dir.deleteFile(entry); // unlinkat: removes this name only; a link is removed, never
                // followed
            } catch (NoSuchFileException e) {
                // gone already
            } catch (IOException e) {
                left.add(
                        shown
                                + " was left alone: it could not be removed ("
                                + e.getMessage()
                                + ")");
            }
            return;
        }
        if (depth >= MAX_DEPTH) {
            left.add(shown + " was left alone: it is nested deeper than sealpack ever writes");
            return;
        }
        int before = left.size();
        try (SecureDirectoryStream<Path> sub =
                dir.newDirectoryStream(entry, LinkOption.NOFOLLOW_LINKS)) {
            PosixFileAttributes opened =
                    sub.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
            if (!String.valueOf(opened.fileKey()).equals(String.valueOf(attrs.fileKey()))
                    || !mine(opened)) {
                left.add(shown + " was left alone: it was replaced while it was being erased");
                return;
            }
            List<String> names = new ArrayList<>();
            for (Path p : sub) {
                names.add(p.getFileName().toString());
            }
            for (String n : names) {
                PosixFileAttributes a = look(sub, n);
                if (a != null) {
                    eraseEntry(sub, n, shown + "/" + n, a, depth + 1, left);
                }
            }
        } catch (NoSuchFileException e) {
            return; // gone already
        } catch (IOException e) {
            // O_NOFOLLOW met a link put there after it was looked at (ELOOP), or it is unreadable
            left.add(
                    shown
                            + " was left alone: it could not be opened safely ("
                            + e.getMessage()
                            + ")");
            return;
        }
        if (left.size() > before) {
            return; // something in it was left alone, so it stays too
        }
        try {
            dir.deleteDirectory(
                    entry); // unlinkat with AT_REMOVEDIR: only an empty directory, never a link's
            // target
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            left.add(shown + " was left alone: it could not be removed (" + e.getMessage() + ")");
        }
    }
}
