package org.sealpack.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sealpack.bag.BagIt;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Craft;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.KeyGenerator;
import org.sealpack.pgp.UnlockedKey;

/**
 * The conformance vectors: one sealed file per rule of docs/FORMAT.md that a file can break (or
 * that a reader must accept), each with NAME.expect naming the rule ({@code rule:}, the tags of
 * FORMAT.md), the exit code and the message. Written once into src/test/resources/conformance/ by
 * {@code mvn test -Dtest=ConformanceVectors -Dsealpack.generate=conformance}; committed; never
 * regenerated in place (a new case is a new vector). {@link ConformanceVectorsTest} replays them;
 * {@code ConformanceTest} checks that every MUST and SHOULD of FORMAT.md is named by a vector.
 */
class ConformanceVectors {
    static final Path DIR = Path.of("src/test/resources/conformance");
    static final String PASSPHRASE = "conformance";

    /**
     * One vector. {@code exit} 0 means a reader must accept it; {@code message} is then a note or
     * warning the reader must print (or empty). {@code trust}: a certificate written beside the
     * vector that the reader must trust as a signer (for signers with a history of expiry or
     * revocation).
     */
    record Vector(
            String name, String description, String rules, int exit, String message, Maker maker) {}

    /** The sealed file's bytes; may write {@code NAME.cert.asc} beside it through {@code trust}. */
    interface Maker {
        byte[] make(Context c) throws Exception;
    }

    record Context(
            UnlockedKey signer,
            List<Certificate> recipients,
            List<Certificate> intended,
            Path dir,
            String name) {
        byte[] goodTar() throws IOException {
            return Crafted.tar(HostileCorpus.validBag(signer, intended));
        }

        byte[] inner(byte[] tar) throws Exception {
            return Craft.inner(tar, recipients, new Craft.Inner());
        }

        byte[] outer(Craft.Outer o) throws Exception {
            return Craft.outer(inner(goodTar()), signer, o);
        }

        byte[] outer(byte[] tar) throws Exception {
            return Craft.outer(inner(tar), signer, new Craft.Outer());
        }

        void trust(Certificate cert) throws IOException {
            Files.writeString(
                    dir.resolve(name + ".cert.asc"), cert.armored(), StandardCharsets.US_ASCII);
        }
    }

    static Craft.Outer outer(java.util.function.Consumer<Craft.Outer> change) {
        Craft.Outer o = new Craft.Outer();
        change.accept(o);
        return o;
    }

    /** A marker packet (tag 10, "PGP"): the one packet every OpenPGP reader is told to ignore. */
    static final byte[] MARKER = {(byte) 0xca, 3, 'P', 'G', 'P'};

