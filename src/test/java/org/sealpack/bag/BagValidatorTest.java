package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sealpack.failure.BagInvalidException;

class BagValidatorTest {
    static final String A = Digests.sha512Hex("a".getBytes());
    static final String B = Digests.sha512Hex("b".getBytes());

    static BagReader.ReadBag bag(Map<String, String> payload, String manifest, String extraInfo,
                                 Map<String, byte[]> extraTags) {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", BagIt.DECLARATION_TEXT.getBytes());
        tags.put("bag-info.txt", ("Payload-Oxum: " + payload.size() + "." + payload.size() + "\n" + extraInfo).getBytes());
        tags.put("manifest-sha512.txt", manifest.getBytes());
        tags.putAll(extraTags);
        Map<String, String> listed = new LinkedHashMap<>();
        for (String name : tags.keySet()) {
            listed.put(name, Digests.sha512Hex(tags.get(name)));
        }
        tags.put("tagmanifest-sha512.txt", new Manifest(listed).format().getBytes());
        return new BagReader.ReadBag("bag", tags, new Manifest(payload), payload.size());
    }

    @Test
    void aCompleteBagPasses() {
        Map<String, String> payload = Map.of("data/a.txt", A);
        BagValidator.ValidBag valid = BagValidator.validate(bag(payload, A + "  data/a.txt\n", "", Map.of()));
        assertThat(valid.manifest().checksums()).containsEntry("data/a.txt", A);
    }

    @Test
    void everyProblemIsReportedTogether() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("data/a.txt", B);
        payload.put("data/extra.txt", A);
        String manifest = A + "  data/a.txt\n" + A + "  data/missing.txt\n";
        assertThatThrownBy(() -> BagValidator.validate(bag(payload, manifest, "", Map.of("fetch.txt", new byte[0]))))
                .isInstanceOf(BagInvalidException.class)
                .hasMessageContaining("checksum mismatch for 'data/a.txt'")
                .hasMessageContaining("'data/missing.txt' is listed in the manifest but missing")
                .hasMessageContaining("'data/extra.txt' is not listed")
                .hasMessageContaining("fetch.txt is present");
    }

    @Test
    void aWrongDeclarationOxumOrUnlistedTagFileFails() {
        Map<String, String> payload = Map.of("data/a.txt", A);
        BagReader.ReadBag good = bag(payload, A + "  data/a.txt\n", "", Map.of());
        Map<String, byte[]> tags = new LinkedHashMap<>(good.tagFiles());
        tags.put("bagit.txt", "BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n".getBytes());
        tags.put("notes.txt", "unlisted".getBytes());
        BagReader.ReadBag bad = new BagReader.ReadBag("bag", tags, new Manifest(payload), 5);
        assertThatThrownBy(() -> BagValidator.validate(bad)).isInstanceOf(BagInvalidException.class)
                .hasMessageContaining("bagit.txt is not the two lines")
                .hasMessageContaining("Payload-Oxum says 1.1")
                .hasMessageContaining("'notes.txt' is not listed in the tag manifest")
                .hasMessageContaining("checksum mismatch for tag file 'bagit.txt'");
    }

    @Test
    void aFileListedTwiceIsRefused() {
        Map<String, String> payload = Map.of("data/a.txt", A);
        assertThatThrownBy(() -> BagValidator.validate(bag(payload, A + "  data/a.txt\n" + A + "  data/a.txt\n", "", Map.of())))
                .hasMessageContaining("lists data/a.txt twice");
        assertThatThrownBy(() -> BagValidator.validate(bag(payload, A + "  data/a.txt\n" + A + "  data/b.txt\n"
                + A + "  data/b.txt\n", "", Map.of())))
                .hasMessageContaining("'data/b.txt' is listed in the manifest but missing")
                .hasMessageContaining("lists data/b.txt twice");
    }

    @Test
    void manyProblemsAreCountedNotAllSpelledOut() {
        Map<String, String> payload = new LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            payload.put("data/f" + i, A);
            manifest.append(B).append("  data/f").append(i).append('\n');
        }
        assertThatThrownBy(() -> BagValidator.validate(bag(payload, manifest.toString(), "", Map.of())))
                .hasMessageContaining("1000 problems: checksum mismatch for 'data/f0'")
                .hasMessageContaining("'data/f11'").hasMessageNotContaining("'data/f12'")
                .hasMessageEndingWith("and 988 more");
    }

    @Test
    void theValidBagCarriesTheSizesFound() {
        Manifest.Builder found = new Manifest.Builder();
        found.add("data/a.txt", java.util.HexFormat.of().parseHex(A), 1);
        BagReader.ReadBag read = bag(Map.of("data/a.txt", A), A + "  data/a.txt\n", "", Map.of());
        BagReader.ReadBag withSizes = new BagReader.ReadBag("bag", read.tagFiles(), found.build(), 1);
        assertThat(BagValidator.validate(withSizes).manifest().sizeOf("data/a.txt")).isEqualTo(1);
    }
}
