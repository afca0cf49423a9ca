package org.sealpack.pgp;

import java.io.OutputStream;

final class OutputStreams {
    static final OutputStream NULL = OutputStream.nullOutputStream();

    private OutputStreams() {}
}
