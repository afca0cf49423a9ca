package org.sealpack.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.UnsafeArchiveException;

/**
 * Reads a tar that must hold exactly one directory tree (the bag root) of regular files and
 * directories. Every entry is checked before it is handed out: its type, its name (no absolute path,
 * no '.' or '..' segment, no backslash, no NUL, no control character, one common root), no duplicate
 * or colliding name (after Unicode NFC and case folding), and the limits.
 */
public final class SafeTarReader {
    private static final String HINT = "do not open this archive; report it to the sender";

    private final TarArchiveInputStream tar;
    private final Limits limits;
    private final Set<String> seen = new HashSet<>();
    private String root;
    private long entries;
    private long total;

    public SafeTarReader(InputStream in, Limits limits) {
        this.tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        this.limits = limits;
    }

    /** One checked entry: its path below the bag root ("" for the root itself), kind and size. */
    public record Entry(String path, boolean directory, long size) {
    }

    /** The bag root's name, once the first entry was read. */
    public String root() {
        return root;
    }

    /** The next entry, or null at the end of the archive. Read a file's content with {@link #content()}. */
    public Entry next() throws IOException {
        TarArchiveEntry e;
        try {
            e = tar.getNextEntry();
        } catch (IllegalArgumentException ex) {
            throw new MalformedSealException("the archive inside is not a valid tar: " + ex.getMessage(), HINT, ex);
        }
        if (e == null) {
            return null;
        }
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException("the archive holds more than " + limits.maxEntries() + " entries", HINT);
        }
        String name = e.getName();
        byte flag = e.getLinkFlag();
        boolean plain = flag == '0' || flag == 0 || flag == '7';
        boolean directory = flag == '5' || plain && name.endsWith("/");
        if (!directory && !plain) {
            throw new UnsafeArchiveException("the archive holds " + kind(e) + " '" + name
                    + "'; only regular files and directories are allowed", HINT);
        }
        String path = checkName(name, directory);
        long size = directory ? 0 : e.getSize();
        if (size < 0 || size > limits.maxFileSize()) {
            throw new UnsafeArchiveException("'" + name + "' claims " + size + " bytes, over the limit of "
                    + limits.maxFileSize(), HINT);
        }
        total += size;
        if (total > limits.maxTotalSize()) {
            throw new UnsafeArchiveException("the archive holds more than " + limits.maxTotalSize() + " bytes", HINT);
        }
        return new Entry(path, directory, size);
    }

    /** The content of the current file entry: exactly its size, then end of stream. */
    public InputStream content() {
        return tar;
    }

    private String checkName(String name, boolean directory) {
        if (name.getBytes(StandardCharsets.UTF_8).length > limits.maxPathBytes()) {
            throw new UnsafeArchiveException("an entry name is longer than " + limits.maxPathBytes() + " bytes", HINT);
        }
        if (name.startsWith("/")) {
            throw new UnsafeArchiveException("the archive holds an absolute path '" + name + "'", HINT);
        }
        String problem = EntryNames.problem(name);
        if (problem != null) {
            throw new UnsafeArchiveException("the archive holds a name with " + problem, HINT);
        }
        String trimmed = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] segments = trimmed.split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new UnsafeArchiveException("the archive holds a path with an empty, '.' or '..' segment: '"
                        + name + "'", HINT);
            }
        }
        if (segments.length - 1 > limits.maxDepth()) {
            throw new UnsafeArchiveException("'" + name + "' is nested deeper than " + limits.maxDepth(), HINT);
        }
        if (root == null) {
            root = segments[0];
        } else if (!root.equals(segments[0])) {
            throw new UnsafeArchiveException("the archive holds more than one top-level directory ('" + root
                    + "' and '" + segments[0] + "')", HINT);
        }
        if (segments.length == 1 && !directory) {
            throw new UnsafeArchiveException("the archive holds a file '" + name + "' outside the bag directory",
                    HINT);
        }
        String path = segments.length == 1 ? "" : trimmed.substring(root.length() + 1);
        // Below the one root, so the path alone is the key; the same string when folding changes nothing
        // (most names), which the bag reader then keeps as its key too: one string per file, not two.
        String key = EntryNames.fold(path);
        if (!seen.add(key.equals(path) ? path : key)) {
            throw new UnsafeArchiveException("the archive holds '" + name
                    + "' twice, or two names that differ only in case or Unicode form", HINT);
        }
        return path;
    }

    private static String kind(TarArchiveEntry e) {
        if (e.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (e.isLink()) {
            return "a hard link";
        }
        if (e.isCharacterDevice() || e.isBlockDevice()) {
            return "a device";
        }
        if (e.isFIFO()) {
            return "a FIFO";
        }
        return "an entry of an unsupported type";
    }
}
