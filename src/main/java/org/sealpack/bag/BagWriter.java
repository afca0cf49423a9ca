package org.sealpack.bag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.sealpack.archive.TarWriter;
import org.sealpack.failure.InputException;

/**
 * Streams a BagIt 1.0 bag into a tar in one pass: each payload file is read once, hashed with
 * SHA-512 as it is copied, and the tag files that depend on those hashes follow the payload:
 *
 * <pre>
 *   BAG/  BAG/bagit.txt  BAG/data/...  BAG/manifest-sha512.txt  BAG/bag-info.txt
 *   BAG/tagmanifest-sha512.txt  BAG/signatures/  BAG/signatures/tagmanifest-sha512.txt.asc
 * </pre>
 */
public final class BagWriter {
    /** Signs the tag manifest; returns an armored detached OpenPGP signature. */
    @FunctionalInterface
    public interface TagManifestSigner {
        byte[] sign(byte[] tagManifest);
    }

    /** What was written. */
    public record Written(String bagName, Manifest manifest, Metadata bagInfo, long payloadBytes) {}

    private BagWriter() {}

    /**
     * Writes the bag of the payload files into the tar, telling {@code progress} how many payload
     * bytes were copied as they are copied (so one large file shows progress too).
     */
    public static Written write(
            TarWriter tar,
            String bagName,
            List<PayloadFile> files,
            Metadata metadata,
            Instant now,
            String softwareAgent,
            TagManifestSigner signer,
            LongConsumer progress)
            throws IOException {
        String root = start(tar, bagName, files, now);
        Manifest.Builder checksums = new Manifest.Builder(files.size());
        long bytes = 0;
        MessageDigest digest = Digests.sha512();
        OutputStream hashing = Digests.into(progress, digest);
        try (PayloadOpener opener = new PayloadOpener()) {
            for (PayloadFile f : files) {
                // Never through a link: one that replaced a file or directory since it was
                // listed is refused.
                try (SeekableByteChannel in = opener.open(f)) {
                    if (in instanceof FileChannel file) {
                        tar.file(root + f.bagPath(), f.size(), f.modified(), file, hashing);
                    } else {
                        tar.file(
                                root + f.bagPath(),
                                f.size(),
                                f.modified(),
                                Channels.newInputStream(in),
                                hashing);
                    }
                }
                checksums.add(f.bagPath(), digest.digest(), f.size());
                bytes += f.size();
            }
        }
        Metadata info =
                metadata.plus("Bagging-Date", now.atZone(ZoneOffset.UTC).toLocalDate().toString())
                        .plus("Payload-Oxum", bytes + "." + files.size())
                        .plus("Bag-Size", humanSize(bytes))
                        .plus("Bag-Software-Agent", softwareAgent);
        return tags(tar, root, checksums.build(), info, bytes, now, signer);
    }

    /**
     * Streams an existing, validated bag directory into the tar as a sealed bag (docs/FORMAT.md
     * section 4): its payload, each file hashed again as it is copied, in SHA-512 for the new
     * manifest and in the algorithm it was validated with, which must give the same digest (a
     * change after validation is refused); its bag-info.txt re-encoded in UTF-8 with LF line ends
     * and a Payload-Oxum; a new bagit.txt (BagIt 1.0), SHA-512 manifests and the signature. Its
     * other manifests are not carried: the SHA-512 ones replace them, checked against them on the
     * way.
     */
    public static Written writeExisting(
            TarWriter tar,
            String bagName,
            Path dir,
            BagRules.Verdict bag,
            Instant now,
            TagManifestSigner signer,
            LongConsumer progress)
            throws IOException {
        Manifest validated = bag.payload();
        String algorithm = bag.payloadAlgorithm();
        List<PayloadFile> files = new ArrayList<>();
        for (String path : validated.entries().keySet()) {
            Path source = dir.resolve(path);
            files.add(
                    new PayloadFile(
                            dir.resolve(BagIt.PAYLOAD_DIR),
                            path,
                            validated.sizeOf(path),
                            Files.getLastModifiedTime(source).toInstant().getEpochSecond()));
        }
        String root = start(tar, bagName, files, now);
        Manifest.Builder checksums = new Manifest.Builder();
        MessageDigest sha512 = Digests.sha512();
        MessageDigest check = algorithm.equals("sha512") ? null : Algorithms.digest(algorithm);
        long bytes = 0;
        for (PayloadFile f : files) {
            try (InputStream in = Files.newInputStream(f.source())) {
                tar.file(
                        root + f.bagPath(),
                        f.size(),
                        f.modified(),
                        in,
                        check == null
                                ? Digests.into(progress, sha512)
                                : Digests.into(progress, sha512, check));
            }
            byte[] digest = sha512.digest();
            byte[] checked = check == null ? digest : check.digest();
            if (!MessageDigest.isEqual(checked, validated.entry(f.bagPath()).digest())) {
                throw new InputException(
                        f.bagPath() + " changed after the bag was validated",
                        "seal the bag again when nothing is writing to it");
            }
            checksums.add(f.bagPath(), digest, f.size());
            bytes += f.size();
        }
        List<Metadata.Element> elements = new ArrayList<>();
        String oxum = bytes + "." + files.size();
        for (Metadata.Element e : bag.bagInfo().elements()) {
            if (!e.label().equalsIgnoreCase("Payload-Oxum")) {
                elements.add(e);
            }
        }
        elements.add(new Metadata.Element("Payload-Oxum", oxum));
        return tags(tar, root, checksums.build(), new Metadata(elements), bytes, now, signer);
    }

