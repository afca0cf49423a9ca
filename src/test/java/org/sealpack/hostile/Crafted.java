package org.sealpack.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.sealpack.bag.BagIt;
import org.sealpack.bag.Digests;
import org.sealpack.bag.Manifest;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.pgp.SealWriter;
import org.sealpack.pgp.Signatures;
import org.sealpack.pgp.UnlockedKey;

/**
 * Crafts sealed files whose inner tar and bag are whatever a test wants, validly signed and
 * encrypted with the committed test keys (src/test/resources/keys), so that only sealpack's inner
 * checks stand between them and the disk.
 */
final class Crafted {
    static final Path KEYS = org.sealpack.Proc.testKeys();
    static final Instant TIME = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    /** One raw tar entry; {@code paxPath}, when set, is a pax extended header that renames it. */
    record Entry(
            String name,
            char type,
            byte[] content,
            String link,
            long claimedSize,
            String paxPath,
            Map<String, String> pax) {
        Entry(String name, char type, byte[] content, String link, long claimedSize) {
            this(name, type, content, link, claimedSize, null, Map.of());
        }

        Entry(
                String name,
                char type,
                byte[] content,
                String link,
                long claimedSize,
                String paxPath) {
            this(name, type, content, link, claimedSize, paxPath, Map.of());
        }
    }

    static Entry file(String name, String content) {
        return new Entry(
                name,
                (char) TarConstants.LF_NORMAL,
                content.getBytes(StandardCharsets.UTF_8),
                null,
                -1);
    }

    static Entry dir(String name) {
        return new Entry(name, (char) TarConstants.LF_DIR, new byte[0], null, -1);
    }

    static Entry link(String name, char type, String target) {
        return new Entry(name, type, new byte[0], target, -1);
    }

    static Entry claimed(String name, long size) {
        return new Entry(name, (char) TarConstants.LF_NORMAL, new byte[0], null, size);
    }

    static Key key(String name) {
        return KeyFiles.readSecretKey(KEYS.resolve(name + ".key.asc"));
    }

