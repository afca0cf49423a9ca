package org.sealpack.bag;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file of the payload. Kept small (no {@link Path} per file): every file of the payload is
 * listed before packing starts, and a payload can hold a million files.
 *
 * @param base the directory its bag path below {@code data/} is found in (one object shared by all
 *     the files of one named payload path)
 * @param bagPath its path in the bag, starting with "data/"
 * @param size its size when it was listed; a change while packing is an error
 * @param modifiedSeconds its modification time in whole seconds since 1970 (the tar keeps whole
 *     seconds)
 */
public record PayloadFile(Path base, String bagPath, long size, long modifiedSeconds) {
    /** Where it is read from. */
    public Path source() {
        return base.resolve(bagPath.substring(BagIt.PAYLOAD_DIR.length() + 1));
    }

    public Instant modified() {
        return Instant.ofEpochSecond(modifiedSeconds);
    }
}
