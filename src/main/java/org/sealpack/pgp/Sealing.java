package org.sealpack.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import org.sealpack.io.ChunkPipe;
import org.sealpack.io.Pipeline;

/**
 * The stream a sealed file's tar is written to ({@link SealWriter#open}). Closing it completes
 * every layer. Its work runs on two threads (two cores): for SEIPD v1 the caller's thread also
 * computes the integrity tag and a second one encrypts and writes (see {@link CfbEncryptor}); for
 * SEIPD v2 (OCB) every layer below the tar runs on the second thread. When the caller fails while
 * writing, it calls {@link #abort} once, which stops and joins the second thread and says which
 * failure to report.
 */
public class Sealing extends OutputStream {
    private final OutputStream out;
    private final UnaryOperator<Throwable> abort;

    Sealing(OutputStream out, UnaryOperator<Throwable> abort) {
        this.out = out;
        this.abort = abort;
    }

    /** Every layer below on a second thread, fed through a pipe. */
    static Sealing inBackground(OutputStream layers) {
        Pipeline pipeline =
                Pipeline.readingInBackground(
                        "sealpack-encrypt",
                        from -> {
                            ChunkPipe.Input chunks = (ChunkPipe.Input) from;
                            while (chunks.transfer(layers::write) >= 0) {
                                // each chunk written through the layers as it came
                            }
                            layers.close();
                        });
        OutputStream into = pipeline.output();
        return new Sealing(into, pipeline::failed) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    into.close();
                    pipeline.finish();
                }
            }
        };
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Writing failed on the caller's side with {@code here}: stops the second thread, waits for it
     * and returns the failure to report (the second thread's own, when it failed first and this one
     * only heard of it). Nothing more may be written.
     */
    public Throwable abort(Throwable here) {
        return abort.apply(here);
    }
}
