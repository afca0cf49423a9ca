package org.sealpack.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** '-' as FILE means standard input, as OUT standard output (raw bytes, not the text writers). */
final class StandardStreams {
    private StandardStreams() {
    }

    static boolean isStdin(Path file) {
        return file != null && file.toString().equals("-");
    }

    static boolean isStdout(Path file) {
        return file != null && file.toString().equals("-");
    }

    static InputStream stdin() {
        return new FileInputStream(FileDescriptor.in);
    }

    static OutputStream stdout() {
        return new FileOutputStream(FileDescriptor.out);
    }
}
