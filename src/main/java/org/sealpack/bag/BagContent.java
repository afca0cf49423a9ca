package org.sealpack.bag;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bag holds, as the rules see it: the same small view of a bag read from a tar stream (as it
 * was read, with each payload file's SHA-512 computed on the way) and of a bag directory on disk.
 * Paths are relative to the bag root, '/'-separated, as in a manifest.
 */
public interface BagContent {
    /** What an entry is: a regular file, a directory, or anything else (a link, a device). */
    enum Kind {
        FILE,
        DIRECTORY,
        OTHER
    }

    /** One entry below the bag root. */
    record Item(String path, Kind kind, long size) {}

    /** The bag, for messages (its directory, or its name in the archive). */
    String name();

    /**
     * Every file, directory and other entry below the root (not the root itself), in no set order.
     */
    Collection<Item> items();

    /** The bytes of a file outside data/ (a tag file), or null if there is no such regular file. */
    byte[] tagFile(String path) throws IOException;

    /**
     * Every payload file (under data/) with its size and its digest in each algorithm asked for (as
     * manifests name them: "sha512", "md5", ...): one {@link Manifest} per algorithm, listing the
     * same files, each file read at most once. A file that cannot be read is left out and named in
     * {@code unreadable}.
     *
     * @throws UnsupportedOperationException for an algorithm this view did not compute (a bag read
     *     from a sealed file has SHA-512 only, the one algorithm of a sealed bag)
     */
    Map<String, Manifest> digestPayload(Set<String> algorithms, List<String> unreadable)
            throws IOException;
}
