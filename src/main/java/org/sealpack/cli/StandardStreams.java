package org.sealpack.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.sealpack.seal.Source;

/** '-' as FILE means standard input, as OUT standard output (raw bytes, not the text writers). */
final class StandardStreams {
    private StandardStreams() {}

    static boolean isStdin(Path file) {
        return file != null && file.toString().equals("-");
    }

    static boolean isStdout(Path file) {
        return file != null && file.toString().equals("-");
    }

    /** The sealed file named on the command line: a file, or standard input for "-". */
    static Source source(Path file) {
        return isStdin(file) ? Source.stream(stdin(), "standard input") : Source.file(file);
    }

    static InputStream stdin() {
        return new FileInputStream(FileDescriptor.in);
    }

    static OutputStream stdout() {
        return new FileOutputStream(FileDescriptor.out);
    }
}
