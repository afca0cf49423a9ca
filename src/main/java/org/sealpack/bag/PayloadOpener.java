package org.sealpack.bag;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opens the payload's files for reading, one after the other in bag path order, never through a
 * link: a file below a named directory is opened relative to a handle of its own directory, and
 * every directory below the named one relative to its parent's (so each file costs the lookup of
 * one name, not of its whole path, and a directory replaced by a link since the payload was listed
 * is refused). The handles of the last file's directories are kept: in bag path order every
 * directory's files come together, so each directory is opened once. Where the file system gives no
 * directory handles, and for a file named on its own, the file is opened by its path (not following
 * a link in its last name).
 */
final class PayloadOpener implements Closeable {
    private static final Set<OpenOption> READ =
            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** The directory the open chain starts in: the named payload directory's parent. */
    private Path base;

    /** The names of the open directories, the named payload directory first. */
    private final List<String> names = new ArrayList<>();

    private final List<SecureDirectoryStream<Path>> open = new ArrayList<>();
    private boolean secure = true;

    /**
     * The file, open at its start; a failure names the file by its full path, as opening it by its
     * path would.
     */
    SeekableByteChannel open(PayloadFile f) throws IOException {
        try {
            return openRelative(f);
        } catch (FileSystemException e) {
            String file = f.source().toString();
            if (file.equals(e.getFile())) {
                throw e;
            }
            FileSystemException named =
                    e instanceof NoSuchFileException
                            ? new NoSuchFileException(file, null, e.getReason())
                            : e instanceof AccessDeniedException
                                    ? new AccessDeniedException(file, null, e.getReason())
                                    : new FileSystemException(file, null, e.getReason());
            named.initCause(e);
            throw named;
        }
    }

    private SeekableByteChannel openRelative(PayloadFile f) throws IOException {
        String relative = f.bagPath().substring(BagIt.PAYLOAD_DIR.length() + 1);
        int slash = relative.lastIndexOf('/');
        if (slash < 0 || !secure) {
            return FileChannel.open(f.source(), READ);
        }
        if (!f.base().equals(base)) {
            closeFrom(0);
            base = f.base();
        }
        int depth = 0;
        for (int from = 0; from < slash; depth++) {
            int end = relative.indexOf('/', from);
            int start = from;
            from = end + 1;
            if (depth < names.size()
                    && names.get(depth).length() == end - start
                    && relative.regionMatches(start, names.get(depth), 0, end - start)) {
                continue;
            }
            String name = relative.substring(start, end);
            closeFrom(depth);
            SecureDirectoryStream<Path> dir;
            if (depth == 0) {
                DirectoryStream<Path> top = Files.newDirectoryStream(base.resolve(name));
                if (!(top instanceof SecureDirectoryStream<Path> s)) {
                    top.close();
                    secure = false;
                    return FileChannel.open(f.source(), READ);
                }
                dir = s;
            } else {
                dir =
                        open.get(depth - 1)
                                .newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
            }
            names.add(name);
            open.add(dir);
        }
        closeFrom(depth);
        return open.get(depth - 1).newByteChannel(Path.of(relative.substring(slash + 1)), READ);
    }

    /** Closes the directories from this depth down. */
    private void closeFrom(int depth) throws IOException {
        IOException failed = null;
        while (open.size() > depth) {
            try {
                open.remove(open.size() - 1).close();
            } catch (IOException e) {
                failed = e;
            }
            names.remove(names.size() - 1);
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() throws IOException {
        closeFrom(0);
    }
}
