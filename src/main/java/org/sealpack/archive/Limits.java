package org.sealpack.archive;

/**
 * Bounds on what a tar may hold before reading it is refused.
 *
 * @param maxEntries   files and directories together
 * @param maxFileSize  bytes in one file
 * @param maxTotalSize bytes in all files together
 * @param maxDepth     path segments below the bag root
 * @param maxPathBytes bytes in one path (UTF-8)
 */
public record Limits(long maxEntries, long maxFileSize, long maxTotalSize, int maxDepth, int maxPathBytes) {
    /** Defaults: 1,000,000 entries, 256 GiB per file, 1 TiB in total, depth 64, 4096-byte paths. */
    public static final Limits DEFAULT = new Limits(1_000_000, 256L << 30, 1L << 40, 64, 4096);
}
