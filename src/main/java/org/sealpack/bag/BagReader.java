package org.sealpack.bag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sealpack.archive.SafeTarReader;
import org.sealpack.archive.UnverifiedSink;
import org.sealpack.failure.BagInvalidException;
import org.sealpack.failure.MalformedSealException;

/**
 * Reads a bag out of a tar in one pass: payload files (under data/) are hashed with SHA-512 as they
 * stream to the sink; tag files are kept in memory (bounded) for validation and also go to the
 * sink. Nothing here decides whether the bag is valid: see {@link BagRules}.
 */
public final class BagReader {
    /** Tag files larger than this in total are refused (a manifest of a million files fits). */
    static final long MAX_TAG_BYTES = 256L << 20;

    private static final int BUFFER = 1 << 16;

    private BagReader() {}

    /**
     * A bag as read: its root name, its tag files' bytes, and its payload files (SHA-512 and size
     * of each, as found, in the order of the tar) with their total size.
     */
    public record ReadBag(
            String root,
            Map<String, byte[]> tagFiles,
            Manifest payload,
            long payloadBytes,
            List<String> directories)
            implements BagContent {
        @Override
        public String name() {
            return "the bag '" + root + "'";
        }

        @Override
        public Collection<Item> items() {
            List<Item> items =
                    new ArrayList<>(directories.size() + payload.size() + tagFiles.size());
            directories.forEach(d -> items.add(new Item(d, Kind.DIRECTORY, 0)));
            payload.entries().forEach((path, e) -> items.add(new Item(path, Kind.FILE, e.size())));
            tagFiles.forEach((path, bytes) -> items.add(new Item(path, Kind.FILE, bytes.length)));
            return items;
        }

        @Override
        public byte[] tagFile(String path) {
            return tagFiles.get(path);
        }

        /** Only SHA-512 was computed as the tar was read: the one algorithm of a sealed bag. */
        @Override
        public Map<String, Manifest> digestPayload(
                Set<String> algorithms, List<String> unreadable) {
            if (!Set.of("sha512").containsAll(algorithms)) {
                throw new UnsupportedOperationException(
                        "a bag read from a sealed file has SHA-512 checksums only");
            }
            return algorithms.isEmpty() ? Map.of() : Map.of("sha512", payload);
        }
    }

    public static ReadBag read(SafeTarReader tar, UnverifiedSink sink) throws IOException {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        List<String> directories = new ArrayList<>();
        Manifest.Builder payload = new Manifest.Builder();
        long payloadBytes = 0;
        long tagBytes = 0;
        MessageDigest digest = Digests.sha512();
        byte[] buffer = new byte[BUFFER];
        SafeTarReader.Entry e;
        while ((e = tar.next()) != null) {
            if (e.directory()) {
                if (!e.path().isEmpty()) {
                    sink.directory(e.path());
                    directories.add(e.path());
                }
                continue;
            }
            boolean isPayload = e.path().startsWith(BagIt.PAYLOAD_DIR + "/");
            if (!isPayload) {
                tagBytes += e.size();
                if (tagBytes > MAX_TAG_BYTES) {
                    throw new BagInvalidException(
                            "the bag's tag files are larger than " + MAX_TAG_BYTES + " bytes",
                            "do not open this archive; report it to the sender");
                }
            }
            Kept kept = isPayload ? null : new Kept((int) e.size());
            try (OutputStream out = sink.file(e.path())) {
                long copied = copy(tar.content(), out, kept, digest, buffer);
                if (copied != e.size()) {
                    throw new MalformedSealException(
                            "the archive ends inside '" + e.path() + "'",
                            "the file is truncated or damaged; ask the sender for a new copy");
                }
            }
            byte[] checksum = digest.digest();
            if (isPayload) {
                payload.add(e.path(), checksum, e.size()); // the tar reader refuses a path twice
                payloadBytes += e.size();
            } else {
                tags.put(e.path(), kept.bytes);
            }
        }
        return new ReadBag(tar.root(), tags, payload.build(), payloadBytes, directories);
    }

    /**
     * A tag file's bytes, into an array of the size its header gives (more bytes fail the size
     * check).
     */
    private static final class Kept {
        final byte[] bytes;
        private int length;

        Kept(int size) {
            bytes = new byte[size];
        }

        void write(byte[] b, int off, int len) {
            int n = Math.min(len, bytes.length - length);
            System.arraycopy(b, off, bytes, length, Math.max(n, 0));
            length += Math.max(n, 0);
        }
    }

    private static long copy(
            InputStream in, OutputStream out, Kept kept, MessageDigest digest, byte[] buffer)
            throws IOException {
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
            total += n;
        }
        return total;
    }
}
