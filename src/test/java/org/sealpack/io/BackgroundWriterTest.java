package org.sealpack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What goes in comes out below, in order, by the time flush returns; a failure below reaches the
 * writer.
 */
class BackgroundWriterTest {
    private static final Random RANDOM = new Random(1952);

    @Test
    void everyByteArrivesInOrderByFlush() throws IOException {
        for (int total : new int[] {0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 7_000_003}) {
            byte[] data = new byte[total];
            RANDOM.nextBytes(data);
            ByteArrayOutputStream below = new ByteArrayOutputStream();
            BackgroundWriter out = new BackgroundWriter(below, "test-write");
            int at = 0;
            while (at < total) {
                int n =
                        Math.min(
                                total - at,
                                RANDOM.nextInt(20) == 0 ? 1 : 1 + RANDOM.nextInt(3_000_000));
                if (n == 1) {
                    out.write(data[at]);
                } else {
                    out.write(data, at, n);
                }
                at += n;
                if (RANDOM.nextInt(4) == 0) {
                    out.flush();
                    synchronized (below) {
                        assertThat(below.size()).as("all written by flush").isEqualTo(at);
                    }
                }
            }
            out.close();
            assertThat(below.toByteArray()).as("%d bytes", total).isEqualTo(data);
        }
    }

    @Test
    void aFailureBelowIsThrownToTheWriterWhoNeverWaitsForEver() {
        IOException full = new IOException("No space left on device");
        OutputStream failing =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw full;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        throw full;
                    }
                };
        BackgroundWriter out = new BackgroundWriter(failing, "test-write");
        assertThatThrownBy(
                        () -> {
                            byte[] chunk = new byte[1 << 16];
                            for (int i = 0; i < 10_000; i++) {
                                out.write(chunk);
                            }
                            out.flush();
                        })
                .isInstanceOf(IOException.class)
                .hasRootCauseMessage("No space left on device");
        assertThatThrownBy(out::close).isInstanceOf(IOException.class);
    }
}
