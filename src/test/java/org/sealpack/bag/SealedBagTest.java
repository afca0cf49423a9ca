package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.BagInvalidException;
import org.sealpack.spec.Pins;

/** The rules of a sealed bag (BagRules.Level.SEALED) over a bag as read from a tar. */
class SealedBagTest {
    static final String A = Digests.sha512Hex("a".getBytes());
    static final String B = Digests.sha512Hex("b".getBytes());

    /**
     * A bag read from a tar: the payload found (path to digest), tag files, and the directories.
     */
    static BagReader.ReadBag bag(
            Map<String, String> payload,
            String manifest,
            String info,
            Map<String, byte[]> extraTags,
            List<String> extraDirectories) {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", BagIt.DECLARATION_TEXT.getBytes());
        tags.put("bag-info.txt", info.getBytes());
        tags.put("manifest-sha512.txt", manifest.getBytes());
        Map<String, String> listed = new LinkedHashMap<>();
        for (String name : tags.keySet()) {
            listed.put(name, Digests.sha512Hex(tags.get(name)));
        }
        tags.put("tagmanifest-sha512.txt", new Manifest(listed).format().getBytes());
        tags.put(BagIt.SIGNATURE, "-----BEGIN PGP SIGNATURE-----".getBytes());
        tags.putAll(extraTags);
        Manifest.Builder found = new Manifest.Builder();
        payload.forEach((path, hex) -> found.add(path, HexFormat.of().parseHex(hex), 1));
        List<String> directories = new ArrayList<>(List.of("data", "signatures"));
        directories.addAll(extraDirectories);
        return new BagReader.ReadBag("bag", tags, found.build(), payload.size(), directories);
    }

    static BagReader.ReadBag bag(Map<String, String> payload, String manifest) {
        return bag(
                payload,
                manifest,
                "Payload-Oxum: " + payload.size() + "." + payload.size() + "\n",
                Map.of(),
                List.of());
    }

    static BagRules.Verdict check(BagContent bag) throws Exception {
        return BagRules.check(bag, BagRules.Level.SEALED);
    }

