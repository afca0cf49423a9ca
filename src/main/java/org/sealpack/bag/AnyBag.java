package org.sealpack.bag;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for any bag (RFC 8493, and BagIt 0.93 to 0.97, as the Library of Congress's bagit-java
 * and bagit-python read them): bagit.txt declares the version and the tag files' encoding; every
 * payload file is in every payload manifest exactly once with a matching checksum, in any algorithm
 * the JDK has (md5 and sha1 are accepted, with a warning); tag manifests' files match; Payload-Oxum
 * matches; fetch.txt is read and its paths checked, and files it lists that are not here make the
 * bag holey. Lenient where the readers are: CR LF line ends, upper-case hex, a leading "./" or '*'
 * before a path, no final line break.
 */
final class AnyBag {
    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-(.+)\\.txt");
    private static final Pattern OXUM = Pattern.compile("([0-9]{1,19})\\.([0-9]{1,10})");

    private final BagContent bag;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private AnyBagText.Declaration declared;
    private Charset charset;

    /** bag-info.txt: empty when absent, null when it cannot be read. */
    private Metadata info;

    private final Map<String, Map<String, byte[]>> payloadManifests = new TreeMap<>();
    private final Map<String, Map<String, byte[]>> tagManifests = new TreeMap<>();
    private final Map<String, FetchFile.Entry> fetch = new LinkedHashMap<>();

    /** Every payload file found, with its size. */
    private final Map<String, Long> files = new TreeMap<>();

    private Map<String, Manifest> found;
    private final TreeSet<String> toFetch = new TreeSet<>();

    private AnyBag(BagContent bag) {
        this.bag = bag;
    }

    /**
     * Each rule in turn, every problem collected; without bagit.txt there is no bag to judge
     * further.
     */
    static BagRules.Verdict check(BagContent bag) throws IOException {
        AnyBag rules = new AnyBag(bag);
        rules.readableRegularFiles();
        if (!rules.declaration()) {
            return new BagRules.Verdict(
                    BagRules.Level.ANY_BAG,
                    null,
                    List.of(),
                    null,
                    new Manifest.Builder().build(),
                    0,
                    rules.problems,
                    rules.warnings,
                    List.of());
        }
        rules.bagInfo();
        rules.payloadDirectory();
        rules.manifests();
        rules.fetchFile();
        rules.payloadAgainstManifests();
        rules.fetchAgainstManifests();
        long bytes = rules.files.values().stream().mapToLong(Long::longValue).sum();
        rules.payloadOxum(bytes);
        rules.tagManifestsAgainstTagFiles();
        return rules.verdict(bytes);
    }

    /** Every entry can be read and is a regular file or a directory (no link, no special file). */
    private void readableRegularFiles() {
        if (bag instanceof DirectoryContent directory) {
            directory.unreadable().forEach(p -> problems.add("cannot read '" + p + "'"));
        }
        for (BagContent.Item item : bag.items()) {
            if (item.kind() == BagContent.Kind.OTHER) {
                problems.add("'" + item.path() + "' is a link or special file, not a regular file");
            }
        }
    }

    /**
     * bagit.txt is there and declares a version and the tag files' encoding; false: not a bag at
     * all.
     */
    private boolean declaration() throws IOException {
        byte[] declaration = bag.tagFile(BagIt.DECLARATION);
        if (declaration == null) {
            problems.add("bagit.txt is missing: this is not a BagIt bag");
            return false;
        }
        declared = AnyBagText.declaration(declaration, problems);
        charset = declared.charset() == null ? StandardCharsets.UTF_8 : declared.charset();
        return true;
    }

    /** bag-info.txt, when present, reads as labels and values in the declared encoding. */
    private void bagInfo() throws IOException {
        info = new Metadata(List.of());
        byte[] infoBytes = bag.tagFile(BagIt.BAG_INFO);
        if (infoBytes != null) {
            try {
                info =
                        Metadata.parseAnyBagInfo(
                                AnyBagText.decode(infoBytes, charset, BagIt.BAG_INFO));
            } catch (BagFormatException e) {
                problems.add(e.getMessage());
                info = null;
            }
        }
    }

