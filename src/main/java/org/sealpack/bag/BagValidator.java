package org.sealpack.bag;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sealpack.failure.BagInvalidException;

/**
 * Checks a bag read by {@link BagReader} against the rules of docs/FORMAT.md: the exact bagit.txt, no
 * fetch.txt, every payload file in manifest-sha512.txt exactly once with the right checksum and nothing
 * else, a Payload-Oxum that matches, and a tag manifest that covers every other tag file. Collects every
 * problem and reports them together.
 */
public final class BagValidator {
    private static final String HINT = "the bag is damaged or was altered; do not rely on it, ask the sender for a new copy";
    /** A bag with a million wrong files gets a readable message, not a million clauses. */
    static final int MAX_PROBLEMS_SHOWN = 12;

    private BagValidator() {
    }

    /** A bag that passed: its metadata and payload (as listed in its manifest and found, with sizes, in tar order). */
    public record ValidBag(String root, Metadata bagInfo, Manifest manifest, long payloadBytes, List<String> warnings) {
    }

    /** bagit.txt of a BagIt 0.97 bag, accepted when an existing bag was sealed as it is. */
    static final String DECLARATION_097 = "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n";

    public static ValidBag validate(BagReader.ReadBag bag) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> tags = bag.tagFiles();

        byte[] declaration = tags.get(BagIt.DECLARATION);
        if (declaration == null) {
            problems.add("bagit.txt is missing");
        } else if (!BagIt.DECLARATION_TEXT.equals(new String(declaration, StandardCharsets.UTF_8))
                && !DECLARATION_097.equals(new String(declaration, StandardCharsets.UTF_8))) {
            problems.add("bagit.txt is not the two lines of a BagIt 1.0 bag in UTF-8");
        }
        if (tags.containsKey(BagIt.FETCH)) {
            problems.add("fetch.txt is present (a sealed bag must hold all of its payload)");
        }

        Metadata info = null;
        try {
            info = Metadata.parseBagInfo(text(tags, BagIt.BAG_INFO, problems));
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
        }

