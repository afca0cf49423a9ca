package org.sealpack.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a sealed bag (docs/FORMAT.md section 4): the bag signature covers the tag manifest,
 * which covers bagit.txt, bag-info.txt and the payload manifest, which covers every payload file.
 * So a sealed bag holds exactly those, the signature, the listed payload files and the directories
 * that hold them, and nothing else: a file, a directory (empty or not) or a second manifest that no
 * signature covers is a problem, named. The tag files have the one form the format pins.
 */
final class SealedBag {
    private static final Set<String> TOP_FILES =
            Set.of(BagIt.DECLARATION, BagIt.BAG_INFO, BagIt.MANIFEST, BagIt.TAG_MANIFEST);
    private static final Set<String> TOP_DIRECTORIES =
            Set.of(BagIt.PAYLOAD_DIR, BagIt.SIGNATURE_DIR);

    /** Labels a writer computes: each at most once. */
    private static final List<String> ONCE =
            List.of("Payload-Oxum", "Bagging-Date", "Bag-Size", "Bag-Software-Agent");

    private SealedBag() {}

    static BagRules.Verdict check(BagContent bag) throws IOException {
        List<String> problems = new ArrayList<>();
        structure(bag, problems);
        byte[] declaration = bag.tagFile(BagIt.DECLARATION);
        if (declaration == null) {
            problems.add("bagit.txt is missing");
        } else if (!BagIt.DECLARATION_TEXT.equals(
                new String(declaration, StandardCharsets.UTF_8))) {
            problems.add(
                    "bagit.txt is not exactly the two lines 'BagIt-Version: 1.0' and 'Tag-File-Character-Encoding: UTF-8'"
                            + " ending in LF");
        }
        Metadata info = bagInfo(bag.tagFile(BagIt.BAG_INFO), problems);
        Manifest payload = bag.digestPayload(Set.of("sha512"), new ArrayList<>()).get("sha512");
        payloadManifest(bag.tagFile(BagIt.MANIFEST), payload, problems);
        long bytes = 0;
        for (Manifest.Entry e : payload.entries().values()) {
            bytes += e.size();
        }
        if (info != null) {
            oxum(info, payload.size(), bytes, problems);
        }
        tagManifest(bag, problems);
        return new BagRules.Verdict(
                BagRules.Level.SEALED,
                "1.0",
                List.of("sha512"),
                info,
                payload,
                bytes,
                problems,
                List.of(),
                List.of());
    }

