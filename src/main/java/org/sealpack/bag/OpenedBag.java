package org.sealpack.bag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a directory is a bag that sealpack opened, with nothing in it that the bag does not
 * explain: the only kind of directory that {@code open --force} may replace. Explained are
 * bagit.txt, the payload manifest, bag-info.txt, the tag manifest and every tag file it lists, the
 * signature under signatures/, and under data/ the files that the payload manifest lists and the
 * directories that hold them. Anything else (a note, a file a person added, a link) makes the
 * directory not replaceable. Checksums are not computed: this is about not destroying what someone
 * put there, not about validity.
 */
public final class OpenedBag {
    private OpenedBag() {}

    /**
     * What {@code open --force} knows of the bag it replaces, from one read of every file: the
     * SHA-512 of its tag manifest, a stamp of every entry (name, size, modification time, identity)
     * to see a change before the swap, and what does not match its manifests (null: nothing).
     */
    public record Intact(String tagManifestSha512, String stamp, String problem) {}

    /**
     * Checks an opened bag against its own manifests, as a sealed bag (every payload and tag file's
     * checksum, Payload-Oxum, nothing unlisted), each file read once.
     */
    public static Intact intact(Path dir) {
        String why = whyNotReplaceable(dir);
        if (why != null) {
            return new Intact(null, null, why);
        }
        try {
            String stamp = stamp(dir);
            BagRules.Verdict verdict =
                    BagRules.check(new DirectoryContent(dir), BagRules.Level.SEALED);
            if (!verdict.valid()) {
                return new Intact(null, stamp, BagRules.summary(verdict.problems()));
            }
            byte[] tagManifest = Files.readAllBytes(dir.resolve(BagIt.TAG_MANIFEST));
            return new Intact(Digests.sha512Hex(tagManifest), stamp, null);
        } catch (IOException e) {
            return new Intact(null, null, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The tag-manifest SHA-512 of an opened bag that matches its own manifests with nothing added,
     * else null.
     */
    public static String intactDigest(Path dir) {
        return intact(dir).tagManifestSha512();
    }

    /**
     * Every entry's path, size, modification time and identity, links not followed: equal stamps,
     * nothing changed.
     */
    public static String stamp(Path dir) throws IOException {
        StringBuilder stamp = new StringBuilder();
        try (var entries = Files.walk(dir)) {
            for (Path p : entries.sorted().toList()) {
                BasicFileAttributes a =
                        Files.readAttributes(
                                p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                stamp.append(dir.relativize(p))
                        .append('\0')
                        .append(a.size())
                        .append(' ')
                        .append(a.lastModifiedTime())
                        .append(' ')
                        .append(a.fileKey())
                        .append(' ')
                        .append(changed(p))
                        .append('\n');
            }
        }
        return Digests.sha512Hex(stamp.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object changed(Path p) throws IOException {
        try {
            return Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Null if the directory is an opened bag and nothing else, else why it is not (for a message).
     */
    public static String whyNotReplaceable(Path dir) {
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                return "it is a symbolic link";
            }
            if (!attrs.isDirectory()) {
                return "it is a file, not a directory";
            }
            if (!Files.isRegularFile(dir.resolve(BagIt.DECLARATION), LinkOption.NOFOLLOW_LINKS)) {
                return "it has no bagit.txt at its top";
            }
            Set<String> tagFiles = listed(dir.resolve(BagIt.TAG_MANIFEST));
            if (tagFiles == null) {
                return "it has no readable " + BagIt.TAG_MANIFEST;
            }
            try (var entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    boolean file = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                    boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                    boolean explained =
                            file
                                            && (name.equals(BagIt.DECLARATION)
                                                    || name.equals(BagIt.TAG_MANIFEST)
                                                    || tagFiles.contains(name))
                                    || folder
                                            && (name.equals(BagIt.PAYLOAD_DIR)
                                                    || name.equals(BagIt.SIGNATURE_DIR));
                    if (!explained) {
                        return "it holds '" + name + "', which the bag does not list";
                    }
                }
            }
            String signatures = onlySignature(dir.resolve(BagIt.SIGNATURE_DIR));
            if (signatures != null) {
                return signatures;
            }
            Set<String> payload = listed(dir.resolve(BagIt.MANIFEST));
            return unlistedPayload(dir, payload == null ? Set.of() : payload);
        } catch (NoSuchFileException e) {
            return "it disappeared while it was looked at";
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
    }

    private static String onlySignature(Path signatures) throws IOException {
        if (!Files.isDirectory(signatures, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (var entries = Files.list(signatures)) {
            for (Path p : entries.toList()) {
                if (!p.getFileName().toString().equals("tagmanifest-sha512.txt.asc")
                        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    return "it holds '"
                            + BagIt.SIGNATURE_DIR
                            + "/"
                            + p.getFileName()
                            + "', which the bag does not list";
                }
            }
        }
        return null;
    }

    private static String unlistedPayload(Path dir, Set<String> listed) throws IOException {
        Path data = dir.resolve(BagIt.PAYLOAD_DIR);
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String[] found = new String[1];
        Files.walkFileTree(
                data,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String relative =
                                BagIt.PAYLOAD_DIR + "/" + data.relativize(file).toString();
                        if (!attrs.isRegularFile()) {
                            found[0] = "it holds '" + relative + "', which is not a regular file";
                            return FileVisitResult.TERMINATE;
                        }
                        if (!listed.contains(relative)) {
                            found[0] =
                                    "it holds '"
                                            + relative
                                            + "', which the bag's manifest does not list";
                            return FileVisitResult.TERMINATE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        found[0] = "'" + file + "' cannot be read";
                        return FileVisitResult.TERMINATE;
                    }
                });
        return found[0];
    }

    /** The paths a manifest lists, or null if it is missing or unreadable. */
    private static Set<String> listed(Path manifest) {
        try {
            byte[] bytes = Files.readAllBytes(manifest);
            Set<String> paths = new HashSet<>();
            ManifestLines.forEachLine(
                    bytes,
                    manifest.getFileName().toString(),
                    BagIt.HEX_LENGTH,
                    (line, path, digest) -> paths.add(path));
            return paths;
        } catch (IOException | BagFormatException e) {
            return null;
        }
    }
}