    @Test
    void aCompleteBagPasses() throws Exception {
        BagRules.Verdict verdict = check(bag(Map.of("data/a.txt", A), A + "  data/a.txt\n"));
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.payload().sizeOf("data/a.txt")).as("the sizes found").isEqualTo(1);
    }

    @Test
    @Pins("R5.3")
    void everyProblemIsReportedTogether() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("data/a.txt", B);
        payload.put("data/extra.txt", A);
        String manifest = A + "  data/a.txt\n" + A + "  data/missing.txt\n";
        assertThatThrownBy(
                        () ->
                                check(
                                                bag(
                                                        payload,
                                                        manifest,
                                                        "Payload-Oxum: 2.2\n",
                                                        Map.of("fetch.txt", new byte[0]),
                                                        List.of()))
                                        .requireValid("the bag"))
                .isInstanceOf(BagInvalidException.class)
                .hasMessageContaining("checksum mismatch for 'data/a.txt'")
                .hasMessageContaining("'data/missing.txt' is listed in the manifest but missing")
                .hasMessageContaining("'data/extra.txt' is not listed")
                .hasMessageContaining("'fetch.txt' is not part of a sealed bag");
    }

    /** Everything that no signature covers is named: the holes that issue 14 found, each one. */
    @Test
    void anythingTheSignatureDoesNotCoverIsAProblem() throws Exception {
        Map<String, byte[]> planted = new LinkedHashMap<>();
        planted.put("tagmanifest-README.txt", "read me".getBytes());
        planted.put("tagmanifest-sha512.txt.bak", "old".getBytes());
        planted.put("tagmanifest-md5.txt", "x".getBytes());
        planted.put("notes.txt", "planted".getBytes());
        planted.put("extra/inside.txt", "planted".getBytes());
        planted.put("signatures/second.asc", "planted".getBytes());
        BagRules.Verdict verdict =
                check(
                        bag(
                                Map.of("data/a.txt", A),
                                A + "  data/a.txt\n",
                                "Payload-Oxum: 1.1\n",
                                planted,
                                List.of(
                                        "extra",
                                        "data/This statement is FAKE - see annex",
                                        "empty-top")));
        assertThat(verdict.problems())
                .contains(
                        "'tagmanifest-README.txt' is not part of a sealed bag: no signature covers it",
                        "'tagmanifest-sha512.txt.bak' is not part of a sealed bag: no signature covers it",
                        "'tagmanifest-md5.txt' is not part of a sealed bag: no signature covers it",
                        "'notes.txt' is not part of a sealed bag: no signature covers it",
                        "'extra' is not part of a sealed bag: no signature covers it",
                        "'signatures/second.asc' is not part of a sealed bag: no signature covers it",
                        "'empty-top' is not part of a sealed bag: no signature covers it",
                        "'data/This statement is FAKE - see annex' is an empty directory: no manifest covers it, and a sealed bag holds none");
    }

    @Test
    void payloadOxumMustBeThereOnceAndTrue() throws Exception {
        Map<String, String> payload = Map.of("data/a.txt", A);
        String manifest = A + "  data/a.txt\n";
        assertThat(check(bag(payload, manifest, "Title: x\n", Map.of(), List.of())).problems())
                .containsExactly(
                        "bag-info.txt has no Payload-Oxum (the payload holds 1.1, bytes.files)");
        assertThat(
                        check(
                                        bag(
                                                payload,
                                                manifest,
                                                "Payload-Oxum: 1.1\nPayload-Oxum: 9.9\n",
                                                Map.of(),
                                                List.of()))
                                .problems())
                .containsExactly(
                        "bag-info.txt has 2 Payload-Oxum lines; a bag has at most one",
                        "Payload-Oxum says 1.1 and 9.9 (bytes.files) but the payload holds 1.1");
        assertThat(
                        check(bag(payload, manifest, "Payload-Oxum: 1.1\r\n", Map.of(), List.of()))
                                .problems())
                .containsExactly(
                        "bag-info.txt has CR line ends: a sealed bag's tag files end lines with LF only");
    }

    @Test
    void theManifestFormIsTheOneTheFormatPins() throws Exception {
        Map<String, String> payload = Map.of("data/a.txt", A);
        assertThat(check(bag(payload, A + "  data/a.txt\r\n")).problems())
                .singleElement()
                .asString()
                .contains("CR LF");
        assertThat(check(bag(payload, A.toUpperCase() + "  data/a.txt\n")).problems())
                .singleElement()
                .asString()
                .contains("lower-case hex");
        assertThat(check(bag(payload, A + "\tdata/a.txt\n")).problems())
                .singleElement()
                .asString()
                .contains("two spaces");
    }

    @Test
    void aFileListedTwiceIsRefused() throws Exception {
        Map<String, String> payload = Map.of("data/a.txt", A);
        assertThat(check(bag(payload, A + "  data/a.txt\n" + A + "  data/a.txt\n")).problems())
                .contains("manifest-sha512.txt lists 'data/a.txt' twice");
        assertThat(
                        check(
                                        bag(
                                                payload,
                                                A
                                                        + "  data/a.txt\n"
                                                        + A
                                                        + "  data/b.txt\n"
                                                        + A
                                                        + "  data/b.txt\n"))
                                .problems())
                .contains(
                        "payload file 'data/b.txt' is listed in the manifest but missing",
                        "manifest-sha512.txt lists 'data/b.txt' twice");
    }

    @Test
    void aWrongDeclarationOrAnExtraTagManifestLineFails() throws Exception {
        BagReader.ReadBag good = bag(Map.of("data/a.txt", A), A + "  data/a.txt\n");
        Map<String, byte[]> tags = new LinkedHashMap<>(good.tagFiles());
        tags.put(
                "bagit.txt",
                "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n".getBytes());
        tags.put(
                "tagmanifest-sha512.txt",
                (new String(tags.get("tagmanifest-sha512.txt")) + A + "  notes.txt\n").getBytes());
        BagRules.Verdict verdict =
                check(new BagReader.ReadBag("bag", tags, good.payload(), 1, good.directories()));
        assertThat(verdict.problems())
                .contains(
                        "bagit.txt is not exactly the two lines 'BagIt-Version: 1.0' and 'Tag-File-Character-Encoding: UTF-8' ending in LF",
                        "checksum mismatch for tag file 'bagit.txt'",
                        "tagmanifest-sha512.txt lists 'notes.txt', which is not a tag file of a sealed bag (or lists it twice)");
    }

    @Test
    void manyProblemsAreCountedNotAllSpelledOut() {
        Map<String, String> payload = new LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            payload.put("data/f" + i, A);
            manifest.append(B).append("  data/f").append(i).append('\n');
        }
        assertThatThrownBy(
                        () ->
                                check(
                                                bag(
                                                        payload,
                                                        manifest.toString(),
                                                        "Payload-Oxum: 1000.1000\n",
                                                        Map.of(),
                                                        List.of()))
                                        .requireValid("the bag"))
                .hasMessageContaining("1000 problems: checksum mismatch for 'data/f0'")
                .hasMessageContaining("'data/f11'")
                .hasMessageNotContaining("'data/f12'")
                .hasMessageEndingWith("and 988 more");
    }
}