    /**
     * The first thing in the bag that no signature covers, by the rules of {@link #check} that need
     * no checksum: its structure (nothing but the parts of a sealed bag, no link, no empty
     * directory) and payload files the manifest does not list; null if there is none. {@code open
     * --force} asks this of a directory before it may replace it.
     */
    static String firstUncovered(BagContent bag) throws IOException {
        List<String> problems = new ArrayList<>();
        structure(bag, problems);
        if (problems.isEmpty()) {
            unlisted(bag, problems);
        }
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** Payload files that manifest-sha512.txt does not list (all of them if it is unreadable). */
    private static void unlisted(BagContent bag, List<String> problems) throws IOException {
        Set<String> listed = new HashSet<>();
        byte[] manifest = bag.tagFile(BagIt.MANIFEST);
        if (manifest != null) {
            try {
                ManifestLines.forEachLine(
                        manifest,
                        BagIt.MANIFEST,
                        BagIt.HEX_LENGTH,
                        (number, path, digest) -> listed.add(path));
            } catch (BagFormatException e) {
                listed.clear();
            }
        }
        for (BagContent.Item item : bag.items()) {
            if (item.kind() == BagContent.Kind.FILE
                    && item.path().startsWith(BagIt.PAYLOAD_DIR + "/")
                    && !listed.contains(item.path())) {
                problems.add(NOT_LISTED.formatted(item.path()));
            }
        }
    }

    private static final String NOT_LISTED = "payload file '%s' is not listed in the manifest";

    /** Nothing but the parts of a sealed bag, and no empty directory. */
    private static void structure(BagContent bag, List<String> problems) {
        Set<String> holding = new HashSet<>();
        for (BagContent.Item item : bag.items()) {
            int slash = item.path().lastIndexOf('/');
            if (slash > 0) {
                holding.add(item.path().substring(0, slash));
            }
        }
        Set<String> strange = new LinkedHashSet<>();
        boolean payloadDirectory = false;
        for (BagContent.Item item : bag.items()) {
            String path = item.path();
            int slash = path.indexOf('/');
            String top = slash < 0 ? path : path.substring(0, slash);
            if (item.kind() == BagContent.Kind.OTHER) {
                problems.add(
                        "'" + path + "' is a link or special file, which a sealed bag never holds");
                continue;
            }
            if (slash < 0) {
                boolean expected =
                        item.kind() == BagContent.Kind.FILE
                                ? TOP_FILES.contains(top)
                                : TOP_DIRECTORIES.contains(top);
                if (!expected) {
                    strange.add(top);
                    continue;
                }
                payloadDirectory |= top.equals(BagIt.PAYLOAD_DIR);
            } else if (!TOP_DIRECTORIES.contains(top)) {
                strange.add(top);
                continue;
            } else if (top.equals(BagIt.SIGNATURE_DIR)
                    && !(path.equals(BagIt.SIGNATURE) && item.kind() == BagContent.Kind.FILE)) {
                strange.add(path);
                continue;
            }
            if (item.kind() == BagContent.Kind.DIRECTORY && !holding.contains(path)) {
                problems.add(
                        "'"
                                + path
                                + "' is an empty directory: no manifest covers it, and a sealed bag holds none");
            }
        }
        for (String path : strange) {
            problems.add("'" + path + "' is not part of a sealed bag: no signature covers it");
        }
        if (!payloadDirectory
                && bag.items().stream()
                        .noneMatch(i -> i.path().startsWith(BagIt.PAYLOAD_DIR + "/"))) {
            problems.add("data/ is missing");
        }
    }

    private static Metadata bagInfo(byte[] bytes, List<String> problems) {
        if (bytes == null) {
            problems.add("bag-info.txt is missing");
            return null;
        }
        try {
            return Metadata.parseBagInfo(utf8(bytes, BagIt.BAG_INFO));
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /**
     * Exactly one Payload-Oxum, equal to what the payload holds; each computed label at most once.
     */
    private static void oxum(Metadata info, int files, long bytes, List<String> problems) {
        for (String label : ONCE) {
            int count = info.all(label).size();
            if (count > 1) {
                problems.add(
                        "bag-info.txt has "
                                + count
                                + " "
                                + label
                                + " lines; a bag has at most one");
            }
        }
        List<String> oxum = info.all("Payload-Oxum");
        String found = bytes + "." + files;
        if (oxum.isEmpty()) {
            problems.add(
                    "bag-info.txt has no Payload-Oxum (the payload holds "
                            + found
                            + ", bytes.files)");
        } else if (oxum.stream().anyMatch(o -> !o.equals(found))) {
            problems.add(
                    "Payload-Oxum says "
                            + String.join(" and ", oxum)
                            + " (bytes.files) but the payload holds "
                            + found);
        }
    }

    /**
     * Every line of manifest-sha512.txt against the payload found, line by line (a manifest of a
     * million files is not turned into a second map): each listed file present with the same
     * SHA-512, listed once, under data/; then every file found must have been listed.
     */
    private static void payloadManifest(byte[] manifest, Manifest found, List<String> problems) {
        if (manifest == null) {
            problems.add("manifest-sha512.txt is missing");
            return;
        }
        BitSet listed = new BitSet(found.size());
        Set<String> listedMissing = new HashSet<>();
        try {
            ManifestLines.forEachLine(
                    manifest,
                    BagIt.MANIFEST,
                    BagIt.HEX_LENGTH,
                    (number, path, digest) -> {
                        Manifest.Entry file = found.entry(path);
                        if (file == null) {
                            if (!listedMissing.add(path)) {
                                problems.add(BagIt.MANIFEST + " lists '" + path + "' twice");
                            } else {
                                problems.add(
                                        path.startsWith(BagIt.PAYLOAD_DIR + "/")
                                                ? "payload file '"
                                                        + path
                                                        + "' is listed in the manifest but missing"
                                                : BagIt.MANIFEST
                                                        + " lists '"
                                                        + path
                                                        + "', which is outside data/");
                            }
                            return;
                        }
                        if (listed.get(file.index())) {
                            problems.add(BagIt.MANIFEST + " lists '" + path + "' twice");
                            return;
                        }
                        listed.set(file.index());
                        if (!MessageDigest.isEqual(digest, file.digest())) {
                            problems.add("checksum mismatch for '" + path + "'");
                        }
                    });
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return;
        }
        for (Map.Entry<String, Manifest.Entry> file : found.entries().entrySet()) {
            if (!listed.get(file.getValue().index())) {
                problems.add(NOT_LISTED.formatted(file.getKey()));
            }
        }
    }

    /**
     * The tag manifest lists exactly bagit.txt, bag-info.txt and manifest-sha512.txt, each with its
     * SHA-512.
     */
    private static void tagManifest(BagContent bag, List<String> problems) throws IOException {
        byte[] bytes = bag.tagFile(BagIt.TAG_MANIFEST);
        if (bytes == null) {
            problems.add("tagmanifest-sha512.txt is missing");
            return;
        }
        Set<String> expected =
                new LinkedHashSet<>(List.of(BagIt.DECLARATION, BagIt.BAG_INFO, BagIt.MANIFEST));
        try {
            ManifestLines.forEachLine(
                    bytes,
                    BagIt.TAG_MANIFEST,
                    BagIt.HEX_LENGTH,
                    (number, path, digest) -> {
                        if (!expected.remove(path)) {
                            problems.add(
                                    BagIt.TAG_MANIFEST
                                            + " lists '"
                                            + path
                                            + "', which is not a tag file of a sealed bag"
                                            + " (or lists it twice)");
                            return;
                        }
                        try {
                            byte[] content = bag.tagFile(path);
                            if (content != null
                                    && !MessageDigest.isEqual(
                                            digest, Digests.sha512().digest(content))) {
                                problems.add("checksum mismatch for tag file '" + path + "'");
                            }
                        } catch (IOException e) {
                            problems.add(
                                    "tag file '" + path + "' cannot be read: " + e.getMessage());
                        }
                    });
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return;
        }
        for (String missing : expected) {
            problems.add(BagIt.TAG_MANIFEST + " does not list '" + missing + "'");
        }
    }

    static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BagFormatException(name + " is not valid UTF-8");
        }
    }
}
