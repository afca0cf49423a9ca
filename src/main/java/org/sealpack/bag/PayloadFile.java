package org.sealpack.bag;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file of the payload.
 *
 * @param source   where it is read from
 * @param bagPath  its path in the bag, starting with "data/"
 * @param size     its size when it was listed; a change while packing is an error
 * @param modified its modification time, kept in the tar
 */
public record PayloadFile(Path source, String bagPath, long size, Instant modified) {
}
