package org.sealpack.bag;

import java.util.Map;

import org.sealpack.failure.SealpackException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the tag-file parsers and the validator with arbitrary text. */
class BagParsersFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parseTagFiles(FuzzedDataProvider data) {
        String manifest = data.consumeString(2000);
        String info = data.consumeRemainingAsString();
        try {
            Manifest.parse(manifest, "manifest-sha512.txt", BagIt.HEX_LENGTH);
        } catch (BagFormatException expected) {
            // refused
        }
        try {
            Metadata.parseBagInfo(info);
        } catch (BagFormatException expected) {
            // refused
        }
        try {
            BagValidator.validate(new BagReader.ReadBag("bag", Map.of("manifest-sha512.txt", manifest.getBytes(),
                    "bag-info.txt", info.getBytes(), "bagit.txt", BagIt.DECLARATION_TEXT.getBytes()),
                    new Manifest(Map.of("data/a", "00")), 1));
        } catch (SealpackException expected) {
            // refused
        }
    }
}
