package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ManifestTest {
    static final String H = "a".repeat(128);

    @Test
    void percentEncodesCrLfAndPercentAndParsesBack() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("data/100%.txt", H);
        entries.put("data/two\nlines\r.txt", H);
        entries.put("data/Баёнот.txt", H);
        Manifest m = new Manifest(entries);
        String text = m.format();
        assertThat(text).isEqualTo(H + "  data/100%25.txt\n" + H + "  data/two%0Alines%0D.txt\n" + H + "  data/Баёнот.txt\n");
        assertThat(Manifest.parse(text, "m", 128).checksums()).isEqualTo(entries);
    }

    @Test
    void refusesMalformedLinesDuplicatesAndBadEncodings() {
        assertThatThrownBy(() -> Manifest.parse("abc  data/x\n", "m", 128)).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Manifest.parse(H + "  data/x\n" + H + "  data/x\n", "m", 128))
                .hasMessageContaining("twice");
        assertThat(Manifest.parse(H + "  data/100%.txt\n" + H + "  data/%41\n", "m", 128).checksums())
                .as("a % that encodes none of CR, LF, %% is literal, as bagit-java writes it").containsOnlyKeys("data/100%.txt", "data/%41");
        assertThatThrownBy(() -> Manifest.parse(H + "  data/x", "m", 128)).hasMessageContaining("line break");
        assertThatThrownBy(() -> Manifest.parse("g".repeat(128) + "  data/x\n", "m", 128)).hasMessageContaining("hex");
    }
}
