package org.sealpack.archive;

import java.io.IOException;
import java.io.OutputStream;

/** Where the entries of a tar go as they are read: a directory on disk, or nowhere (verification only). */
public interface EntrySink {
    /** Creates the directory at the path (relative to the bag root, '/'-separated). */
    void directory(String path) throws IOException;

    /** Opens a new file at the path; the caller closes it. */
    OutputStream file(String path) throws IOException;

    /** A sink that keeps nothing. */
    EntrySink DISCARD = new EntrySink() {
        @Override
        public void directory(String path) {
        }

        @Override
        public OutputStream file(String path) {
            return OutputStream.nullOutputStream();
        }
    };
}
