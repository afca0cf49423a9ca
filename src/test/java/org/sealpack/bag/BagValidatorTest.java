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
        return new BagReader.ReadBag("bag", tags, payload, payload.size());
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
        BagReader.ReadBag bad = new BagReader.ReadBag("bag", tags, payload, 5);
        assertThatThrownBy(() -> BagValidator.validate(bad)).isInstanceOf(BagInvalidException.class)
                .hasMessageContaining("bagit.txt is not the two lines")
                .hasMessageContaining("Payload-Oxum says 1.1")
                .hasMessageContaining("'notes.txt' is not listed in the tag manifest")
                .hasMessageContaining("checksum mismatch for tag file 'bagit.txt'");
    }
}
