package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/** The integrity tag computed on its own thread is the SHA-1 of exactly what was written, in order. */
class BackgroundMdcTest {
    private static final Random RANDOM = new Random(4880);

    private static PGPDigestCalculator calculator() throws Exception {
        var builder = new BackgroundMdc(new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true).setSecureRandom(new java.security.SecureRandom()));
        return builder.build(new byte[32]).getIntegrityCalculator();
    }

    @Test
    void digestIsTheSha1OfEverythingWrittenAcrossChunkEdges() throws Exception {
        for (int total : new int[] {0, 1, 262_143, 262_144, 262_145, 3_000_001}) {
            byte[] data = new byte[total];
            RANDOM.nextBytes(data);
            PGPDigestCalculator mdc = calculator();
            OutputStream out = mdc.getOutputStream();
            int at = 0;
            while (at < total) {
                int n = Math.min(total - at, RANDOM.nextInt(100_000));
                if (n == 1 || RANDOM.nextInt(50) == 0) {
                    out.write(data[at]);
                    n = 1;
                } else {
                    out.write(data, at, n);
                }
                at += n;
            }
            assertThat(mdc.getDigest()).as("%d bytes", total)
                    .isEqualTo(MessageDigest.getInstance("SHA-1").digest(data));
            assertThat(mdc.getDigest()).as("asked twice").isEqualTo(MessageDigest.getInstance("SHA-1").digest(data));
        }
    }

    @Test
    void theHashingThreadEndsWhenTheWritingThreadDiesWithoutFinishing() throws Exception {
        java.util.Set<Thread> before = mdcThreads();
        PGPDigestCalculator mdc = calculator();
        java.util.Set<Thread> started = mdcThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        Thread hasher = started.iterator().next();
        Thread writer = new Thread(() -> {
            try {
                mdc.getOutputStream().write(new byte[600_000]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        writer.join();
        hasher.join(5_000);
        assertThat(hasher.isAlive()).as("the hashing thread stopped once its writer was gone").isFalse();
    }

    private static java.util.Set<Thread> mdcThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("sealpack-mdc") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }
}
