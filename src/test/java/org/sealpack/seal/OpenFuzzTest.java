package org.sealpack.seal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.failure.SealpackException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.pgp.SealWriter;
import org.sealpack.pgp.UnlockedKey;

/**
 * Fuzzes the open path. {@code mvn verify} replays the committed seeds and findings in
 * src/test/resources/org/sealpack/seal/OpenFuzzTestInputs/; a fuzzing session is {@code
 * JAZZER_FUZZ=1 mvn test -Dtest=OpenFuzzTest#openSealedTar} (10 minutes; see README). The fuzz key
 * (src/test/resources/keys/fuzz.*) is unprotected so an input costs no S2K. Any failure other than
 * a {@link SealpackException} is a finding.
 */
class OpenFuzzTest {
    static final Path KEYS = Path.of("src/test/resources/keys");
    static final Key KEY = KeyFiles.readSecretKey(KEYS.resolve("fuzz.key.asc"));
    static final Certificate CERT = KEY.certificate();
    static final UnlockedKey UNLOCKED = KEY.unlock(new char[0]);
    static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("sealpack-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void open(Path sealed) throws IOException {
        Path dest = WORK.resolve("opened");
        try {
            Opener.open(
                    Source.file(sealed),
                    List.of(CERT),
                    List.of(KEY),
                    k -> new char[0],
                    Opener.Destination.of(dest),
                    new Limits(1000, 1 << 20, 1 << 22, 16, 1024),
                    new Checks());
        } catch (SealpackException expected) {
            // a clear failure is the right answer to bad input
        } finally {
            erase(dest);
        }
        try (var leftovers = Files.list(WORK)) {
            if (leftovers.anyMatch(
                    p -> p.getFileName().toString().startsWith(org.sealpack.io.Staging.PREFIX))) {
                throw new AssertionError("a temporary directory was left behind");
            }
        }
    }

    /** Erases what a fuzzed open placed (a test's own directory). */
    static void erase(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Arbitrary bytes as a sealed file: the OpenPGP layers. */
    @FuzzTest(maxDuration = "10m")
    void openArbitraryFile(byte[] data) throws IOException {
        Path sealed = WORK.resolve("input.sealed");
        Files.write(sealed, data);
        open(sealed);
    }

    /**
     * Arbitrary bytes as the tar inside a validly signed and encrypted file: the tar and bag
     * checks.
     */
    @FuzzTest(maxDuration = "10m")
    void openSealedTar(byte[] tar) throws IOException {
        Path sealed = WORK.resolve("tar.sealed");
        try (OutputStream file = Files.newOutputStream(sealed);
                OutputStream out =
                        SealWriter.open(
                                file,
                                UNLOCKED,
                                List.of(CERT),
                                "fuzz.tar",
                                java.time.Instant.now(),
                                false,
                                false)) {
            out.write(tar);
        }
        open(sealed);
    }
}