    static UnlockedKey unlocked(String name) {
        try {
            return key(name)
                    .unlock(
                            Files.readString(KEYS.resolve(name + ".passphrase"))
                                    .strip()
                                    .toCharArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Certificate cert(String name) {
        return KeyFiles.readCertificate(KEYS.resolve(name + ".cert.asc"));
    }

    /** The entries of a complete bag: payload, manifests, bag-info and the bag signature. */
    static List<Entry> bag(
            String root,
            Map<String, String> payload,
            Map<String, String> listed,
            Map<String, String> extraTags,
            UnlockedKey bagSigner,
            List<Certificate> intended) {
        List<Entry> entries = new ArrayList<>();
        entries.add(dir(root + "/"));
        entries.add(file(root + "/bagit.txt", BagIt.DECLARATION_TEXT));
        entries.add(dir(root + "/data/"));
        long bytes = 0;
        for (Map.Entry<String, String> p : payload.entrySet()) {
            entries.add(file(root + "/" + p.getKey(), p.getValue()));
            bytes += p.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : listed.entrySet()) {
            sums.put(p.getKey(), Digests.sha512Hex(p.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        String manifest = new Manifest(sums).format();
        String info = "Title: crafted\nPayload-Oxum: " + bytes + "." + payload.size() + "\n";
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", BagIt.DECLARATION_TEXT);
        tags.put("bag-info.txt", info);
        tags.put("manifest-sha512.txt", manifest);
        tags.putAll(extraTags);
        Map<String, String> tagSums = new LinkedHashMap<>();
        tags.forEach(
                (k, v) -> tagSums.put(k, Digests.sha512Hex(v.getBytes(StandardCharsets.UTF_8))));
        String tagManifest = new Manifest(tagSums).format();
        entries.add(file(root + "/manifest-sha512.txt", manifest));
        entries.add(file(root + "/bag-info.txt", info));
        extraTags.forEach((k, v) -> entries.add(file(root + "/" + k, v)));
        entries.add(file(root + "/tagmanifest-sha512.txt", tagManifest));
        byte[] signature =
                Signatures.signDetached(
                        bagSigner, tagManifest.getBytes(StandardCharsets.UTF_8), intended, TIME);
        entries.add(dir(root + "/signatures/"));
        entries.add(
                new Entry(
                        root + "/" + BagIt.SIGNATURE,
                        (char) TarConstants.LF_NORMAL,
                        signature,
                        null,
                        -1));
        return entries;
    }

    /**
     * The entries of a bag whose tag files are exactly the texts given (which may break the sealed
     * form), then the unlisted entries (planted: no manifest lists them), the tag manifest over
     * bagit.txt, bag-info.txt, the manifest and the listed extra tag files, and the bag signature
     * over it.
     */
    static List<Entry> bag(
            String root,
            String declaration,
            Map<String, String> payload,
            String manifest,
            String info,
            Map<String, String> listedExtraTags,
            List<Entry> unlisted,
            UnlockedKey bagSigner,
            List<Certificate> intended) {
        return bag(
                root,
                declaration,
                payload,
                manifest,
                info,
                listedExtraTags,
                unlisted,
                tagManifest -> Signatures.signDetached(bagSigner, tagManifest, intended, TIME));
    }

    /** As above, the bag signature made by {@code sign} from the tag manifest's bytes. */
    static List<Entry> bag(
            String root,
            String declaration,
            Map<String, String> payload,
            String manifest,
            String info,
            Map<String, String> listedExtraTags,
            List<Entry> unlisted,
            java.util.function.Function<byte[], byte[]> sign) {
        List<Entry> entries = new ArrayList<>();
        entries.add(dir(root + "/"));
        entries.add(file(root + "/bagit.txt", declaration));
        entries.add(dir(root + "/data/"));
        payload.forEach((path, content) -> entries.add(file(root + "/" + path, content)));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", declaration);
        tags.put("bag-info.txt", info);
        tags.put("manifest-sha512.txt", manifest);
        tags.putAll(listedExtraTags);
        StringBuilder tagManifest = new StringBuilder();
        tags.forEach(
                (k, v) ->
                        tagManifest
                                .append(Digests.sha512Hex(v.getBytes(StandardCharsets.UTF_8)))
                                .append("  ")
                                .append(k)
                                .append('\n'));
        entries.add(file(root + "/manifest-sha512.txt", manifest));
        entries.add(file(root + "/bag-info.txt", info));
        listedExtraTags.forEach((k, v) -> entries.add(file(root + "/" + k, v)));
        entries.addAll(unlisted);
        entries.add(file(root + "/tagmanifest-sha512.txt", tagManifest.toString()));
        byte[] signature = sign.apply(tagManifest.toString().getBytes(StandardCharsets.UTF_8));
        entries.add(dir(root + "/signatures/"));
        entries.add(
                new Entry(
                        root + "/" + BagIt.SIGNATURE,
                        (char) TarConstants.LF_NORMAL,
                        signature,
                        null,
                        -1));
        return entries;
    }

    /** The manifest line of a payload file, as a sealed bag writes it. */
    static String line(String path, String content) {
        return Digests.sha512Hex(content.getBytes(StandardCharsets.UTF_8)) + "  " + path + "\n";
    }

    static byte[] tar(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8");
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        out.setAddPaxHeadersForNonAsciiNames(true);
        Map<String, Character> patch = new LinkedHashMap<>();
        for (Entry e : entries) {
            char type = e.type();
            if ("gLKXS".indexOf(type) >= 0) {
                // Types Commons Compress writes only its own way: written as a file, the type
                // patched after.
                patch.put(e.name(), type);
                type = (char) TarConstants.LF_NORMAL;
            }
            TarArchiveEntry entry = new TarArchiveEntry(e.name(), (byte) type, true);
            entry.setModTime(java.util.Date.from(TIME));
            if (e.link() != null) {
                entry.setLinkName(e.link());
            }
            if (e.paxPath() != null) {
                entry.addPaxHeader("path", e.paxPath());
            }
            e.pax().forEach(entry::addPaxHeader);
            if (e.claimedSize() >= 0) {
                // A header that claims more than follows: written by hand, then the archive just
                // ends.
                entry.setSize(e.claimedSize());
                byte[] header = new byte[512];
                entry.writeEntryHeader(
                        header,
                        org.apache.commons.compress.archivers.zip.ZipEncodingHelper.getZipEncoding(
                                "UTF-8"),
                        true);
                out.flush();
                bytes.write(header);
                return bytes.toByteArray();
            }
            entry.setSize(e.type() == TarConstants.LF_DIR ? 0 : e.content().length);
            out.putArchiveEntry(entry);
            out.write(e.content());
            out.closeArchiveEntry();
        }
        out.finish();
        out.close();
        return patchTypes(bytes.toByteArray(), patch);
    }

    /** Sets the type flag of the headers named, and their checksums. */
    static byte[] patchTypes(byte[] tar, Map<String, Character> types) {
        for (int at = 0; at + 512 <= tar.length; ) {
            if (tar[at] == 0) {
                break;
            }
            int end = at;
            while (end < at + 100 && tar[end] != 0) {
                end++;
            }
            String name = new String(tar, at, end - at, StandardCharsets.UTF_8);
            long size =
                    Long.parseLong(
                            new String(tar, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            Character type = types.get(name);
            if (type != null && tar[at + 156] == '0') {
                tar[at + 156] = (byte) type.charValue();
                java.util.Arrays.fill(tar, at + 148, at + 156, (byte) ' ');
                long sum = 0;
                for (int i = at; i < at + 512; i++) {
                    sum += tar[i] & 0xff;
                }
                byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(checksum, 0, tar, at + 148, 8);
            }
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        return tar;
    }

    /**
     * Seals the tar as sealpack would: outer signature by the signer, encrypted to the recipients.
     */
    static void seal(
            Path out,
            byte[] tar,
            UnlockedKey outerSigner,
            List<Certificate> recipients,
            boolean compress)
            throws IOException {
        seal(out, tar, outerSigner, recipients, compress, false);
    }

    /** As above; {@code anonymous}: seizure mode (no outer signature, hidden recipients). */
    static void seal(
            Path out,
            byte[] tar,
            UnlockedKey outerSigner,
            List<Certificate> recipients,
            boolean compress,
            boolean anonymous)
            throws IOException {
        try (OutputStream file = Files.newOutputStream(out);
                OutputStream sealed =
                        SealWriter.open(
                                file,
                                outerSigner,
                                recipients,
                                "crafted.tar",
                                TIME,
                                compress,
                                anonymous)) {
            sealed.write(tar);
        }
    }
}
