package org.sealpack.bag;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the bag rules (both levels) and the tag-file parsers under them. The input is up to four
 * parts separated by NUL bytes: manifest-sha512.txt, bag-info.txt, fetch.txt and bagit.txt (the
 * last two optional); the payload is one file, data/a.txt holding "a". The committed seeds
 * (BagParsersFuzzTestInputs/checkTagFiles/) are valid bags and near misses, so that every later
 * check is reached. Only problems may come out, never an exception.
 */
class BagParsersFuzzTest {
    static final byte[] A = Digests.sha512().digest("a".getBytes(StandardCharsets.UTF_8));

    @FuzzTest(maxDuration = "5m")
    void checkTagFiles(byte[] data) throws IOException {
        List<byte[]> parts = split(data);
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put(
                "bagit.txt",
                parts.size() > 3
                        ? parts.get(3)
                        : BagIt.DECLARATION_TEXT.getBytes(StandardCharsets.UTF_8));
        tags.put("manifest-sha512.txt", parts.get(0));
        if (parts.size() > 1) {
            tags.put("bag-info.txt", parts.get(1));
        }
        if (parts.size() > 2 && parts.get(2).length > 0) {
            tags.put("fetch.txt", parts.get(2));
        }
        StringBuilder tagManifest = new StringBuilder();
        tags.forEach(
                (name, bytes) ->
                        tagManifest
                                .append(Digests.sha512Hex(bytes))
                                .append("  ")
                                .append(name)
                                .append('\n'));
        tags.put("tagmanifest-sha512.txt", tagManifest.toString().getBytes(StandardCharsets.UTF_8));
        Manifest.Builder payload = new Manifest.Builder();
        payload.add("data/a.txt", A, 1);
        BagReader.ReadBag bag =
                new BagReader.ReadBag("bag", tags, payload.build(), 1, List.of("data"));
        for (BagRules.Level level : BagRules.Level.values()) {
            BagRules.Verdict verdict = BagRules.check(bag, level);
            if (verdict.valid() && verdict.payload().size() != 1) {
                throw new AssertionError("a valid bag that lost its payload file");
            }
        }
    }

    static List<byte[]> split(byte[] data) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length && parts.size() < 3; i++) {
            if (data[i] == 0) {
                parts.add(Arrays.copyOfRange(data, start, i));
                start = i + 1;
            }
        }
        parts.add(Arrays.copyOfRange(data, start, data.length));
        return parts;
    }

    /** The hex of data/a.txt's SHA-512, for writing seeds. */
    static String aHex() {
        return HexFormat.of().formatHex(A);
    }
}
