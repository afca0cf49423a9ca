package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
    /**
     * A manifest in the sealed form, parsed line by line as SealedBag reads one (a file listed
     * twice refused).
     */
    static Manifest parse(Object text, String name, int hexLength) {
        byte[] utf8 =
                text instanceof byte[] b
                        ? b
                        : ((String) text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Manifest.Builder builder = new Manifest.Builder();
        ManifestLines.forEachLine(
                utf8,
                name,
                hexLength,
                (number, path, digest) -> {
                    if (!builder.add(path, digest, -1)) {
                        throw new BagFormatException(name + " lists " + path + " twice");
                    }
                });
        return builder.build();
    }

    static final String H = "a".repeat(128);

    @Test
    void percentEncodesCrLfAndPercentAndParsesBack() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("data/100%.txt", H);
        entries.put("data/two\nlines\r.txt", H);
        entries.put("data/Баёнот.txt", H);
        Manifest m = new Manifest(entries);
        String text = m.format();
        assertThat(text)
                .isEqualTo(
                        H
                                + "  data/100%25.txt\n"
                                + H
                                + "  data/two%0Alines%0D.txt\n"
                                + H
                                + "  data/Баёнот.txt\n");
        assertThat(parse(text, "m", 128).checksums()).isEqualTo(entries);
    }

    @Test
    void refusesMalformedLinesDuplicatesAndBadEncodings() {
        assertThatThrownBy(() -> parse("abc  data/x\n", "m", 128)).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse(H + "  data/x\n" + H + "  data/x\n", "m", 128))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> parse(H + "  data/100%.txt\n", "m", 128))
                .as("a sealed bag writes every '%' as %25")
                .hasMessageContaining("a '%' that is not %25, %0D or %0A");
        assertThatThrownBy(() -> parse(H + "  data/x", "m", 128))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> parse("g".repeat(128) + "  data/x\n", "m", 128))
                .hasMessageContaining("hex");
    }

    @Test
    void theStreamedFormIsTheTextInUtf8AndItsLengthIsKnownBeforehand() throws Exception {
        Manifest.Builder builder = new Manifest.Builder();
        String[] paths = {
            "data/a.txt",
            "data/100%.txt",
            "data/two\nlines\r.txt",
            "data/Баёнот.txt",
            "data/日本.txt",
            "data/emoji-\uD83D\uDCF7.jpg",
            "data/" + "x".repeat(5000)
        };
        for (int i = 0; i < paths.length; i++) {
            byte[] digest = new byte[64];
            digest[0] = (byte) i;
            digest[63] = (byte) 0xff;
            assertThat(builder.add(paths[i], digest, i * 10L)).isTrue();
        }
        assertThat(builder.add("data/a.txt", new byte[64], 1)).as("a path twice").isFalse();
        Manifest m = builder.build();
        byte[] expected = m.format().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(m.formattedLength()).isEqualTo(expected.length);
        assertThat(m.formatted().readAllBytes()).isEqualTo(expected);
        java.io.InputStream oneByOne = m.formatted();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int b; (b = oneByOne.read()) >= 0; ) {
            out.write(b);
        }
        assertThat(out.toByteArray()).isEqualTo(expected);
        for (int chunk : new int[] {7, 129, 1000, 1 << 16}) {
            java.io.InputStream in = m.formatted();
            java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[chunk];
            for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
                assertThat(n).as("a read fills what it is given, but the last").isPositive();
                chunks.write(buffer, 0, n);
            }
            assertThat(chunks.toByteArray()).isEqualTo(expected);
        }
        assertThat(m.sizeOf("data/Баёнот.txt")).isEqualTo(30);
        assertThat(m.sizeOf("data/none")).isEqualTo(-1);
        assertThat(parse(expected, "m", 128).checksums()).isEqualTo(m.checksums());
        assertThat(parse(expected, "m", 128).entry("data/a.txt").size())
                .as("a parsed manifest has no sizes")
                .isEqualTo(-1);
    }

    /** The one form docs/FORMAT.md section 4 pins; other bags' manifests are read by AnyBag. */
    @Test
    void theSealedFormRefusesUpperCaseHexCrLfTabsStarsAndOddPaths() {
        assertThatThrownBy(() -> parse(H.toUpperCase() + "  data/x\n", "m", 128))
                .hasMessageContaining("lower-case hex");
        assertThatThrownBy(() -> parse(H + "  data/x\r\n", "m", 128)).hasMessageContaining("CR LF");
        assertThatThrownBy(() -> parse(H + "\tdata/x\n", "m", 128))
                .hasMessageContaining("two spaces");
        assertThatThrownBy(() -> parse(H + "   data/x\n", "m", 128))
                .hasMessageContaining("two spaces");
        assertThatThrownBy(() -> parse(H + " *data/x\n", "m", 128))
                .hasMessageContaining("two spaces");
        assertThatThrownBy(() -> parse(H + "  *data/x\n", "m", 128))
                .hasMessageContaining("not a plain relative path");
        assertThatThrownBy(() -> parse(H + "  ./data/x\n", "m", 128))
                .hasMessageContaining("not a plain relative path");
        assertThatThrownBy(() -> parse(H + "  data/../x\n", "m", 128))
                .hasMessageContaining("not a plain relative path");
        assertThatThrownBy(() -> parse(H + "  data/a\tb\n", "m", 128))
                .hasMessageContaining("control character");
        assertThat(parse(H + "  data/a b\n", "m", 128).checksums()).containsOnlyKeys("data/a b");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] bad = (H + "  data/\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parse(bad, "m", 128)).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> parse(H + "\n", "m", 128)).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse(H + " \n" + H + "  data/x\n", "m", 128))
                .hasMessageContaining("line 1");
    }
}