        if (!tags.containsKey(BagIt.MANIFEST)) {
            problems.add("manifest-sha512.txt is missing");
        } else {
            try {
                checkPayload(tags.get(BagIt.MANIFEST), bag.payload(), problems);
            } catch (BagFormatException e) {
                problems.add(e.getMessage());
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String name : tags.keySet()) {
            if (name.contains("/") && !name.equals(BagIt.SIGNATURE)) {
                problems.add("'" + name + "' is outside data/ and is not a tag file sealpack knows");
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt").matcher(name);
            if (m.matches() && !name.equals(BagIt.MANIFEST) && !name.equals(BagIt.TAG_MANIFEST)) {
                checkOtherManifest(name, m.group(1) != null, m.group(2), bag, problems, warnings);
            }
        }

        if (info != null) {
            checkOxum(info, bag, problems);
        }
        checkTagManifest(tags, problems);

        if (!problems.isEmpty()) {
            throw new BagInvalidException("the bag is invalid: " + summary(problems), HINT);
        }
        return new ValidBag(bag.root(), info, bag.payload(), bag.payloadBytes(), warnings);
    }

    /**
     * A manifest of another algorithm, carried by a bag sealed as it was: every payload file must be in
     * it exactly once; its payload checksums are not recomputed on open (only SHA-512 is, in the same
     * pass), but its tag checksums are.
     */
    private static void checkOtherManifest(String name, boolean tag, String algorithm, BagReader.ReadBag bag,
                                           List<String> problems, List<String> warnings) {
        if (!DirectoryBag.ALGORITHMS.containsKey(algorithm)) {
            problems.add(name + ": unsupported algorithm '" + algorithm + "'");
            return;
        }
        Manifest other;
        try {
            other = Manifest.parse(text(bag.tagFiles(), name, problems), name, DirectoryBag.hexLength(algorithm));
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return;
        }
        if (tag) {
            other.checksums().forEach((file, sum) -> {
                byte[] content = bag.tagFiles().get(file);
                if (content == null) {
                    problems.add(name + " lists '" + file + "', which is missing");
                } else if (!java.util.HexFormat.of().formatHex(DirectoryBag.digest(algorithm).digest(content)).equals(sum)) {
                    problems.add(algorithm + " checksum mismatch for tag file '" + file + "'");
                }
            });
            return;
        }
        for (String file : bag.payload().entries().keySet()) {
            if (!other.checksums().containsKey(file)) {
                problems.add("payload file '" + file + "' is not listed in " + name);
            }
        }
        for (String file : other.checksums().keySet()) {
            if (bag.payload().entry(file) == null) {
                problems.add(name + " lists '" + file + "', which is missing");
            }
        }
        warnings.add(name + " was checked for completeness only; run 'sealpack validate' on the opened bag to check its "
                + algorithm + " checksums");
    }

    /**
     * Every line of manifest-sha512.txt against the payload found, line by line (the manifest of a
     * million files is not turned into a second map): each listed file present with the same SHA-512,
     * listed once, under data/; then every file found must have been listed.
     */
    private static void checkPayload(byte[] manifest, Manifest found, List<String> problems) {
        BitSet listed = new BitSet(found.size());
        Set<String> listedMissing = new HashSet<>();
        Manifest.forEachLine(manifest, BagIt.MANIFEST, BagIt.HEX_LENGTH, (number, path, digest) -> {
            Manifest.Entry file = found.entry(path);
            if (file == null) {
                if (!listedMissing.add(path)) {
                    throw new BagFormatException(BagIt.MANIFEST + " lists " + path + " twice");
                }
                problems.add(path.startsWith(BagIt.PAYLOAD_DIR + "/")
                        ? "payload file '" + path + "' is listed in the manifest but missing"
                        : "manifest-sha512.txt lists '" + path + "', which is outside data/");
                return;
            }
            if (listed.get(file.index())) {
                throw new BagFormatException(BagIt.MANIFEST + " lists " + path + " twice");
            }
            listed.set(file.index());
            if (!MessageDigest.isEqual(digest, file.digest())) {
                problems.add("checksum mismatch for '" + path + "'");
            }
        });
        for (Map.Entry<String, Manifest.Entry> file : found.entries().entrySet()) {
            if (!listed.get(file.getValue().index())) {
                problems.add("payload file '" + file.getKey() + "' is not listed in the manifest");
            }
        }
    }

    /** The problems in one line: all of them up to a dozen, else the first dozen and how many more. */
    static String summary(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        int shown = Math.min(problems.size(), MAX_PROBLEMS_SHOWN);
        String listed = String.join("; ", problems.subList(0, shown));
        return problems.size() + " problems: " + listed
                + (shown < problems.size() ? "; and " + (problems.size() - shown) + " more" : "");
    }

    private static void checkOxum(Metadata info, BagReader.ReadBag bag, List<String> problems) {
        Optional<String> oxum = info.first("Payload-Oxum");
        if (oxum.isEmpty()) {
            return;
        }
        String expected = bag.payloadBytes() + "." + bag.payload().size();
        if (!oxum.get().strip().equals(expected)) {
            problems.add("Payload-Oxum says " + oxum.get().strip() + " (bytes.files) but the payload holds " + expected);
        }
    }

    private static void checkTagManifest(Map<String, byte[]> tags, List<String> problems) {
        if (!tags.containsKey(BagIt.TAG_MANIFEST)) {
            problems.add("tagmanifest-sha512.txt is missing");
            return;
        }
        Manifest tagManifest;
        try {
            tagManifest = Manifest.parse(text(tags, BagIt.TAG_MANIFEST, problems), BagIt.TAG_MANIFEST,
                    BagIt.HEX_LENGTH);
        } catch (BagFormatException e) {
            problems.add(e.getMessage());
            return;
        }
        for (Map.Entry<String, String> listed : tagManifest.checksums().entrySet()) {
            byte[] content = tags.get(listed.getKey());
            if (content == null) {
                problems.add("tag file '" + listed.getKey() + "' is listed in the tag manifest but missing");
            } else if (!Digests.sha512Hex(content).equals(listed.getValue())) {
                problems.add("checksum mismatch for tag file '" + listed.getKey() + "'");
            }
        }
        for (String name : tags.keySet()) {
            boolean exempt = name.startsWith("tagmanifest-") || name.equals(BagIt.SIGNATURE);
            if (!exempt && !tagManifest.checksums().containsKey(name)) {
                problems.add("tag file '" + name + "' is not listed in the tag manifest");
            }
        }
    }

    private static String text(Map<String, byte[]> tags, String name, List<String> problems) {
        byte[] bytes = tags.get(name);
        if (bytes == null) {
            if (name.equals(BagIt.BAG_INFO)) {
                problems.add("bag-info.txt is missing");
            }
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BagFormatException(name + " is not valid UTF-8");
        }
    }
}
