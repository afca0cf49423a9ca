package org.sealpack.bag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a directory is a bag that sealpack opened, with nothing in it that the bag does not
 * explain: the only kind of directory that {@code open --force} may replace. What a sealed bag may
 * hold is the sealed-bag rule set's ({@link SealedBag#firstUncovered}): bagit.txt, bag-info.txt,
 * the payload and tag manifests, the signature under signatures/, and under data/ the files that
 * the payload manifest lists and the directories that hold them. Anything else (a note, a file a
 * person added, a link, an empty directory) makes the directory not replaceable. Checksums are not
 * computed here: this is about not destroying what someone put there; {@link #intact} then checks
 * the bag against its manifests.
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
            if (listed(dir.resolve(BagIt.TAG_MANIFEST)) == null) {
                return "it has no readable " + BagIt.TAG_MANIFEST;
            }
            DirectoryContent content = new DirectoryContent(dir);
            if (!content.unreadable().isEmpty()) {
                return "'" + content.unreadable().get(0) + "' cannot be read";
            }
            String uncovered = SealedBag.firstUncovered(content);
            return uncovered == null
                    ? null
                    : "it holds something which the bag does not list: " + uncovered;
        } catch (NoSuchFileException e) {
            return "it disappeared while it was looked at";
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
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
