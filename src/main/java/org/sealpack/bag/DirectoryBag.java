package org.sealpack.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a plain BagIt directory written by any tool (bagit-python, the Library of Congress's
 * bagit-java, Archivematica, sealpack): BagIt 0.97 and 1.0; bagit.txt and bag-info.txt syntax;
 * Payload-Oxum (checked before any hashing); every payload file in every manifest exactly once; every
 * checksum of every manifest (md5, sha1, sha256, sha512), computed in one read of each file; every tag
 * manifest. Collects every problem rather than stopping at the first.
 */
public final class DirectoryBag {
    static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha512", "SHA-512");
    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
    private static final int BUFFER = 1 << 20;

    private DirectoryBag() {
    }

    /**
     * What validation found.
     *
     * @param manifests payload manifests by algorithm name (md5, sha1, sha256, sha512)
     */
    public record Result(Path root, String version, Metadata bagInfo, Map<String, Manifest> manifests,
                         int payloadFiles, long payloadBytes, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result validate(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        String version = checkDeclaration(root, problems);
        Metadata info = readInfo(root, problems);

        Map<String, Manifest> manifests = new TreeMap<>();
        Map<String, Manifest> tagManifests = new TreeMap<>();
        List<String> tagFiles = new ArrayList<>();
        try (var entries = Files.list(root)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    tagFiles.add(name);
                }
                Matcher m = MANIFEST.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                String algorithm = m.group(2);
                if (!ALGORITHMS.containsKey(algorithm)) {
                    problems.add(name + ": unsupported algorithm '" + algorithm + "'");
                    continue;
                }
                try {
                    Manifest manifest = Manifest.parse(text(p), name, hexLength(algorithm));
                    (m.group(1) == null ? manifests : tagManifests).put(algorithm, manifest);
                } catch (BagFormatException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (manifests.isEmpty()) {
            problems.add("no payload manifest (manifest-ALGORITHM.txt)");
        }

        Map<String, Long> sizes = payloadFiles(root, problems);
        long bytes = sizes.values().stream().mapToLong(Long::longValue).sum();
        Optional<String> oxum = info == null ? Optional.empty() : info.first("Payload-Oxum");
        if (oxum.isPresent() && !oxum.get().strip().equals(bytes + "." + sizes.size())) {
            problems.add("Payload-Oxum says " + oxum.get().strip() + " (octets.files) but data/ holds " + bytes + "."
                    + sizes.size());
        }

        for (Map.Entry<String, Manifest> m : manifests.entrySet()) {
            for (String listed : m.getValue().checksums().keySet()) {
                if (!sizes.containsKey(listed)) {
                    problems.add("manifest-" + m.getKey() + ".txt lists '" + listed + "', which is "
                            + (listed.startsWith("data/") ? "missing" : "not a payload file"));
                }
            }
            for (String file : sizes.keySet()) {
                if (!m.getValue().checksums().containsKey(file)) {
                    problems.add("payload file '" + file + "' is not listed in manifest-" + m.getKey() + ".txt");
                }
            }
        }
        checkChecksums(root, sizes.keySet(), manifests, "", problems);
        for (Map.Entry<String, Manifest> t : tagManifests.entrySet()) {
            for (String listed : t.getValue().checksums().keySet()) {
                if (!Files.isRegularFile(root.resolve(listed), LinkOption.NOFOLLOW_LINKS)) {
                    problems.add("tagmanifest-" + t.getKey() + ".txt lists '" + listed + "', which is missing");
                }
            }
        }
        checkChecksums(root, tagFilesListed(tagManifests), tagManifests, "tag ", problems);
        return new Result(root, version, info, manifests, sizes.size(), bytes, problems);
    }

    private static List<String> tagFilesListed(Map<String, Manifest> tagManifests) {
        List<String> all = new ArrayList<>();
        tagManifests.values().forEach(m -> m.checksums().keySet().stream().filter(k -> !all.contains(k)).forEach(all::add));
        return all;
    }

    private static String checkDeclaration(Path root, List<String> problems) throws IOException {
        Path declaration = root.resolve(BagIt.DECLARATION);
        if (!Files.isRegularFile(declaration)) {
            problems.add("bagit.txt is missing: this is not a BagIt bag");
            return null;
        }
        String text;
        try {
            text = text(declaration);
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return null;
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (text.startsWith("\uFEFF")) {
            problems.add("bagit.txt starts with a byte-order mark");
        }
        if (lines.length < 2 || !lines[0].startsWith("BagIt-Version: ") || !lines[1].startsWith("Tag-File-Character-Encoding: ")) {
            problems.add("bagit.txt is not the two lines 'BagIt-Version: M.N' and 'Tag-File-Character-Encoding: ENCODING'");
            return null;
        }
        String version = lines[0].substring("BagIt-Version: ".length()).strip();
        if (!version.equals("1.0") && !version.equals("0.97")) {
            problems.add("bagit.txt declares BagIt " + version + "; sealpack reads 0.97 and 1.0");
        }
        if (!lines[1].substring("Tag-File-Character-Encoding: ".length()).strip().equalsIgnoreCase("UTF-8")) {
            problems.add("bagit.txt declares an encoding other than UTF-8");
        }
        if (lines.length > 3 || lines.length == 3 && !lines[2].isEmpty()) {
            problems.add("bagit.txt has more than two lines");
        }
        return version;
    }

    private static Metadata readInfo(Path root, List<String> problems) throws IOException {
        Path file = root.resolve(BagIt.BAG_INFO);
        if (!Files.isRegularFile(file)) {
            return new Metadata(List.of());
        }
        try {
            return Metadata.parseBagInfo(text(file).replace("\r\n", "\n"));
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static Map<String, Long> payloadFiles(Path root, List<String> problems) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        Path data = root.resolve(BagIt.PAYLOAD_DIR);
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            problems.add("data/ is missing");
            return sizes;
        }
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile()) {
                    sizes.put(relative, attrs.size());
                } else {
                    problems.add("'" + relative + "' is not a regular file (a link or device)");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add("cannot read '" + root.relativize(file) + "': " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        return sizes;
    }

    /** Hashes each file once with every algorithm that lists it, and compares. */
    private static void checkChecksums(Path root, Iterable<String> files, Map<String, Manifest> manifests, String kind,
                                       List<String> problems) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (String file : files) {
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            manifests.forEach((alg, m) -> {
                if (m.checksums().containsKey(file)) {
                    digests.put(alg, digest(alg));
                }
            });
            Path path = root.resolve(file);
            if (digests.isEmpty() || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (MessageDigest d : digests.values()) {
                        d.update(buffer, 0, n);
                    }
                }
            }
            digests.forEach((alg, d) -> {
                if (!HexFormat.of().formatHex(d.digest()).equals(manifests.get(alg).checksums().get(file))) {
                    problems.add(alg + " checksum mismatch for " + kind + "file '" + file + "'");
                }
            });
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int hexLength(String algorithm) {
        return digest(algorithm).getDigestLength() * 2;
    }

    private static String text(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BagFormatException(file.getFileName() + " is not valid UTF-8");
        }
    }
}
