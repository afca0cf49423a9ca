package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * Pack's sealing stream on its two threads (the tar's, with the payload's hash and the integrity
 * tag; the encrypting one, with the outer signature's hash) and, in pack, the writing one: what it
 * writes verifies as what one thread writes does; a failure of the file below reaches the writer
 * wherever it happens, is the one reported, and leaves no thread running.
 */
class SealWriterTest {
    static final Path KEYS = Path.of("src/test/resources/keys");
    static final Key KEY = KeyFiles.readSecretKey(KEYS.resolve("fuzz.key.asc"));
    static final UnlockedKey UNLOCKED = KEY.unlock(new char[0]);
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final int TAR = 3 << 20;

    /** gpgv verifies the outer signature of what either way writes. */
    @Test
    void whatTheThreadsWriteVerifiesAsWhatOneThreadWrites(@TempDir Path dir) throws Exception {
        Requires.tool("gpgv", "apt-get install gpgv");
        Path keyring = dir.resolve("signer.gpg");
        Files.write(keyring, KEY.certificate().ring.getEncoded());
        for (boolean twoThreads : new boolean[] {false, true}) {
            Path sealed = dir.resolve("sealed-" + twoThreads);
            try (OutputStream file = Files.newOutputStream(sealed);
                    Sealing out = open(file, twoThreads)) {
                out.write(tar());
            }
            List<String> gpgv = List.of("gpgv", "--keyring", keyring.toString(), sealed.toString());
            assertThat(Proc.run(dir, Map.of(), gpgv).exit())
                    .as("gpgv verifies the outer signature (two threads: %s)", twoThreads)
                    .isZero();
        }
    }

    /**
     * The file below fails {@code beforeTheEnd} bytes before the sealed file's end: early in the
     * body, in its last chunks, and in the last bytes (the outer literal data's last part and the
     * signature, written at close).
     */
    @ParameterizedTest
    @ValueSource(longs = {3_000_000, 1_000_000, 70_000, 400, 150, 30, 1})
    void aFailureOfTheFileAnywhereIsTheOneReportedAndNoThreadIsLeft(long beforeTheEnd)
            throws Exception {
        CountingOutput counted = new CountingOutput();
        try (Sealing out = open(counted, true)) {
            out.write(tar());
        }
        long size = counted.count;
        long after = size - beforeTheEnd;
        IOException full = new IOException("No space left on device");
        OutputStream failing = new FullAfter(after, full);
        Sealing out = open(failing, true);
        Throwable thrown = null;
        try {
            byte[] tar = tar();
            for (int at = 0; at < tar.length; at += 1 << 16) {
                out.write(tar, at, Math.min(1 << 16, tar.length - at));
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            // as Packer catches what the sealing stream throws
            thrown = e;
        }
        assertThat(thrown)
                .as("the writer heard of it (failing %d bytes before the end)", beforeTheEnd)
                .isNotNull();
        assertThat(out.abort(thrown)).as("the file's failure is the one reported").isSameAs(full);
        assertThat(sealingThreads()).as("no sealing thread left running").isEmpty();
    }

    private static final class CountingOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static Sealing open(OutputStream file, boolean twoThreads) throws IOException {
        return SealWriter.open(
                file,
                UNLOCKED,
                List.of(KEY.certificate()),
                "test.tar",
                NOW,
                false,
                false,
                twoThreads);
    }

    private static byte[] tar() {
        byte[] tar = new byte[TAR];
        new Random(7).nextBytes(tar);
        return tar;
    }

    private static Set<String> sealingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.equals("sealpack-encrypt"))
                .collect(Collectors.toSet());
    }
}
