package org.sealpack.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the entries of a decrypted tar go while nothing is verified yet: a fresh staging directory
 * that only this run uses ({@link UnverifiedDirectory}), or nowhere (verification only). Every
 * place that plaintext exists before it is verified is a sink of this type; only a verified result
 * ({@code seal.Verified}) lets a staged bag be placed where the user will read it.
 */
public interface UnverifiedSink {
    /** Creates the directory at the path (relative to the bag root, '/'-separated). */
    void directory(String path) throws IOException;

    /** Opens a new file at the path; the caller closes it. */
    OutputStream file(String path) throws IOException;

    /** A sink that keeps nothing. */
    UnverifiedSink DISCARD =
            new UnverifiedSink() {
                @Override
                public void directory(String path) {}

                @Override
                public OutputStream file(String path) {
                    return OutputStream.nullOutputStream();
                }
            };
}
