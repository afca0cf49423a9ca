package org.sealpack.bag;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The bag corpus: one bag directory per rule of RFC 8493 (and BagIt 0.93 to 0.97) and per case that
 * issue 14 found, valid and invalid, each with NAME.expect: what it tests, the verdict of {@code
 * sealpack validate} (valid, invalid, holey), a problem it must name, and the Library of Congress's
 * bagit-java 5.2.0 verdict where that differs on purpose, with why. Written once into
 * src/test/resources/bags/ by {@code mvn test -Dtest=BagCorpus -Dsealpack.generate=bags};
 * committed; never regenerated in place. What git cannot hold (an empty directory, a link) is made
 * by the test from the expect file's "setup:" lines. BagCorpusTest checks every bag with sealpack
 * and bagit-java.
 */
class BagCorpus {
    static final Path DIR = Path.of("src/test/resources/bags");
    static final String TEXT = "The statement of 12 November 2018.\n";
    static final String SECOND = "Witness list withheld.\n";

    /** One bag: how to write it, and what is expected of it. */
    record Case(
            String name,
            String about,
            String verdict,
            String problem,
            String bagitJava,
            String difference,
            List<String> setup,
            Writer writer) {}

    interface Writer {
        void write(Path root) throws IOException;
    }

    static byte[] u(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void put(Path root, String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static String hex(String algorithm, byte[] content) {
        return HexFormat.of().formatHex(Algorithms.digest(algorithm).digest(content));
    }

    /**
     * A bag as the tools write it: payload, one manifest per algorithm, bag-info (null: none), tag
     * manifests.
     */
    static Writer bag(
            String version,
            Charset charset,
            Map<String, byte[]> payload,
            List<String> algorithms,
            String bagInfo,
            List<String> tagAlgorithms) {
        return root -> {
            put(
                    root,
                    "bagit.txt",
                    u(
                            "BagIt-Version: "
                                    + version
                                    + "\nTag-File-Character-Encoding: "
                                    + charset.name()
                                    + "\n"));
            long bytes = 0;
            for (Map.Entry<String, byte[]> p : payload.entrySet()) {
                put(root, p.getKey(), p.getValue());
                bytes += p.getValue().length;
            }
            List<String> tagFiles = new ArrayList<>(List.of("bagit.txt"));
            for (String algorithm : algorithms) {
                StringBuilder m = new StringBuilder();
                payload.forEach(
                        (path, content) ->
                                m.append(hex(algorithm, content))
                                        .append("  ")
                                        .append(path.replace("%", "%25"))
                                        .append('\n'));
                put(root, "manifest-" + algorithm + ".txt", m.toString().getBytes(charset));
                tagFiles.add("manifest-" + algorithm + ".txt");
            }
            if (bagInfo != null) {
                put(
                        root,
                        "bag-info.txt",
                        bagInfo.replace("{oxum}", bytes + "." + payload.size()).getBytes(charset));
                tagFiles.add("bag-info.txt");
            }
            for (String algorithm : tagAlgorithms) {
                StringBuilder m = new StringBuilder();
                for (String tag : tagFiles) {
                    m.append(hex(algorithm, Files.readAllBytes(root.resolve(tag))))
                            .append("  ")
                            .append(tag)
                            .append('\n');
                }
                put(root, "tagmanifest-" + algorithm + ".txt", m.toString().getBytes(charset));
            }
        };
    }

    static Map<String, byte[]> payload() {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("data/statement.txt", u(TEXT));
        p.put("data/annex/witnesses.txt", u(SECOND));
        return p;
    }

    static Writer plain(String version, List<String> algorithms) {
        return bag(
                version,
                StandardCharsets.UTF_8,
                payload(),
                algorithms,
                "Source-Organization: NAT\nPayload-Oxum: {oxum}\n",
                List.of("sha512"));
    }

    /** A plain valid bag, then the change. */
    static Writer then(Writer base, Writer change) {
        return root -> {
            base.write(root);
            change.write(root);
        };
    }

    static Writer replace(String path, String from, String to) {
        return root ->
                Files.writeString(
                        root.resolve(path), Files.readString(root.resolve(path)).replace(from, to));
    }

    static Writer file(String path, String content) {
        return root -> put(root, path, u(content));
    }

    static Case valid(String name, String about, Writer w) {
        return new Case(name, about, "valid", null, null, null, List.of(), w);
    }

    static Case invalid(String name, String about, String problem, Writer w) {
        return new Case(name, about, "invalid", problem, null, null, List.of(), w);
    }

    static Case differs(Case c, String bagitJava, String why) {
        return new Case(
                c.name(),
                c.about(),
                c.verdict(),
                c.problem(),
                bagitJava,
                why,
                c.setup(),
                c.writer());
    }

    static Case setup(Case c, String... lines) {
        return new Case(
                c.name(),
                c.about(),
                c.verdict(),
                c.problem(),
                c.bagitJava(),
                c.difference(),
                List.of(lines),
                c.writer());
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String a = hex("sha512", u(TEXT));
        // Valid bags, every version and form the readers accept.
        c.add(
                valid(
                        "v1.0-sha512",
                        "RFC 8493: a BagIt 1.0 bag with a SHA-512 manifest, bag-info.txt and a tag manifest",
                        plain("1.0", List.of("sha512"))));
        c.add(
                valid(
                        "v1.0-two-algorithms",
                        "RFC 8493 2.1.3: several payload manifests, every file in each",
                        plain("1.0", List.of("sha256", "sha512"))));
        c.add(
                differs(
                        valid(
                                "v1.0-sha224-sha384",
                                "algorithms beyond RFC 8493's list that bagit-python knows: sha224, sha384",
                                plain("1.0", List.of("sha224", "sha384"))),
                        "invalid",
                        "bagit-java 5.2.0 does not know sha224 and sha384 (bagit-python does; the JDK has both)"));
        c.add(
                valid(
                        "v1.0-no-bag-info",
                        "RFC 8493 2.2.2: bag-info.txt is optional",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_8,
                                payload(),
                                List.of("sha512"),
                                null,
                                List.of())));
        c.add(
                new Case(
                        "v0.97-md5",
                        "BagIt 0.97 with an MD5 manifest: valid, MD5 warned as weak",
                        "valid",
                        null,
                        null,
                        null,
                        List.of(),
                        plain("0.97", List.of("md5"))));
        for (String version : List.of("0.96", "0.95", "0.94", "0.93")) {
            c.add(
                    valid(
                            "v" + version + "-sha1",
                            "BagIt "
                                    + version
                                    + ", which archives still hold (SHA-1 warned as weak)",
                            bag(
                                    version,
                                    StandardCharsets.UTF_8,
                                    payload(),
                                    List.of("sha1"),
                                    "Payload-Oxum: {oxum}\n",
                                    List.of())));
        }
        c.add(
                valid(
                        "latin1-tag-files",
                        "RFC 8493 2.1.1: tag files in the encoding bagit.txt declares (ISO-8859-1)",
                        bag(
                                "1.0",
                                StandardCharsets.ISO_8859_1,
                                Map.of("data/déclaration.txt", u(TEXT)),
                                List.of("sha256"),
                                "Source-Organization: Défenseurs\nPayload-Oxum: {oxum}\n",
                                List.of("sha256"))));
        c.add(
                valid(
                        "utf16-tag-files",
                        "RFC 8493 2.1.1: tag files in UTF-16, as bagit.txt declares",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_16,
                                Map.of("data/Баёнот.txt", u(TEXT)),
                                List.of("sha256"),
                                "Source-Organization: Иттиҳод\nPayload-Oxum: {oxum}\n",
                                List.of())));
        c.add(
                valid(
                        "dot-slash-paths",
                        "manifest paths written with a leading ./ (as sha512sum run in the bag writes them)",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> {
                                    replace("manifest-sha512.txt", "  data/", "  ./data/")
                                            .write(root);
                                    Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                })));
        c.add(
                valid(
                        "star-paths",
                        "a '*' before the path, sha512sum's binary-mode marker",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> {
                                    replace("manifest-sha512.txt", "  data/", " *data/")
                                            .write(root);
                                    Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                })));
        c.add(
                valid(
                        "crlf-line-ends",
                        "CR LF line ends in the manifest and bag-info.txt, as Windows tools write them",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> {
                                    for (String tag :
                                            List.of("manifest-sha512.txt", "bag-info.txt")) {
                                        Files.writeString(
                                                root.resolve(tag),
                                                Files.readString(root.resolve(tag))
                                                        .replace("\n", "\r\n"));
                                    }
                                    Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                })));
        c.add(
                differs(
                        valid(
                                "upper-case-hex",
                                "RFC 8493 2.1.3: the hex checksum may use upper-case letters",
                                then(
                                        plain("1.0", List.of("sha512")),
                                        root -> {
                                            Files.writeString(
                                                    root.resolve("manifest-sha512.txt"),
                                                    Files.readString(
                                                                    root.resolve(
                                                                            "manifest-sha512.txt"))
                                                            .replace(a, a.toUpperCase()));
                                            Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                        })),
                        "invalid",
                        "bagit-java 5.2.0 compares checksums case-sensitively; RFC 8493 2.1.3 says the hex checksum"
                                + " MAY use upper-case letters"));
        c.add(
                valid(
                        "tab-separator",
                        "RFC 8493 2.1.3: checksum and path separated by linear whitespace, here a tab",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> {
                                    Files.writeString(
                                            root.resolve("manifest-sha512.txt"),
                                            Files.readString(root.resolve("manifest-sha512.txt"))
                                                    .replace("  data/", "\tdata/"));
                                    Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                })));
        c.add(
                valid(
                        "bag-info-no-final-newline",
                        "bag-info.txt without a line break at its end, as some tools write it",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_8,
                                payload(),
                                List.of("sha512"),
                                "Title: no final line break\nPayload-Oxum: {oxum}",
                                List.of())));
        c.add(
                valid(
                        "bag-info-continuation",
                        "RFC 8493 2.2.2: a value continued on lines that start with whitespace",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_8,
                                payload(),
                                List.of("sha512"),
                                "External-Description: a long\n  description, continued\nPayload-Oxum: {oxum}\n",
                                List.of())));
        c.add(
                valid(
                        "literal-percent",
                        "a '%' that encodes nothing, taken literally (bagit-java 5 writes '%' so)",
                        then(
                                bag(
                                        "1.0",
                                        StandardCharsets.UTF_8,
                                        Map.of("data/100%.txt", u(TEXT)),
                                        List.of("sha512"),
                                        null,
                                        List.of()),
                                replace("manifest-sha512.txt", "100%25", "100%"))));
        c.add(
                differs(
                        valid(
                                "percent-encoded-name",
                                "RFC 8493 2.1.3: a '%' in a name written %25",
                                bag(
                                        "1.0",
                                        StandardCharsets.UTF_8,
                                        Map.of("data/100%.txt", u(TEXT)),
                                        List.of("sha512"),
                                        null,
                                        List.of())),
                        "invalid",
                        "bagit-java 5.2.0 decodes only %0A and %0D, so it looks for a file named '100%25.txt'; "
                                + "RFC 8493 2.1.3 has '%' written %25, and sealpack follows the RFC"));
        c.add(
                valid(
                        "fetch-complete",
                        "RFC 8493 2.2.3: fetch.txt whose file is already here: the bag is complete",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "fetch.txt",
                                        "https://example.org/statement.txt "
                                                + TEXT.length()
                                                + " data/statement.txt\n"))));
        c.add(
                differs(
                        new Case(
                                "fetch-holey",
                                "RFC 8493 2.2.3: a file fetch.txt lists is not here: valid but holey",
                                "holey",
                                "data/annex/witnesses.txt",
                                null,
                                null,
                                List.of(),
                                then(
                                        plain("1.0", List.of("sha512")),
                                        root -> {
                                            Files.delete(root.resolve("data/annex/witnesses.txt"));
                                            put(
                                                    root,
                                                    "fetch.txt",
                                                    u(
                                                            "https://example.org/w.txt "
                                                                    + SECOND.length()
                                                                    + " data/annex/witnesses.txt\n"));
                                        })),
                        "invalid",
                        "bagit-java calls a holey bag invalid; sealpack says holey (exit 28), since it never fetches"));
        c.add(
                valid(
                        "tag-directory",
                        "RFC 8493 2.2.4: a tag directory, its files in the tag manifest",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> {
                                    put(root, "metadata/mets.xml", u("<mets/>\n"));
                                    Files.writeString(
                                            root.resolve("tagmanifest-sha512.txt"),
                                            Files.readString(root.resolve("tagmanifest-sha512.txt"))
                                                    + hex("sha512", u("<mets/>\n"))
                                                    + "  metadata/mets.xml\n");
                                })));
        c.add(
                setup(
                        valid(
                                "empty-directory",
                                "an empty directory under data/: nothing to list, so any bag may hold it",
                                plain("1.0", List.of("sha512"))),
                        "mkdir data/empty"));
        c.add(
                valid(
                        "hidden-file",
                        "a payload file whose name starts with a dot is a payload file like any other",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_8,
                                Map.of("data/.notes", u(TEXT)),
                                List.of("sha512"),
                                null,
                                List.of())));
        c.add(
                differs(
                        valid(
                                "sha3-256",
                                "SHA3-256, which the JDK has (named sha3-256)",
                                bag(
                                        "1.0",
                                        StandardCharsets.UTF_8,
                                        payload(),
                                        List.of("sha3-256"),
                                        null,
                                        List.of())),
                        "invalid",
                        "bagit-java 5.2.0 knows md5, sha1, sha224, sha256, sha512 (and sha384): not sha3-256"));

        // Invalid bags: one broken rule each.
        c.add(
                invalid(
                        "no-bagit-txt",
                        "RFC 8493 2.1.1: bagit.txt is required",
                        "bagit.txt is missing",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> Files.delete(root.resolve("bagit.txt")))));
        c.add(
                invalid(
                        "bagit-txt-bom",
                        "RFC 8493 2.1.1: bagit.txt MUST NOT start with a byte-order mark",
                        "byte-order mark",
                        then(
                                plain("1.0", List.of("sha512")),
                                root ->
                                        Files.write(
                                                root.resolve("bagit.txt"),
                                                u(
                                                        "\uFEFFBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")))));
        c.add(
                invalid(
                        "bagit-txt-version-2",
                        "a BagIt version no reader knows",
                        "declares BagIt 2.0",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n"))));
        c.add(
                invalid(
                        "bagit-txt-unknown-encoding",
                        "an encoding Java does not know",
                        "does not know",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "BagIt-Version: 1.0\nTag-File-Character-Encoding: X-NONE-7\n"))));
        c.add(
                invalid(
                        "bagit-txt-three-lines",
                        "RFC 8493 2.1.1: bagit.txt is exactly two lines",
                        "two lines",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nNote: extra\n"))));
        // RFC 8493 2.1.1 spells the two lines exactly (issue 26): one space after the colon, the
        // labels' case, this order.
        c.add(
                invalid(
                        "bagit-txt-no-space",
                        "RFC 8493 2.1.1: 'BagIt-Version: M.N', one space after the colon",
                        "exactly as RFC 8493",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "BagIt-Version:1.0\nTag-File-Character-Encoding:UTF-8\n"))));
        c.add(
                invalid(
                        "bagit-txt-two-spaces",
                        "RFC 8493 2.1.1: one space after the colon, not two",
                        "exactly as RFC 8493",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "BagIt-Version:  1.0\nTag-File-Character-Encoding: UTF-8\n"))));
        c.add(
                invalid(
                        "bagit-txt-lower-case",
                        "RFC 8493 2.1.1: the labels as written ('bagit-version' is not one)",
                        "exactly as RFC 8493",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "bagit-version: 1.0\ntag-file-character-encoding: UTF-8\n"))));
        c.add(
                invalid(
                        "bagit-txt-swapped",
                        "RFC 8493 2.1.1: the two lines in this order",
                        "exactly as RFC 8493",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n"))));
        c.add(
                invalid(
                        "bagit-txt-trailing-space",
                        "RFC 8493 2.1.1: nothing after the value",
                        "exactly as RFC 8493",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bagit.txt",
                                        "BagIt-Version: 1.0 \nTag-File-Character-Encoding: UTF-8\n"))));
        c.add(
                invalid(
                        "no-payload-manifest",
                        "RFC 8493 2.1.3: at least one payload manifest",
                        "no payload manifest",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> {
                                    Files.delete(root.resolve("manifest-sha512.txt"));
                                    Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                })));
        c.add(
                invalid(
                        "unlisted-file",
                        "RFC 8493 3: every payload file in every manifest",
                        "'data/planted.txt' is not listed",
                        then(
                                plain("1.0", List.of("sha512")),
                                file("data/planted.txt", "planted\n"))));
        c.add(
                invalid(
                        "missing-file",
                        "RFC 8493 3: every file a manifest lists is present",
                        "is listed in manifest-sha512.txt but missing",
                        then(
                                plain("1.0", List.of("sha512")),
                                root -> Files.delete(root.resolve("data/annex/witnesses.txt")))));
        c.add(
                invalid(
                        "checksum-mismatch",
                        "RFC 8493 3: every checksum matches",
                        "sha512 checksum mismatch for file 'data/statement.txt'",
                        then(
                                plain("1.0", List.of("sha512")),
                                file("data/statement.txt", "An altered statement.\n"))));
        c.add(
                invalid(
                        "unlisted-in-second-manifest",
                        "RFC 8493 3: every payload file in every payload manifest",
                        "is not listed in manifest-sha256.txt",
                        then(
                                plain("1.0", List.of("sha256", "sha512")),
                                root ->
                                        Files.writeString(
                                                root.resolve("manifest-sha256.txt"),
                                                Files.readString(
                                                                root.resolve("manifest-sha256.txt"))
                                                        .lines()
                                                        .limit(1)
                                                        .reduce("", (x, y) -> x + y + "\n")))));
        c.add(
                differs(
                        invalid(
                                "payload-oxum-wrong",
                                "RFC 8493 2.2.2: Payload-Oxum is the payload's octets and file count",
                                "Payload-Oxum says 1.1",
                                then(
                                        plain("1.0", List.of("sha512")),
                                        root -> {
                                            Files.writeString(
                                                    root.resolve("bag-info.txt"),
                                                    "Source-Organization: NAT\nPayload-Oxum: 1.1\n");
                                            Files.delete(root.resolve("tagmanifest-sha512.txt"));
                                        })),
                        "valid",
                        "bagit-java's BagVerifier.isValid does not read Payload-Oxum (only its quick check does)"));
        c.add(
                invalid(
                        "tag-checksum-mismatch",
                        "RFC 8493 2.2.1: tag manifests' checksums match",
                        "sha512 checksum mismatch for tag file 'bag-info.txt'",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "bag-info.txt",
                                        "Source-Organization: someone else\nPayload-Oxum: 59.2\n"))));
        c.add(
                invalid(
                        "tag-manifest-lists-missing",
                        "RFC 8493 2.2.1: tag manifest lists a missing tag file",
                        "which is not a tag file here",
                        then(
                                plain("1.0", List.of("sha512")),
                                root ->
                                        Files.writeString(
                                                root.resolve("tagmanifest-sha512.txt"),
                                                Files.readString(
                                                                root.resolve(
                                                                        "tagmanifest-sha512.txt"))
                                                        + a
                                                        + "  gone.txt\n"))));
        c.add(
                invalid(
                        "manifest-path-escape",
                        "RFC 8493 2.1.3: a path that leaves the bag",
                        "could lead outside the bag",
                        then(
                                plain("1.0", List.of("sha512")),
                                root ->
                                        Files.writeString(
                                                root.resolve("manifest-sha512.txt"),
                                                Files.readString(
                                                                root.resolve("manifest-sha512.txt"))
                                                        + a
                                                        + "  data/../../escape.txt\n"))));
        c.add(
                invalid(
                        "manifest-backslash",
                        "a path with a backslash (a Windows separator)",
                        "a backslash",
                        then(
                                plain("1.0", List.of("sha512")),
                                root ->
                                        Files.writeString(
                                                root.resolve("manifest-sha512.txt"),
                                                Files.readString(
                                                                root.resolve("manifest-sha512.txt"))
                                                        + a
                                                        + "  data\\statement.txt\n"))));
        c.add(
                invalid(
                        "manifest-short-checksum",
                        "a checksum of the wrong length for its algorithm",
                        "is not 128 hex digits",
                        then(
                                plain("1.0", List.of("sha512")),
                                replace("manifest-sha512.txt", a, a.substring(0, 64)))));
        c.add(
                invalid(
                        "manifest-listed-twice",
                        "a file listed twice in one manifest",
                        "lists 'data/statement.txt' twice",
                        then(
                                plain("1.0", List.of("sha512")),
                                root ->
                                        Files.writeString(
                                                root.resolve("manifest-sha512.txt"),
                                                Files.readString(
                                                                root.resolve("manifest-sha512.txt"))
                                                        + a
                                                        + "  data/statement.txt\n"))));
        c.add(
                invalid(
                        "unknown-algorithm",
                        "a manifest in an algorithm no reader knows",
                        "does not know ('crc32')",
                        then(
                                plain("1.0", List.of("sha512")),
                                file("manifest-crc32.txt", "0badc0de  data/statement.txt\n"))));
        c.add(
                invalid(
                        "no-data-directory",
                        "RFC 8493 2.1.2: the payload directory is required",
                        "data/ is missing",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_8,
                                Map.of(),
                                List.of("sha512"),
                                null,
                                List.of())));
        c.add(
                invalid(
                        "bag-info-line-without-colon",
                        "RFC 8493 2.2.2: every line is 'Label: value'",
                        "is not 'Label: value'",
                        bag(
                                "1.0",
                                StandardCharsets.UTF_8,
                                payload(),
                                List.of("sha512"),
                                "Title: ok\nthis line has no label\n",
                                List.of())));
        for (String[] fetch :
                new String[][] {
                    {"fetch-dotdot", "../outside.txt"},
                    {"fetch-absolute", "/etc/passwd"},
                    {"fetch-home", "~/.ssh/authorized_keys"},
                    {"fetch-user-home", "~root/.profile"}
                }) {
            c.add(
                    invalid(
                            fetch[0],
                            "RFC 8493 2.2.3: fetch.txt names a path inside data/ only",
                            "fetch.txt line 1 names",
                            then(
                                    plain("1.0", List.of("sha512")),
                                    file(
                                            "fetch.txt",
                                            "https://example.org/x 10 " + fetch[1] + "\n"))));
        }
        c.add(
                differs(
                        invalid(
                                "fetch-outside-data",
                                "RFC 8493 2.2.3: fetch.txt lists payload files, under data/",
                                "fetch.txt line 1 names",
                                then(
                                        plain("1.0", List.of("sha512")),
                                        file("fetch.txt", "https://example.org/x 10 bagit.txt\n"))),
                        "valid",
                        "bagit-java 5.2.0 accepts a fetch.txt path outside data/ if it stays in the bag; RFC 8493 2.2.3 fetches"
                                + " payload files, which every payload manifest lists"));
        c.add(
                invalid(
                        "fetch-bad-length",
                        "RFC 8493 2.2.3: LENGTH is a number of octets or '-'",
                        "neither a number nor '-'",
                        then(
                                plain("1.0", List.of("sha512")),
                                file(
                                        "fetch.txt",
                                        "https://example.org/x ten data/statement.txt\n"))));
        c.add(
                setup(
                        invalid(
                                "link-in-payload",
                                "a symbolic link in data/ (made by the test from the setup line)",
                                "is a link or special file",
                                plain("1.0", List.of("sha512"))),
                        "symlink data/link.txt statement.txt"));
        return c;
    }

    @Test
    @EnabledIfSystemProperty(named = "sealpack.generate", matches = "bags")
    void generate() throws IOException {
        Files.createDirectories(DIR);
        for (Case c : cases()) {
            Path root = DIR.resolve(c.name());
            if (Files.exists(root)) {
                continue;
            }
            c.writer().write(root);
            StringBuilder expect =
                    new StringBuilder("# " + c.about() + "\nverdict: " + c.verdict() + "\n");
            if (c.problem() != null) {
                expect.append("problem: ").append(c.problem()).append('\n');
            }
            if (c.bagitJava() != null) {
                expect.append("bagit-java: ").append(c.bagitJava()).append('\n');
            }
            if (c.difference() != null) {
                expect.append("difference: ").append(c.difference()).append('\n');
            }
            for (String s : c.setup()) {
                expect.append("setup: ").append(s).append('\n');
            }
            Files.writeString(DIR.resolve(c.name() + ".expect"), expect);
        }
    }
}
