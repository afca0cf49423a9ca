package org.sealpack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ChunkPipeTest {
    @Test
    void whatIsWrittenComesOutInOrderAndTheEndIsSeen() throws Exception {
        ChunkPipe pipe = new ChunkPipe(2, 1000);
        byte[] data = new byte[10_001];
        new java.util.Random(1).nextBytes(data);
        Thread writer =
                ChunkPipe.start(
                        "test-writer",
                        () -> {
                            try (var out = pipe.output()) {
                                for (int at = 0; at < data.length; at += 777) {
                                    out.write(data, at, Math.min(777, data.length - at));
                                }
                            } catch (IOException e) {
                                pipe.fail(e);
                            }
                        });
        assertThat(pipe.input().readAllBytes()).isEqualTo(data);
        ChunkPipe.join(writer);
    }

    @Test
    void aReaderWhoseWriterDiedWithoutClosingGetsAnErrorInsteadOfWaitingForEver() throws Exception {
        ChunkPipe pipe = new ChunkPipe(8, 1000);
        Thread writer =
                new Thread(
                        () -> {
                            try {
                                pipe.output().write(new byte[2500]); // two full chunks handed over,
                                // then the thread ends
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        writer.start();
        writer.join();
        InputStream in = pipe.input();
        assertThat(in.readNBytes(2000)).hasSize(2000);
        assertThatThrownBy(in::read)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended without finishing");
    }
}