    /**
     * The bag root, bagit.txt, data/ and the directories that hold payload files; returns "BAG/".
     */
    private static String start(TarWriter tar, String bagName, List<PayloadFile> files, Instant now)
            throws IOException {
        String root = bagName + "/";
        tar.directory(root, now);
        tar.file(root + BagIt.DECLARATION, BagIt.utf8(BagIt.DECLARATION_TEXT), now);
        tar.directory(root + BagIt.PAYLOAD_DIR, now);
        for (String dir : directories(files)) {
            tar.directory(root + dir, now);
        }
        return root;
    }

    /**
     * The tag files, after the payload they depend on: manifest, bag-info.txt, tag manifest,
     * signature.
     */
    private static Written tags(
            TarWriter tar,
            String root,
            Manifest manifest,
            Metadata info,
            long bytes,
            Instant now,
            TagManifestSigner signer)
            throws IOException {
        MessageDigest digest = Digests.sha512();
        byte[] infoBytes = BagIt.utf8(info.toBagInfo());
        // The manifest goes into the tar as it is made, line by line, and is hashed on the way.
        try (InputStream lines = manifest.formatted()) {
            tar.file(
                    root + BagIt.MANIFEST,
                    manifest.formattedLength(),
                    now,
                    lines,
                    Digests.into(digest));
        }
        String manifestChecksum = Digests.hex(digest.digest());
        tar.file(root + BagIt.BAG_INFO, infoBytes, now);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(BagIt.DECLARATION, Digests.sha512Hex(BagIt.utf8(BagIt.DECLARATION_TEXT)));
        tags.put(BagIt.BAG_INFO, Digests.sha512Hex(infoBytes));
        tags.put(BagIt.MANIFEST, manifestChecksum);
        byte[] tagManifest = BagIt.utf8(new Manifest(tags).format());
        tar.file(root + BagIt.TAG_MANIFEST, tagManifest, now);
        tar.directory(root + BagIt.SIGNATURE_DIR, now);
        tar.file(root + BagIt.SIGNATURE, signer.sign(tagManifest), now);
        return new Written(root.substring(0, root.length() - 1), manifest, info, bytes);
    }

    /** Every directory below data/ that holds a payload file, parents first. */
    static TreeSet<String> directories(List<PayloadFile> files) {
        TreeSet<String> dirs = new TreeSet<>();
        String previous = null;
        for (PayloadFile f : files) {
            String path = f.bagPath();
            int slash = path.lastIndexOf('/');
            // Files of one directory come together (bag order): its parents are already there.
            if (previous != null
                    && previous.length() == slash
                    && path.regionMatches(0, previous, 0, slash)) {
                continue;
            }
            previous = path.substring(0, Math.max(slash, 0));
            while (slash > BagIt.PAYLOAD_DIR.length()) {
                path = path.substring(0, slash);
                dirs.add(path);
                slash = path.lastIndexOf('/');
            }
        }
        return dirs;
    }

    /** A Bag-Size value: decimal units, one decimal place ("1.2 MB"). */
    static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
