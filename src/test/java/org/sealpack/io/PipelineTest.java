package org.sealpack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.WriteFailedException;

/** Both threads always joined, and one rule for which failure is reported. */
class PipelineTest {
    @Test
    void whatTheBackgroundWritesIsReadHereAndItsThreadIsJoined() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Pipeline p =
                Pipeline.writingInBackground(
                        "test-writer",
                        out -> {
                            worker.set(Thread.currentThread());
                            out.write(new byte[1 << 20]);
                        });
        assertThat(p.input().readAllBytes()).hasSize(1 << 20);
        p.finish();
        assertThat(worker.get().isAlive()).isFalse();
    }

    @Test
    void aFileReadAheadArrivesWholeInOrderAndIsClosedAtItsEnd() throws Exception {
        byte[] data = new byte[(3 << 20) + 12345];
        new java.util.Random(7).nextBytes(data);
        java.util.concurrent.atomic.AtomicBoolean closed =
                new java.util.concurrent.atomic.AtomicBoolean();
        InputStream file =
                new java.io.ByteArrayInputStream(data) {
                    @Override
                    public void close() {
                        closed.set(true);
                    }
                };
        Pipeline p = Pipeline.readingAhead("test-read", file);
        InputStream in = p.aheadInput();
        // The parser looks at the first bytes and goes back, then reads small and large pieces.
        assertThat(in.markSupported()).isTrue();
        in.mark(4096);
        assertThat(in.readNBytes(4096)).isEqualTo(java.util.Arrays.copyOf(data, 4096));
        in.reset();
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 18];
        for (int size = 1, n;
                (n = in.read(buffer, 0, size)) >= 0;
                size = size * 7 % buffer.length + 1) {
            got.write(buffer, 0, n);
        }
        p.finish();
        assertThat(got.toByteArray()).isEqualTo(data);
        assertThat(closed).isTrue();
    }

    @Test
    void aFailureOfTheWritingSideReachesTheReaderAsItself() {
        IOException broken = new IOException("the disk returned an error");
        Pipeline p =
                Pipeline.writingInBackground(
                        "test-writer",
                        out -> {
                            out.write(1);
                            throw broken;
                        });
        Throwable here =
                org.assertj.core.api.Assertions.catchThrowable(() -> p.input().readAllBytes());
        assertThat(here).isInstanceOf(ChunkPipe.PipeFailure.class);
        assertThat(p.failed(here))
                .as("the echo stands for the other side's own failure")
                .isSameAs(broken);
    }

    @Test
    void aJudgementMadeHereWinsOverTheEchoItCausedAndTheBackgroundIsJoined() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Pipeline p =
                Pipeline.writingInBackground(
                        "test-writer",
                        out -> {
                            worker.set(Thread.currentThread());
                            while (true) {
                                out.write(new byte[1 << 16]);
                            }
                        });
        MalformedSealException unsafe = new MalformedSealException("an unsafe entry", null);
        assertThat(p.failed(unsafe)).isSameAs(unsafe);
        assertThat(worker.get().isAlive()).isFalse();
    }

    @Test
    void theReadingSidesOwnFailureStopsTheWriterAndIsReportedUnlessTheWriterJudged()
            throws Exception {
        IOException full = new IOException("No space left on device");
        Pipeline p =
                Pipeline.readingInBackground(
                        "test-reader",
                        in -> {
                            in.read(new byte[10]);
                            throw full;
                        });
        OutputStream out = p.output();
        Throwable here =
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> {
                            while (true) {
                                out.write(new byte[1 << 16]);
                            }
                        });
        assertThat(here).isInstanceOf(ChunkPipe.Stopped.class);
        assertThat(p.failed(here)).as("the full disk stopped this side").isSameAs(full);
        assertThat(Pipeline.decide(new WriteFailedException("a file changed", null), full))
                .as("a judgement made here wins")
                .isInstanceOf(WriteFailedException.class);
    }

    @Test
    void anErrorOnEitherSideIsThrownAsItIs() {
        Pipeline p =
                Pipeline.writingInBackground(
                        "test-writer",
                        out -> {
                            throw new OutOfMemoryError("test");
                        });
        InputStream in = p.input();
        Throwable here = org.assertj.core.api.Assertions.catchThrowable(in::readAllBytes);
        assertThatThrownBy(() -> p.failed(here)).isInstanceOf(OutOfMemoryError.class);
    }
}
