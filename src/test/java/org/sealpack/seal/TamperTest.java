package org.sealpack.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.TestKeys;
import org.sealpack.failure.SealpackException;
import org.sealpack.spec.Pins;

/**
 * Single-byte changes anywhere in a sealed file: every header byte and every trailer byte, and a
 * spread through the middle, each with several bit patterns. Every one must fail verification with
 * a sealpack failure (never pass, never an unexpected exception), and open must leave nothing
 * behind.
 */
class TamperTest {
    @TempDir static Path dir;
    static Path sealed;
    static byte[] original;

    @BeforeAll
    static void seal() throws IOException {
        sealed = dir.resolve("original.sealed");
        SealFixture.pack(
                List.of(SealFixture.statement(dir)),
                SealFixture.metadata(dir, SealFixture.METADATA),
                TestKeys.SIGNER,
                List.of("alice"),
                sealed);
        original = Files.readAllBytes(sealed);
    }

    /**
     * The failures that say "altered": a bad signature, a failed integrity tag, a broken structure.
     */
    static final java.util.Set<String> ALTERED =
            java.util.Set.of(
                    "BadSignatureException", "TamperedDataException", "MalformedSealException");

    static List<Integer> offsets() {
        List<Integer> offsets = new ArrayList<>();
        int n = original.length;
        for (int i = 0; i < Math.min(400, n); i++) {
            offsets.add(i);
        }
        for (int i = 400; i < n - 300; i += 61) {
            offsets.add(i);
        }
        for (int i = Math.max(400, n - 300); i < n; i++) {
            offsets.add(i);
        }
        return offsets;
    }

    @Test
    void everySingleByteChangeFailsTheCustodianCheck() throws IOException {
        Map<String, Integer> failures = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        Path altered = dir.resolve("altered.sealed");
        for (int offset : offsets()) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bytes = original.clone();
                bytes[offset] ^= (byte) mask;
                Files.write(altered, bytes);
                try {
                    SealFixture.verifyOuter(altered, TestKeys.SIGNER);
                    passed.add(offset + "^" + Integer.toHexString(mask));
                } catch (SealpackException e) {
                    failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                } catch (RuntimeException e) {
                    fail("offset " + offset + " mask " + mask + " raised " + e, e);
                }
            }
        }
        assertThat(passed).as("changes that verified").isEmpty();
        System.out.println("custodian check failures by kind: " + failures);
        assertThat(failures.keySet())
                .as(
                        "every change is an alteration (a signature that does not match, or a"
                                + " structure the change broke), never an untrusted signer or a weak algorithm")
                .isSubsetOf(ALTERED);
    }

    @Test
    @Pins("R2.7")
    void openFailsOnChangesAndLeavesNothing() throws IOException {
        Path altered = dir.resolve("altered-open.sealed");
        List<Integer> offsets = offsets();
        Map<String, Integer> failures = new TreeMap<>();
        for (int k = 0; k < offsets.size(); k += Math.max(1, offsets.size() / 40)) {
            int offset = offsets.get(k);
            byte[] bytes = original.clone();
            bytes[offset] ^= 0x01;
            Files.write(altered, bytes);
            Path out = dir.resolve("opened-" + offset);
            try {
                SealFixture.open(altered, "alice", TestKeys.SIGNER, out);
                fail("opened a file changed at offset " + offset);
            } catch (SealpackException e) {
                failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
            assertThat(out).doesNotExist();
        }
        RoundTripTest.assertNoTemporaryLeftIn(dir);
        System.out.println("open failures by kind: " + failures);
        assertThat(failures.keySet()).isSubsetOf(ALTERED);
    }
}