    /** data/ is there. */
    private void payloadDirectory() {
        if (bag.items().stream()
                .noneMatch(
                        i ->
                                i.path().equals(BagIt.PAYLOAD_DIR)
                                        && i.kind() == BagContent.Kind.DIRECTORY)) {
            problems.add("data/ is missing");
        }
    }

    /**
     * Every manifest names an algorithm the JDK has (md5 and sha1 warned as weak) and parses; one
     * payload manifest at least.
     */
    private void manifests() throws IOException {
        for (BagContent.Item item : bag.items()) {
            Matcher m = MANIFEST.matcher(item.path());
            if (item.kind() != BagContent.Kind.FILE || !m.matches()) {
                continue;
            }
            String algorithm = m.group(2);
            if (!Algorithms.known(algorithm)) {
                problems.add(
                        item.path()
                                + " names a checksum algorithm sealpack does not know ('"
                                + algorithm
                                + "')");
                continue;
            }
            if (Algorithms.weak(algorithm)) {
                warnings.add(
                        item.path()
                                + " uses "
                                + algorithm
                                + ", which no longer protects against deliberate changes");
            }
            try {
                Map<String, byte[]> lines =
                        AnyBagText.parseManifest(
                                AnyBagText.decode(bag.tagFile(item.path()), charset, item.path()),
                                item.path(),
                                Algorithms.hexLength(algorithm),
                                problems);
                (m.group(1) == null ? payloadManifests : tagManifests).put(algorithm, lines);
            } catch (BagFormatException e) {
                problems.add(e.getMessage());
            }
        }
        if (payloadManifests.isEmpty()) {
            problems.add("no payload manifest (manifest-ALGORITHM.txt)");
        }
    }