    static List<Vector> vectors() {
        List<Vector> v = new ArrayList<>();
        // Section 1: the outer layer.
        v.add(
                new Vector(
                        "outer-marker-before",
                        "a marker packet before the one-pass signature",
                        "R1.1",
                        20,
                        "does not start with a one-pass signature",
                        c -> c.outer(outer(o -> o.before = MARKER))));
        v.add(
                new Vector(
                        "outer-marker-after",
                        "a marker packet after the outer signature",
                        "R1.1 R1.12",
                        20,
                        "data after its outer signature",
                        c -> c.outer(outer(o -> o.after = MARKER))));
        v.add(
                new Vector(
                        "outer-ops-not-nested",
                        "a one-pass signature header with the nested flag 0",
                        "R1.2 R1.9",
                        20,
                        "outer signature header is not that of a sealed file",
                        c -> c.outer(outer(o -> o.nested = false))));
        v.add(
                new Vector(
                        "outer-text-signature",
                        "one-pass header and signature of type 0x01 (text)",
                        "R1.5 R1.9",
                        20,
                        "outer signature header is not that of a sealed file",
                        c ->
                                c.outer(
                                        outer(
                                                o ->
                                                        o.opsType =
                                                                PGPSignature
                                                                        .CANONICAL_TEXT_DOCUMENT))));
        v.add(
                new Vector(
                        "outer-literal-text",
                        "the outer literal data in text mode",
                        "R1.3 R1.8 R1.10",
                        20,
                        "outer literal data header is not that of a sealed file",
                        c -> c.outer(outer(o -> o.format = 't'))));
        v.add(
                new Vector(
                        "outer-literal-named",
                        "the outer literal data named 'inner.pgp'",
                        "R1.3 R1.8 R1.10",
                        20,
                        "outer literal data header is not that of a sealed file",
                        c -> c.outer(outer(o -> o.name = "inner.pgp"))));
        v.add(
                new Vector(
                        "outer-literal-date-other",
                        "an outer literal date that is neither 0 nor the signature's time",
                        "R1.3 R1.8 R1.13",
                        20,
                        "neither 0 nor the signature's time",
                        c -> c.outer(outer(o -> o.literalDate = 1_000_000_000L))));
        v.add(
                new Vector(
                        "outer-literal-date-signature",
                        "an outer literal date equal to the signature's time (as gpg writes)",
                        "R1.3 R1.8",
                        0,
                        "",
                        c -> c.outer(outer(o -> o.literalDate = -1))));
        v.add(
                new Vector(
                        "outer-definite-length",
                        "the outer literal data with a definite length",
                        "R1.4",
                        0,
                        "",
                        c -> c.outer(outer(o -> o.definiteLength = true))));
        v.add(
                new Vector(
                        "outer-ops-hash-differs",
                        "a one-pass header naming SHA-512 before a SHA-256 signature",
                        "R1.13",
                        21,
                        "does not match its one-pass header",
                        c -> c.outer(outer(o -> o.opsHashDiffers = true))));
        v.add(
                new Vector(
                        "outer-signature-long-length",
                        "the outer signature's length in the five-octet form",
                        "R1.14",
                        21,
                        "not encoded as it was made",
                        c -> c.outer(outer(o -> o.longLength = true))));
        v.add(
                new Vector(
                        "outer-unhashed-notation",
                        "a notation in the outer signature's unhashed area",
                        "R1.7 R1.14",
                        21,
                        "carries unsigned data",
                        c ->
                                c.outer(
                                        outer(
                                                o ->
                                                        o.unhashed =
                                                                u ->
                                                                        u.addNotationData(
                                                                                false,
                                                                                true,
                                                                                "note@example.org",
                                                                                "This statement is withdrawn.")))));
        v.add(
                new Vector(
                        "outer-unhashed-issuer-key-id",
                        "an unhashed Issuer Key ID equal to the hashed one",
                        "R1.7 R1.14",
                        0,
                        "",
                        c ->
                                c.outer(
                                        outer(
                                                o ->
                                                        o.unhashed =
                                                                u ->
                                                                        u.setIssuerKeyID(
                                                                                false,
                                                                                Craft.primary(
                                                                                                c.signer()
                                                                                                        .certificate())
                                                                                        .getKeyID())))));
        v.add(
                new Vector(
                        "outer-sha1",
                        "an outer signature over SHA-1",
                        "R1.15",
                        26,
                        "SHA-1",
                        c -> c.outer(outer(o -> o.hash = HashAlgorithmTags.SHA1))));
        v.add(
                new Vector(
                        "outer-ripemd160",
                        "an outer signature over RIPEMD-160",
                        "R1.15",
                        26,
                        "RIPEMD",
                        c -> c.outer(outer(o -> o.hash = HashAlgorithmTags.RIPEMD160))));
        v.add(
                new Vector(
                        "outer-sha512",
                        "an outer signature over SHA-512 (SHA-256 is what a writer should use)",
                        "R1.6 R1.15",
                        0,
                        "",
                        c -> c.outer(outer(o -> o.hash = HashAlgorithmTags.SHA512))));
        v.add(
                new Vector(
                        "outer-sha3-512",
                        "an outer signature over SHA3-512",
                        "R1.15",
                        0,
                        "",
                        c -> c.outer(outer(o -> o.hash = HashAlgorithmTags.SHA3_512))));
        v.add(
                new Vector(
                        "outer-critical-notation",
                        "a critical notation sealpack does not know, hashed",
                        "R1.15",
                        21,
                        "critical subpacket",
                        c ->
                                c.outer(
                                        outer(
                                                o ->
                                                        o.hashed =
                                                                h ->
                                                                        h.addNotationData(
                                                                                true,
                                                                                true,
                                                                                "policy@example.org",
                                                                                "must understand")))));
        v.add(
                new Vector(
                        "outer-notation",
                        "a non-critical notation, hashed (accepted: it is signed)",
                        "R1.15",
                        0,
                        "",
                        c ->
                                c.outer(
                                        outer(
                                                o ->
                                                        o.hashed =
                                                                h ->
                                                                        h.addNotationData(
                                                                                false,
                                                                                true,
                                                                                "note@example.org",
                                                                                "signed note")))));
        v.add(
                new Vector(
                        "outer-digest-prefix",
                        "the outer signature's two digest-prefix bytes changed",
                        "R1.16",
                        21,
                        "digest prefix",
                        c -> c.outer(outer(o -> o.flipPrefix = true))));
        v.add(
                new Vector(
                        "outer-no-issuer-fingerprint",
                        "an outer signature naming its issuer by key ID only",
                        "R1.7 R1.17",
                        21,
                        "names no issuer fingerprint",
                        c -> c.outer(outer(o -> o.noIssuerFingerprint = true))));
        v.add(
                new Vector(
                        "outer-fingerprint-not-key-id",
                        "a trusted key ID beside the fingerprint of a key not trusted",
                        "R1.13 R1.17",
                        21,
                        "does not match its one-pass header",
                        c ->
                                c.outer(
                                        outer(
                                                o ->
                                                        o.issuerFingerprintOf =
                                                                Craft.primary(
                                                                        Crafted.cert("fuzz"))))));
        v.add(
                new Vector(
                        "outer-armored",
                        "an ASCII-armored copy of a good sealed file",
                        "R1.21",
                        0,
                        "",
                        c -> c.outer(outer(o -> o.armored = true))));
        v.add(
                new Vector(
                        "signer-expired-before",
                        "signed after the signer's key expired",
                        "R1.18",
                        13,
                        "expired",
                        c -> history(c, "2025-01-01", Duration.ofDays(30), null, "2025-03-01")));
        v.add(
                new Vector(
                        "signer-expired-since",
                        "signed before the signer's key expired (good, with a note)",
                        "R1.19",
                        0,
                        "after it signed",
                        c -> history(c, "2025-01-01", Duration.ofDays(30), null, "2025-01-10")));
        v.add(
                new Vector(
                        "signer-compromised",
                        "signed before the signer's key was revoked as compromised",
                        "R1.18",
                        14,
                        "compromised",
                        c ->
                                history(
                                        c,
                                        "2025-01-01",
                                        null,
                                        KeyEditor.Reason.COMPROMISED,
                                        "2025-02-01")));
        v.add(
                new Vector(
                        "signer-retired-before",
                        "signed after the signer's key was retired",
                        "R1.18",
                        14,
                        "retired",
                        c ->
                                history(
                                        c,
                                        "2025-01-01",
                                        null,
                                        KeyEditor.Reason.RETIRED,
                                        "2025-07-01")));
        v.add(
                new Vector(
                        "signer-retired-since",
                        "signed before the signer's key was retired (good, with a note)",
                        "R1.19",
                        0,
                        "after it signed",
                        c ->
                                history(
                                        c,
                                        "2025-01-01",
                                        null,
                                        KeyEditor.Reason.RETIRED,
                                        "2025-02-01")));
        // Section 2: the inner layer.
        v.add(
                new Vector(
                        "inner-signed",
                        "a one-pass signed message inside the encryption",
                        "R2.3",
                        20,
                        "holds no literal data",
                        c ->
                                Craft.outer(
                                        Craft.inner(
                                                c.goodTar(),
                                                c.recipients(),
                                                inner(i -> i.signInside = c.signer())),
                                        c.signer(),
                                        new Craft.Outer())));
        v.add(
                new Vector(
                        "inner-no-integrity",
                        "symmetrically encrypted data without integrity protection (tag 9)",
                        "R2.6",
                        26,
                        "without integrity protection",
                        c ->
                                Craft.outer(
                                        Craft.inner(
                                                c.goodTar(),
                                                c.recipients(),
                                                inner(i -> i.integrity = false)),
                                        c.signer(),
                                        new Craft.Outer())));
        v.add(
                new Vector(
                        "inner-tripledes",
                        "the inner message encrypted with TripleDES",
                        "R2.6",
                        26,
                        "3DES",
                        c ->
                                Craft.outer(
                                        Craft.inner(
                                                c.goodTar(),
                                                c.recipients(),
                                                inner(
                                                        i ->
                                                                i.cipher =
                                                                        SymmetricKeyAlgorithmTags
                                                                                .TRIPLE_DES)),
                                        c.signer(),
                                        new Craft.Outer())));
        v.add(
                new Vector(
                        "inner-camellia256",
                        "the inner message encrypted with Camellia-256",
                        "R2.6",
                        0,
                        "",
                        c ->
                                Craft.outer(
                                        Craft.inner(
                                                c.goodTar(),
                                                c.recipients(),
                                                inner(
                                                        i ->
                                                                i.cipher =
                                                                        SymmetricKeyAlgorithmTags
                                                                                .CAMELLIA_256)),
                                        c.signer(),
                                        new Craft.Outer())));
        // Section 3: the tar.
        v.add(
                new Vector(
                        "tar-backslash",
                        "a payload name with a backslash",
                        "R3.2 R3.7",
                        25,
                        "backslash",
                        c -> c.outer(tarWith(c, Crafted.file("bag/data/a\\b.txt", "x")))));
        v.add(
                new Vector(
                        "tar-control-character",
                        "a payload name with a control character (BEL)",
                        "R3.7",
                        25,
                        "control character",
                        c -> c.outer(tarWith(c, Crafted.file("bag/data/a\u0007b.txt", "x")))));
        v.add(
                new Vector(
                        "tar-top-level-file",
                        "a file at the top level, beside the bag root",
                        "R3.2 R3.7",
                        25,
                        "at its top level",
                        c -> c.outer(tarWith(c, Crafted.file("README.txt", "x")))));
        v.add(
                new Vector(
                        "tar-dot-segment",
                        "a name with a '.' segment",
                        "R3.7",
                        25,
                        "segment",
                        c -> c.outer(tarWith(c, Crafted.file("bag/./data/x.txt", "x")))));
        v.add(
                new Vector(
                        "tar-linkpath",
                        "a regular file whose pax header names a link target",
                        "R3.7",
                        25,
                        "link target",
                        c ->
                                c.outer(
                                        tarWith(
                                                c,
                                                new Crafted.Entry(
                                                        "bag/data/x.txt",
                                                        (char) TarConstants.LF_NORMAL,
                                                        new byte[1],
                                                        null,
                                                        -1,
                                                        null,
                                                        Map.of(
                                                                "linkpath",
                                                                "/etc/" + "p".repeat(120)))))));
        v.add(
                new Vector(
                        "tar-bad-checksum",
                        "a tar header whose checksum is wrong",
                        "R3.8",
                        20,
                        "checksum is wrong",
                        c ->
                                c.outer(
                                        patchHeader(
                                                c.goodTar(),
                                                "bag/bagit.txt",
                                                h ->
                                                        h[148] =
                                                                (byte)
                                                                        (h[148] == '1'
                                                                                ? '2'
                                                                                : '1')))));
        v.add(
                new Vector(
                        "tar-not-ustar",
                        "a tar header without the ustar magic (old V7 tar)",
                        "R3.8",
                        20,
                        "no ustar header",
                        c ->
                                c.outer(
                                        patchHeader(
                                                c.goodTar(),
                                                "bag/bagit.txt",
                                                h ->
                                                        java.util.Arrays.fill(
                                                                h, 257, 265, (byte) 0)))));
        v.add(
                new Vector(
                        "tar-pax-unknown",
                        "a pax record sealpack does not know ('note')",
                        "R3.8",
                        20,
                        "unknown pax record",
                        c -> c.outer(tarWithPax(c, Map.of("note", "hidden text")))));
        v.add(
                new Vector(
                        "tar-pax-vendor",
                        "a vendor pax record (SCHILY.xattr), ignored",
                        "R3.8",
                        0,
                        "",
                        c -> c.outer(tarWithPax(c, Map.of("SCHILY.xattr.user.note", "ignored")))));
        v.add(
                new Vector(
                        "tar-reordered",
                        "the bag's entries in another order (tag files first, payload last)",
                        "R3.6",
                        0,
                        "",
                        c -> {
                            List<Crafted.Entry> entries =
                                    new ArrayList<>(
                                            HostileCorpus.validBag(c.signer(), c.intended()));
                            Crafted.Entry payload = entries.remove(3);
                            Crafted.Entry data = entries.remove(2);
                            entries.add(data);
                            entries.add(payload);
                            return c.outer(Crafted.tar(entries));
                        }));
        v.add(
                new Vector(
                        "tar-long-unicode-names",
                        "payload names over 100 bytes and not ASCII, in pax headers",
                        "R3.3",
                        0,
                        "",
                        c -> {
                            Map<String, String> payload = new LinkedHashMap<>();
                            payload.put(
                                    "data/"
                                            + "\u0434\u043e\u043a\u0443\u043c\u0435\u043d\u0442-"
                                                    .repeat(8)
                                            + ".txt",
                                    "long\n");
                            payload.put(
                                    "data/\u0425\u0443\u04b7\u0430\u043d\u0434.txt", "Khujand\n");
                            return c.outer(
                                    Crafted.tar(
                                            Crafted.bag(
                                                    "bag",
                                                    payload,
                                                    payload,
                                                    Map.of(),
                                                    c.signer(),
                                                    c.intended())));
                        }));
        // Section 4 and 5: the bag and its signature.
        v.add(
                new Vector(
                        "bag-signature-long-length",
                        "the bag signature's length in the five-octet form",
                        "R4.9",
                        21,
                        "not encoded as it was made",
                        c -> c.outer(bagSignedAs(c, b -> b.longLength = true))));
        v.add(
                new Vector(
                        "bag-signature-unhashed-notation",
                        "a notation in the bag signature's unhashed area",
                        "R4.9",
                        21,
                        "carries unsigned data",
                        c ->
                                c.outer(
                                        bagSignedAs(
                                                c,
                                                b ->
                                                        b.unhashed =
                                                                u ->
                                                                        u.addNotationData(
                                                                                false,
                                                                                true,
                                                                                "note@example.org",
                                                                                "withdrawn")))));
        v.add(
                new Vector(
                        "bag-signature-critical-notation",
                        "a critical unknown notation in the bag signature",
                        "R4.9",
                        21,
                        "critical subpacket",
                        c ->
                                c.outer(
                                        bagSignedAs(
                                                c,
                                                b ->
                                                        b.hashed =
                                                                h ->
                                                                        h.addNotationData(
                                                                                true,
                                                                                true,
                                                                                "policy@example.org",
                                                                                "must understand")))));
        v.add(
                new Vector(
                        "bag-signature-critical-recipient",
                        "Intended Recipient Fingerprints marked critical",
                        "R4.9",
                        21,
                        "marks an Intended Recipient Fingerprint critical",
                        c ->
                                c.outer(
                                        bagSignedAs(
                                                c,
                                                b -> {
                                                    b.intendedRecipients = false;
                                                    b.hashed =
                                                            h ->
                                                                    c.intended()
                                                                            .forEach(
                                                                                    r ->
                                                                                            h
                                                                                                    .addIntendedRecipientFingerprint(
                                                                                                            true,
                                                                                                            Craft
                                                                                                                    .primary(
                                                                                                                            r)));
                                                }))));
        v.add(
                new Vector(
                        "bag-signature-no-intended-recipients",
                        "a bag signature naming no intended recipient (warned)",
                        "R5.2",
                        0,
                        "names no intended recipient",
                        c -> c.outer(bagSignedAs(c, b -> b.intendedRecipients = false))));
        v.add(
                new Vector(
                        "outer-altered-bag-broken",
                        "a broken bag inside a file whose outer signature does not match",
                        "R5.1",
                        21,
                        "digest prefix",
                        c -> {
                            byte[] tar =
                                    Crafted.tar(
                                            Crafted.bag(
                                                    "bag",
                                                    Map.of("data/statement.txt", "Altered.\n"),
                                                    HostileCorpus.PAYLOAD,
                                                    Map.of(),
                                                    c.signer(),
                                                    c.intended()));
                            return Craft.outer(
                                    c.inner(tar), c.signer(), outer(o -> o.flipPrefix = true));
                        }));
        // Section 8: anonymous files.
        v.add(
                new Vector(
                        "anonymous-marker-after",
                        "an anonymous file with a marker packet after its encrypted data",
                        "R8.3",
                        20,
                        "data after",
                        c -> {
                            Path tmp = Files.createTempFile("anonymous", ".sealed");
                            try {
                                Crafted.seal(
                                        tmp,
                                        c.goodTar(),
                                        c.signer(),
                                        List.of(Crafted.cert("recipient")),
                                        false,
                                        true);
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                out.write(Files.readAllBytes(tmp));
                                out.write(MARKER);
                                return out.toByteArray();
                            } finally {
                                Files.deleteIfExists(tmp);
                            }
                        }));
        // Issue 26: authentication before decryption, armor, seizure-mode bounds, GNU tar magic.
        v.addAll(AuthenticationVectors.vectors());
        return v;
    }

