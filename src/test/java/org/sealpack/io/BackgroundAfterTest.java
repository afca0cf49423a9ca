package org.sealpack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Small files are written on the caller's thread; past the threshold the rest goes through a writer
 * thread; either way every byte arrives in order, the stream below is closed, and a failure below
 * reaches the caller.
 */
class BackgroundAfterTest {
    private static final Random RANDOM = new Random(8);

    /** Records whether it was closed. */
    private static final class Below extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] write(BackgroundAfter out, int total) throws IOException {
        byte[] data = new byte[total];
        RANDOM.nextBytes(data);
        int at = 0;
        while (at < total) {
            if (RANDOM.nextInt(10) == 0) {
                out.write(data[at++]);
                continue;
            }
            int n = Math.min(total - at, 1 + RANDOM.nextInt(300_000));
            out.write(data, at, n);
            at += n;
        }
        return data;
    }

    @Test
    void belowTheThresholdNoThreadAboveItOneAndEveryByteInOrder() throws IOException {
        for (int total : new int[] {0, 1, 999_999, 1_000_000, 1_000_001, 5_000_000}) {
            Below below = new Below();
            BackgroundAfter out = new BackgroundAfter(below, 1_000_000, "test-after");
            byte[] data = write(out, total);
            assertThat(out.inBackground()).as("%d bytes", total).isEqualTo(total >= 1_000_000);
            out.close();
            assertThat(below.toByteArray()).isEqualTo(data);
            assertThat(below.closed).isTrue();
        }
    }

    @Test
    void aFailureBelowAfterTheSwitchReachesTheCallerAndBelowIsStillClosed() throws IOException {
        boolean[] closed = {false};
        OutputStream failing =
                new OutputStream() {
                    long written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        written += len;
                        if (written > 3_000_000) {
                            throw new IOException("No space left on device");
                        }
                    }

                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                };
        BackgroundAfter out = new BackgroundAfter(failing, 1_000_000, "test-after");
        assertThatThrownBy(
                        () -> {
                            write(out, 8_000_000);
                            out.close();
                        })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
        try {
            out.close(); // closing again: the failure may be said again, below is closed
        } catch (IOException again) {
            assertThat(again).hasMessageContaining("No space left on device");
        }
        assertThat(closed[0]).isTrue();
    }
}
