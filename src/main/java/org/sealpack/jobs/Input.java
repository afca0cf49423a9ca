package org.sealpack.jobs;

import java.nio.file.Path;
import org.sealpack.seal.Source;

/**
 * A sealed file to read, as the user named it.
 *
 * @param file the path as given ("-" for standard input)
 * @param source its bytes (the file, or standard input)
 * @param stdin whether it is standard input (a receipt then names no file)
 */
public record Input(Path file, Source source, boolean stdin) {
    /** The file a receipt names, or null for standard input. */
    Path archive() {
        return stdin ? null : file;
    }
}
