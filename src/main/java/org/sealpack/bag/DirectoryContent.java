package org.sealpack.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bag directory on disk as {@link BagContent}: walked once without following links, payload files
 * read once each for all the algorithms asked for.
 */
public final class DirectoryContent implements BagContent {
    /** Tag files larger than this are not read into memory (a manifest of a million files fits). */
    static final long MAX_TAG_BYTES = 256L << 20;

    private static final int BUFFER = 1 << 20;

    private final Path root;
    private final List<Item> items = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    public DirectoryContent(Path root) throws IOException {
        this.root = root;
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root)) {
                            items.add(new Item(relative(dir), Kind.DIRECTORY, 0));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        items.add(
                                new Item(
                                        relative(file),
                                        attrs.isRegularFile() ? Kind.FILE : Kind.OTHER,
                                        attrs.size()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        unreadable.add(relative(file));
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private String relative(Path p) {
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    public Path root() {
        return root;
    }

    /** Entries that could not be read (permissions), each a problem. */
    public List<String> unreadable() {
        return unreadable;
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public Collection<Item> items() {
        return items;
    }

    @Override
    public byte[] tagFile(String path) throws IOException {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.size(file) > MAX_TAG_BYTES) {
            throw new IOException(path + " is larger than " + MAX_TAG_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    @Override
    public Map<String, Manifest> digestPayload(Set<String> algorithms, List<String> unreadable) {
        Map<String, Manifest.Builder> found = new LinkedHashMap<>();
        algorithms.forEach(a -> found.put(a, new Manifest.Builder()));
        byte[] buffer = new byte[BUFFER];
        for (Item item : items) {
            if (item.kind() != Kind.FILE || !item.path().startsWith(BagIt.PAYLOAD_DIR + "/")) {
                continue;
            }
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            algorithms.forEach(a -> digests.put(a, Algorithms.digest(a)));
            long size = 0;
            try (InputStream in =
                    Files.newInputStream(root.resolve(item.path()), LinkOption.NOFOLLOW_LINKS)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (MessageDigest d : digests.values()) {
                        d.update(buffer, 0, n);
                    }
                    size += n;
                }
            } catch (IOException e) {
                unreadable.add(item.path());
                continue;
            }
            long read = size;
            digests.forEach((a, d) -> found.get(a).add(item.path(), d.digest(), read));
        }
        Map<String, Manifest> result = new LinkedHashMap<>();
        found.forEach((a, b) -> result.put(a, b.build()));
        return result;
    }
}