    static Craft.Inner inner(java.util.function.Consumer<Craft.Inner> change) {
        Craft.Inner i = new Craft.Inner();
        change.accept(i);
        return i;
    }

    static byte[] tarWith(Context c, Crafted.Entry entry) throws IOException {
        List<Crafted.Entry> entries =
                new ArrayList<>(HostileCorpus.validBag(c.signer(), c.intended()));
        entries.add(1, entry);
        return Crafted.tar(entries);
    }

    /** The good bag with pax records added to its bagit.txt entry. */
    static byte[] tarWithPax(Context c, Map<String, String> records) throws IOException {
        List<Crafted.Entry> entries =
                new ArrayList<>(HostileCorpus.validBag(c.signer(), c.intended()));
        Crafted.Entry b = entries.get(1);
        entries.set(1, new Crafted.Entry(b.name(), b.type(), b.content(), null, -1, null, records));
        return Crafted.tar(entries);
    }

    /**
     * Changes the header of the entry named, then writes its checksum again unless the change was
     * the checksum.
     */
    static byte[] patchHeader(byte[] tar, String name, java.util.function.Consumer<byte[]> change) {
        for (int at = 0; at + 512 <= tar.length; ) {
            int end = at;
            while (end < at + 100 && tar[end] != 0) {
                end++;
            }
            String entry = new String(tar, at, end - at, StandardCharsets.UTF_8);
            long size =
                    Long.parseLong(
                            new String(tar, at + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            if (entry.equals(name)) {
                byte[] header = java.util.Arrays.copyOfRange(tar, at, at + 512);
                change.accept(header);
                if (header[148] == tar[at + 148] && header[149] == tar[at + 149]) {
                    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
                    long sum = 0;
                    for (byte b : header) {
                        sum += b & 0xff;
                    }
                    System.arraycopy(
                            String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII),
                            0,
                            header,
                            148,
                            8);
                }
                System.arraycopy(header, 0, tar, at, 512);
                return tar;
            }
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        throw new IllegalArgumentException("no entry " + name);
    }

    /** The good bag with its signature made as {@code change} says. */
    static byte[] bagSignedAs(Context c, java.util.function.Consumer<Craft.Bag> change)
            throws IOException {
        Craft.Bag b = new Craft.Bag();
        change.accept(b);
        return Crafted.tar(
                Crafted.bag(
                        "bag",
                        BagIt.DECLARATION_TEXT,
                        HostileCorpus.PAYLOAD,
                        HostileCorpus.LINE,
                        HostileCorpus.INFO,
                        Map.of(),
                        List.of(),
                        tagManifest -> {
                            try {
                                return Craft.bagSignature(c.signer(), tagManifest, c.intended(), b);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
    }

    /**
     * A file signed (outside and in the bag) at {@code signedOn} by a key made on {@code created},
     * valid for {@code validity} (null: no expiry), revoked for {@code reason} on 2025-06-01 (null:
     * not revoked). Its certificate is written beside the vector, to be trusted; its secret is not
     * kept.
     */
    static byte[] history(
            Context c, String created, Duration validity, KeyEditor.Reason reason, String signedOn)
            throws Exception {
        Instant made = Instant.parse(created + "T00:00:00Z");
        Key key =
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT,
                        "Conformance <" + c.name() + "@example.org>",
                        PASSPHRASE.toCharArray(),
                        made,
                        validity);
        UnlockedKey unlocked = key.unlock(PASSPHRASE.toCharArray());
        Certificate cert = key.certificate();
        if (reason != null) {
            cert =
                    KeyEditor.revoke(
                                    key,
                                    unlocked,
                                    reason,
                                    "conformance vector",
                                    Instant.parse("2025-06-01T00:00:00Z"))
                            .certificate();
        }
        c.trust(cert);
        Date at = Date.from(Instant.parse(signedOn + "T00:00:00Z"));
        List<Certificate> intended = List.of(Crafted.cert("recipient"), key.certificate());
        Craft.Bag b = new Craft.Bag();
        b.created = at;
        byte[] tar =
                Crafted.tar(
                        Crafted.bag(
                                "bag",
                                BagIt.DECLARATION_TEXT,
                                HostileCorpus.PAYLOAD,
                                HostileCorpus.LINE,
                                HostileCorpus.INFO,
                                Map.of(),
                                List.of(),
                                tagManifest -> {
                                    try {
                                        return Craft.bagSignature(
                                                unlocked, tagManifest, intended, b);
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                }));
        Craft.Outer o = new Craft.Outer();
        o.created = at;
        return Craft.outer(
                Craft.inner(tar, List.of(Crafted.cert("recipient")), new Craft.Inner()),
                unlocked,
                o);
    }

    @Test
    @EnabledIfSystemProperty(named = "sealpack.generate", matches = "conformance")
    void generate() throws Exception {
        Files.createDirectories(DIR);
        UnlockedKey signer = Crafted.unlocked("signer");
        List<Certificate> recipients = List.of(Crafted.cert("recipient"), Crafted.cert("signer"));
        for (Vector v : vectors()) {
            Path sealed = DIR.resolve(v.name() + ".sealed");
            if (Files.exists(sealed)) {
                continue;
            }
            Context c = new Context(signer, recipients, recipients, DIR, v.name());
            Files.write(sealed, v.maker().make(c));
            Files.writeString(
                    DIR.resolve(v.name() + ".expect"),
                    "# "
                            + v.description()
                            + "\nrule: "
                            + v.rules()
                            + "\nexit: "
                            + v.exit()
                            + "\nmessage: "
                            + v.message()
                            + "\n",
                    StandardCharsets.UTF_8);
        }
    }
}