    /** fetch.txt, when present, parses and its paths are safe (it is never followed). */
    private void fetchFile() throws IOException {
        byte[] fetchBytes = bag.tagFile(BagIt.FETCH);
        if (fetchBytes != null) {
            try {
                FetchFile.parse(AnyBagText.decode(fetchBytes, charset, BagIt.FETCH), problems)
                        .forEach(e -> fetch.put(e.path(), e));
            } catch (BagFormatException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /**
     * Every payload file in every payload manifest exactly once, with a matching checksum (or
     * listed in fetch.txt).
     */
    private void payloadAgainstManifests() throws IOException {
        for (BagContent.Item item : bag.items()) {
            if (item.kind() == BagContent.Kind.FILE
                    && item.path().startsWith(BagIt.PAYLOAD_DIR + "/")) {
                files.put(item.path(), item.size());
            }
        }
        List<String> unreadable = new ArrayList<>();
        found = bag.digestPayload(payloadManifests.keySet(), unreadable);
        unreadable.forEach(p -> problems.add("cannot read '" + p + "'"));
        payloadManifests.forEach(
                (algorithm, listed) ->
                        compare(
                                algorithm,
                                listed,
                                found.get(algorithm),
                                files,
                                fetch,
                                toFetch,
                                problems));
    }

    /**
     * Every file fetch.txt lists is in a payload manifest, and of the length it says when it is
     * here.
     */
    private void fetchAgainstManifests() {
        fetch.forEach(
                (path, entry) -> {
                    if (payloadManifests.values().stream().noneMatch(m -> m.containsKey(path))) {
                        problems.add(
                                "fetch.txt lists '" + path + "', which no payload manifest lists");
                    } else if (files.containsKey(path)
                            && entry.length() >= 0
                            && files.get(path) != entry.length()) {
                        problems.add(
                                "fetch.txt says '"
                                        + path
                                        + "' is "
                                        + entry.length()
                                        + " bytes, but it is "
                                        + files.get(path));
                    }
                });
    }

    private void payloadOxum(long bytes) {
        if (info != null) {
            oxum(info, files.size(), bytes, toFetch, fetch, problems);
        }
    }

    /** Every tag manifest's files are tag files here, with matching checksums. */
    private void tagManifestsAgainstTagFiles() {
        tagManifests.forEach(
                (algorithm, listed) ->
                        listed.forEach(
                                (path, digest) -> {
                                    try {
                                        byte[] content =
                                                path.startsWith(BagIt.PAYLOAD_DIR + "/")
                                                        ? null
                                                        : bag.tagFile(path);
                                        if (content == null) {
                                            problems.add(
                                                    "tagmanifest-"
                                                            + algorithm
                                                            + ".txt lists '"
                                                            + path
                                                            + "', which is not a tag file here");
                                        } else if (!MessageDigest.isEqual(
                                                digest,
                                                Algorithms.digest(algorithm).digest(content))) {
                                            problems.add(
                                                    algorithm
                                                            + " checksum mismatch for tag file '"
                                                            + path
                                                            + "'");
                                        }
                                    } catch (IOException e) {
                                        problems.add(
                                                "cannot read the tag file '"
                                                        + path
                                                        + "': "
                                                        + e.getMessage());
                                    }
                                }));
    }

    private BagRules.Verdict verdict(long bytes) {
        List<String> algorithms = List.copyOf(payloadManifests.keySet());
        BagRules.Verdict verdict =
                new BagRules.Verdict(
                        BagRules.Level.ANY_BAG,
                        declared.version(),
                        algorithms,
                        info,
                        new Manifest.Builder().build(),
                        bytes,
                        problems,
                        warnings,
                        List.copyOf(toFetch));
        Manifest payload = found.getOrDefault(verdict.payloadAlgorithm(), withoutDigests(files));
        return new BagRules.Verdict(
                BagRules.Level.ANY_BAG,
                declared.version(),
                algorithms,
                info,
                payload,
                bytes,
                problems,
                warnings,
                List.copyOf(toFetch));
    }

    /** The files found, with their sizes, when no manifest gave an algorithm to compute. */
    private static Manifest withoutDigests(Map<String, Long> files) {
        Manifest.Builder builder = new Manifest.Builder();
        files.forEach((path, size) -> builder.add(path, new byte[0], size));
        return builder.build();
    }

    /**
     * One payload manifest against the files found: each listed file here (or to fetch) and equal,
     * each file listed.
     */
    private static void compare(
            String algorithm,
            Map<String, byte[]> listed,
            Manifest computed,
            Map<String, Long> files,
            Map<String, FetchFile.Entry> fetch,
            Set<String> toFetch,
            List<String> problems) {
        String name = "manifest-" + algorithm + ".txt";
        listed.forEach(
                (path, digest) -> {
                    Manifest.Entry entry = computed.entry(path);
                    if (!path.startsWith(BagIt.PAYLOAD_DIR + "/")) {
                        problems.add(name + " lists '" + path + "', which is outside data/");
                    } else if (entry != null) {
                        if (!MessageDigest.isEqual(digest, entry.digest())) {
                            problems.add(algorithm + " checksum mismatch for file '" + path + "'");
                        }
                    } else if (!files.containsKey(path)) {
                        if (fetch.containsKey(path)) {
                            toFetch.add(path);
                        } else {
                            problems.add(
                                    "payload file '"
                                            + path
                                            + "' is listed in "
                                            + name
                                            + " but missing");
                        }
                    }
                });
        for (String file : files.keySet()) {
            if (!listed.containsKey(file)) {
                problems.add("payload file '" + file + "' is not listed in " + name);
            }
        }
    }

    /**
     * Each Payload-Oxum against what the payload holds; with files still to fetch, against what it
     * will hold once they are fetched, when fetch.txt gives all their lengths.
     */
    private static void oxum(
            Metadata info,
            int files,
            long bytes,
            Set<String> toFetch,
            Map<String, FetchFile.Entry> fetch,
            List<String> problems) {
        long expectedBytes = bytes;
        for (String path : toFetch) {
            long length = fetch.get(path).length();
            if (length < 0) {
                return; // the complete payload's size is not known: nothing to compare
            }
            expectedBytes += length;
        }
        String found = expectedBytes + "." + (files + toFetch.size());
        for (String value : info.all("Payload-Oxum")) {
            Matcher m = OXUM.matcher(value);
            if (!m.matches()) {
                problems.add("Payload-Oxum '" + value + "' is not OCTETS.FILES");
            } else if (!value.equals(found)) {
                problems.add(
                        "Payload-Oxum says "
                                + value
                                + " (octets.files) but data/ holds "
                                + found
                                + (toFetch.isEmpty() ? "" : " with the files still to fetch"));
            }
        }
    }
}
