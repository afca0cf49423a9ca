package org.sealpack.archive;

/**
 * Bounds on what a sealed file may hold before reading it is refused.
 *
 * @param maxEntries files and directories together
 * @param maxFileSize bytes in one file
 * @param maxTotalSize bytes in all files together
 * @param maxDepth path segments below the bag root
 * @param maxPathBytes bytes in one path (UTF-8)
 * @param maxRecipients encrypted session keys (recipients) in an anonymous file, whose sender is
 *     unknown while it is decrypted: each costs a trial decryption with every key
 */
public record Limits(
        long maxEntries,
        long maxFileSize,
        long maxTotalSize,
        int maxDepth,
        int maxPathBytes,
        int maxRecipients) {
    /**
     * Defaults: 1,000,000 entries, 256 GiB per file, 1 TiB in total, depth 64, 4096-byte paths, 64
     * recipients.
     */
    public static final Limits DEFAULT = new Limits(1_000_000, 256L << 30, 1L << 40, 64, 4096, 64);

    /** The archive's bounds, with the default bound on recipients. */
    public Limits(
            long maxEntries, long maxFileSize, long maxTotalSize, int maxDepth, int maxPathBytes) {
        this(maxEntries, maxFileSize, maxTotalSize, maxDepth, maxPathBytes, 64);
    }

    /**
     * The most bytes a sealed file within these bounds can take (its tar: every file, a header and
     * a pax header and padding per entry, twice over for armor and packet overhead): what may be
     * spooled from a pipe.
     */
    public long maxSealedBytes() {
        long tar = maxTotalSize + maxEntries * 2048 + (1L << 20);
        return tar > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : tar * 2;
    }
}
