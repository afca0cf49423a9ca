package org.sealpack.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.UnlockedKey;

/**
 * The hostile corpus: each vector is a sealed file, validly signed by the trusted test signer and
 * encrypted to the test recipient, whose inside attacks the opener. Written once into
 * src/test/resources/hostile/ (NAME.sealed and NAME.expect) by {@code mvn test -Dtest=HostileCorpus
 * -Dsealpack.generate=hostile}; committed; never regenerated in place (a new attack is a new
 * vector). {@link HostileCorpusTest} replays them.
 */
class HostileCorpus {
    static final Path DIR = Path.of("src/test/resources/hostile");

    /** One vector: how to build its tar, and what opening it must say. */
    record Vector(
            String name,
            String description,
            int exit,
            String message,
            Builder builder,
            boolean anonymous,
            Sealer sealer) {
        Vector(String name, String description, int exit, String message, Builder builder) {
            this(name, description, exit, message, builder, false, null);
        }

        Vector(
                String name,
                String description,
                int exit,
                String message,
                Builder builder,
                boolean anonymous) {
            this(name, description, exit, message, builder, anonymous, null);
        }

        /** A vector whose OpenPGP layers themselves are crafted, around a valid bag's tar. */
        Vector(String name, String description, int exit, String message, Sealer sealer) {
            this(name, description, exit, message, HostileCorpus::validBag, false, sealer);
        }
    }

    /**
     * Writes the whole sealed file around the tar: for vectors whose OpenPGP layers are what is
     * hostile.
     */
    interface Sealer {
        byte[] seal(byte[] tar, UnlockedKey signer, List<Certificate> recipients) throws Exception;
    }

    interface Builder {
        List<Crafted.Entry> entries(UnlockedKey signer, List<Certificate> intended)
                throws IOException;
    }

    static final Map<String, String> PAYLOAD = Map.of("data/statement.txt", "The statement.\n");

    static List<Crafted.Entry> validBag(UnlockedKey signer, List<Certificate> intended) {
        return Crafted.bag("bag", PAYLOAD, PAYLOAD, Map.of(), signer, intended);
    }

    /** A valid bag with one hostile entry put right after the bag root. */
    static Builder withEntry(Crafted.Entry hostile) {
        return (signer, intended) -> {
            List<Crafted.Entry> entries = new ArrayList<>(validBag(signer, intended));
            entries.add(1, hostile);
            return entries;
        };
    }

    static List<Vector> vectors() {
        List<Vector> v = new ArrayList<>();
        v.add(
                new Vector(
                        "dotdot-escape",
                        "a payload path with .. that leaves the bag",
                        25,
                        "'..'",
                        withEntry(Crafted.file("bag/data/../../escape.txt", "escaped"))));
        v.add(
                new Vector(
                        "pax-path-escape",
                        "a pax header that renames a harmless entry to a path outside the bag",
                        25,
                        "'..'",
                        withEntry(
                                new Crafted.Entry(
                                        "bag/data/harmless.txt",
                                        (char) TarConstants.LF_NORMAL,
                                        "escaped".getBytes(StandardCharsets.UTF_8),
                                        null,
                                        -1,
                                        "bag/../../sealpack-hostile-pax.txt"))));
        v.add(
                new Vector(
                        "absolute-path",
                        "an absolute path",
                        25,
                        "absolute path",
                        withEntry(Crafted.file("/tmp/sealpack-hostile-absolute.txt", "escaped"))));
        v.add(
                new Vector(
                        "symlink-then-file",
                        "a symlink to outside, then a file written through it",
                        25,
                        "symbolic link",
                        (signer, intended) -> {
                            List<Crafted.Entry> entries =
                                    new ArrayList<>(validBag(signer, intended));
                            entries.add(
                                    1,
                                    Crafted.link(
                                            "bag/data/out",
                                            (char) TarConstants.LF_SYMLINK,
                                            "/tmp"));
                            entries.add(
                                    2,
                                    Crafted.file(
                                            "bag/data/out/sealpack-hostile-through-link.txt",
                                            "escaped"));
                            return entries;
                        }));
        v.add(
                new Vector(
                        "hard-link",
                        "a hard link to a system file",
                        25,
                        "hard link",
                        withEntry(
                                Crafted.link(
                                        "bag/data/passwd",
                                        (char) TarConstants.LF_LINK,
                                        "/etc/passwd"))));
        v.add(
                new Vector(
                        "device-node",
                        "a character device",
                        25,
                        "device",
                        withEntry(
                                new Crafted.Entry(
                                        "bag/data/null",
                                        (char) TarConstants.LF_CHR,
                                        new byte[0],
                                        null,
                                        -1))));
        v.add(
                new Vector(
                        "fifo",
                        "a FIFO",
                        25,
                        "FIFO",
                        withEntry(
                                new Crafted.Entry(
                                        "bag/data/pipe",
                                        (char) TarConstants.LF_FIFO,
                                        new byte[0],
                                        null,
                                        -1))));
        v.add(
                new Vector(
                        "duplicate-name",
                        "the same file twice",
                        25,
                        "twice",
                        withEntry(Crafted.file("bag/data/statement.txt", "a second copy"))));
        v.add(
                new Vector(
                        "nfc-nfd-collision",
                        "two names equal after Unicode NFC",
                        25,
                        "Unicode form",
                        (signer, intended) -> {
                            List<Crafted.Entry> entries =
                                    new ArrayList<>(validBag(signer, intended));
                            entries.add(1, Crafted.file("bag/data/caf\u00e9.txt", "NFC"));
                            entries.add(2, Crafted.file("bag/data/cafe\u0301.txt", "NFD"));
                            return entries;
                        }));
        v.add(
                new Vector(
                        "case-collision",
                        "two names equal but for case",
                        25,
                        "case",
                        (signer, intended) -> {
                            List<Crafted.Entry> entries =
                                    new ArrayList<>(validBag(signer, intended));
                            entries.add(1, Crafted.file("bag/data/Evidence.txt", "upper"));
                            entries.add(2, Crafted.file("bag/data/evidence.txt", "lower"));
                            return entries;
                        }));
        v.add(
                new Vector(
                        "claimed-1tb",
                        "a header claiming a 1 TB file",
                        25,
                        "over the limit",
                        withEntry(Crafted.claimed("bag/data/huge.bin", 1_000_000_000_000L))));
        v.add(
                new Vector(
                        "second-bag-root",
                        "a second top-level directory",
                        25,
                        "more than one top-level",
                        withEntry(Crafted.file("other/data/x.txt", "second root"))));
        v.add(
                new Vector(
                        "extra-file",
                        "a payload file not in the manifest",
                        24,
                        "not listed in the manifest",
                        (signer, intended) ->
                                Crafted.bag(
                                        "bag",
                                        Map.of(
                                                "data/statement.txt",
                                                "The statement.\n",
                                                "data/extra.txt",
                                                "planted"),
                                        PAYLOAD,
                                        Map.of(),
                                        signer,
                                        intended)));
        v.add(
                new Vector(
                        "missing-file",
                        "a manifest line whose file is absent",
                        24,
                        "missing",
                        (signer, intended) ->
                                Crafted.bag(
                                        "bag",
                                        PAYLOAD,
                                        Map.of(
                                                "data/statement.txt",
                                                "The statement.\n",
                                                "data/witnesses.txt",
                                                "names"),
                                        Map.of(),
                                        signer,
                                        intended)));
        v.add(
                new Vector(
                        "wrong-hash",
                        "a payload file whose checksum differs",
                        24,
                        "checksum mismatch",
                        (signer, intended) ->
                                Crafted.bag(
                                        "bag",
                                        Map.of("data/statement.txt", "An altered statement.\n"),
                                        PAYLOAD,
                                        Map.of(),
                                        signer,
                                        intended)));
        v.add(
                new Vector(
                        "fetch-txt",
                        "a fetch.txt pointing elsewhere",
                        24,
                        "fetch.txt",
                        (signer, intended) ->
                                Crafted.bag(
                                        "bag",
                                        PAYLOAD,
                                        PAYLOAD,
                                        Map.of("fetch.txt", "https://example.org/x 10 data/x\n"),
                                        signer,
                                        intended)));
        v.add(
                new Vector(
                        "wrong-intended-recipient",
                        "a bag signed for someone else and forwarded",
                        21,
                        "forwarded",
                        (signer, intended) ->
                                Crafted.bag(
                                        "bag",
                                        PAYLOAD,
                                        PAYLOAD,
                                        Map.of(),
                                        signer,
                                        List.of(Crafted.cert("other")))));
        v.add(
                new Vector(
                        "bag-signer-not-outer-signer",
                        "a bag signed by another trusted key",
                        21,
                        "must be the same key",
                        (signer, intended) ->
                                Crafted.bag(
                                        "bag",
                                        PAYLOAD,
                                        PAYLOAD,
                                        Map.of(),
                                        Crafted.unlocked("other"),
                                        intended)));
        sealedBagRules(v);
        roundTwo(v);
        return v;
    }

    static List<Certificate> withSender(List<Certificate> recipients, UnlockedKey signer) {
        List<Certificate> all = new ArrayList<>(recipients);
        all.add(signer.certificate());
        return all;
    }

    /** The inner message in another shape, signed outside as sealpack does. */
    static Sealer inner(org.sealpack.pgp.InnerMessage.Shape shape, byte[] junkAfter) {
        return (tar, signer, recipients) -> {
            byte[] message = org.sealpack.pgp.InnerMessage.encrypt(tar, recipients, shape);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(message);
            out.write(junkAfter);
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            org.sealpack.pgp.OuterLayer.sign(file, out.toByteArray(), signer);
            return file.toByteArray();
        };
    }

    /** A valid bag whose signature is made by {@code sign}. */
    static Builder signedWith(SignatureMaker sign) {
        return (signer, intended) ->
                Crafted.bag(
                        "bag",
                        org.sealpack.bag.BagIt.DECLARATION_TEXT,
                        Map.of("data/statement.txt", TEXT),
                        LINE,
                        INFO,
                        Map.of(),
                        List.of(),
                        tagManifest -> {
                            try {
                                return sign.sign(tagManifest, signer, intended);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
    }

    interface SignatureMaker {
        byte[] sign(byte[] tagManifest, UnlockedKey signer, List<Certificate> intended)
                throws Exception;
    }

    /** A valid bag with these raw entries put right before its end (after the payload). */
    static Builder withRaw(Crafted.Entry... raw) {
        return (signer, intended) -> {
            List<Crafted.Entry> entries = new ArrayList<>(validBag(signer, intended));
            for (int i = 0; i < raw.length; i++) {
                entries.add(3 + i, raw[i]);
            }
            return entries;
        };
    }

    /**
     * Issue 16: structure docs/FORMAT.md sections 1-4 pins, and signatures that should not count.
     * Each is refused with its class: malformed (20), a bad signature (21), unsafe (25).
     */
    static void roundTwo(List<Vector> v) {
        java.util.Date time = java.util.Date.from(Crafted.TIME);
        org.sealpack.pgp.InnerMessage.Shape sealpack =
                org.sealpack.pgp.InnerMessage.Shape.sealpack();
        v.add(
                new Vector(
                        "inner-literal-text-mode",
                        "the inner literal data in text mode ('t')",
                        20,
                        "text mode",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        't', "crafted.tar", null, false, false),
                                new byte[0])));
        v.add(
                new Vector(
                        "inner-literal-utf8-mode",
                        "the inner literal data in UTF-8 text mode ('u')",
                        20,
                        "text mode",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        'u', "crafted.tar", null, false, false),
                                new byte[0])));
        v.add(
                new Vector(
                        "inner-literal-odd-name",
                        "the inner literal data named like a path",
                        20,
                        "is named",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        'b', "../../home/user/.bashrc", null, false, false),
                                new byte[0])));
        v.add(
                new Vector(
                        "compressed-bzip2",
                        "a BZip2 Compressed Data packet (FORMAT allows ZLIB or ZIP)",
                        20,
                        "BZip2",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        'b', "crafted.tar", 3, false, false),
                                new byte[0])));
        v.add(
                new Vector(
                        "compressed-uncompressed",
                        "a Compressed Data packet of algorithm 0",
                        20,
                        "'uncompressed'",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        'b', "crafted.tar", 0, false, false),
                                new byte[0])));
        v.add(
                new Vector(
                        "second-literal-after-compressed",
                        "a second literal packet after the compressed one",
                        20,
                        "data after its literal data",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        'b', "crafted.tar", 2, true, false),
                                new byte[0])));
        v.add(
                new Vector(
                        "junk-after-encrypted-message",
                        "a marker packet after the SEIPD inside the outer literal",
                        20,
                        "data after its encrypted message",
                        inner(sealpack, new byte[] {(byte) 0xCA, 3, 'P', 'G', 'P'})));
        v.add(
                new Vector(
                        "seipd-v2-with-v4-keys",
                        "AEAD (SEIPD v2) encryption to v4 keys",
                        20,
                        "SEIPD v2",
                        inner(
                                new org.sealpack.pgp.InnerMessage.Shape(
                                        'b', "crafted.tar", null, false, true),
                                new byte[0])));
        v.add(
                new Vector(
                        "outer-signature-expired",
                        "an outer signature whose own lifetime has ended",
                        21,
                        "expired on",
                        (tar, signer, recipients) -> {
                            java.io.ByteArrayOutputStream file =
                                    new java.io.ByteArrayOutputStream();
                            org.sealpack.pgp.OuterLayer.sign(
                                    file,
                                    org.sealpack.pgp.InnerMessage.encrypt(
                                            tar, recipients, sealpack),
                                    signer,
                                    new java.util.Date(time.getTime() - 7L * 86_400_000),
                                    86_400);
                            return file.toByteArray();
                        }));
        v.add(
                new Vector(
                        "outer-signature-in-2100",
                        "an outer signature made in the year 2100",
                        21,
                        "in the future",
                        (tar, signer, recipients) -> {
                            java.io.ByteArrayOutputStream file =
                                    new java.io.ByteArrayOutputStream();
                            org.sealpack.pgp.OuterLayer.sign(
                                    file,
                                    org.sealpack.pgp.InnerMessage.encrypt(
                                            tar, recipients, sealpack),
                                    signer,
                                    java.util.Date.from(
                                            java.time.Instant.parse("2100-01-01T00:00:00Z")),
                                    0);
                            return file.toByteArray();
                        }));
        v.add(
                new Vector(
                        "bag-signature-expired",
                        "a bag signature whose own lifetime has ended",
                        21,
                        "expired on",
                        signedWith(
                                (tm, signer, intended) ->
                                        org.sealpack.pgp.InnerMessage.bagSignature(
                                                signer,
                                                tm,
                                                intended,
                                                new java.util.Date(
                                                        time.getTime() - 7L * 86_400_000),
                                                86_400,
                                                true))));
        v.add(
                new Vector(
                        "bag-signature-in-2100",
                        "a bag signature made in the year 2100",
                        21,
                        "in the future",
                        signedWith(
                                (tm, signer, intended) ->
                                        org.sealpack.pgp.InnerMessage.bagSignature(
                                                signer,
                                                tm,
                                                intended,
                                                java.util.Date.from(
                                                        java.time.Instant.parse(
                                                                "2100-01-01T00:00:00Z")),
                                                0,
                                                true))));
        v.add(
                new Vector(
                        "bag-signature-binary",
                        "a bag signature in binary, not armored",
                        21,
                        "not one ASCII-armored signature",
                        signedWith(
                                (tm, signer, intended) ->
                                        org.sealpack.pgp.InnerMessage.bagSignature(
                                                signer, tm, intended, time, 0, false))));
        v.add(
                new Vector(
                        "bag-signature-text-before-armor",
                        "text before the bag signature's armor",
                        21,
                        "not one ASCII-armored signature",
                        signedWith(
                                (tm, signer, intended) -> {
                                    byte[] armored =
                                            org.sealpack.pgp.InnerMessage.bagSignature(
                                                    signer, tm, intended, time, 0, true);
                                    return ("This statement was withdrawn on 1 December.\n"
                                                    + new String(
                                                            armored, StandardCharsets.US_ASCII))
                                            .getBytes(StandardCharsets.US_ASCII);
                                })));
        v.add(
                new Vector(
                        "tar-type-X",
                        "a tar entry of type 'X' (a Solaris extended header)",
                        25,
                        "type 'X'",
                        withRaw(
                                new Crafted.Entry(
                                        "bag/data/x",
                                        'X',
                                        "30 path=bag/data/elsewhere.txt\n"
                                                .getBytes(StandardCharsets.UTF_8),
                                        null,
                                        -1))));
        v.add(
                new Vector(
                        "tar-global-header",
                        "a global pax header (applies to every later entry)",
                        25,
                        "global pax header",
                        withRaw(
                                new Crafted.Entry(
                                        "bag/global",
                                        'g',
                                        "18 uname=someone\n".getBytes(StandardCharsets.UTF_8),
                                        null,
                                        -1))));
        v.add(
                new Vector(
                        "tar-gnu-long-name",
                        "a GNU long-name entry",
                        25,
                        "GNU long name",
                        withRaw(
                                new Crafted.Entry(
                                        "././@LongLink",
                                        'L',
                                        "bag/data/long.txt\0".getBytes(StandardCharsets.UTF_8),
                                        null,
                                        -1))));
        v.add(
                new Vector(
                        "tar-sparse-old-gnu",
                        "an old GNU sparse entry (type 'S')",
                        25,
                        "sparse",
                        withRaw(
                                new Crafted.Entry(
                                        "bag/data/sparse.bin", 'S', new byte[1], null, -1))));
        v.add(
                new Vector(
                        "tar-sparse-pax",
                        "a pax GNU sparse entry whose stored 1 byte would expand to 512 MiB",
                        25,
                        "sparse",
                        withRaw(
                                new Crafted.Entry(
                                        "bag/data/sparse.bin",
                                        '0',
                                        new byte[1],
                                        null,
                                        -1,
                                        null,
                                        Map.of(
                                                "GNU.sparse.major",
                                                "1",
                                                "GNU.sparse.minor",
                                                "0",
                                                "GNU.sparse.realsize",
                                                "536870912")))));
        v.add(
                new Vector(
                        "tar-file-then-inside-it",
                        "a file, then an entry inside it as if it were a directory",
                        25,
                        "inside a file",
                        withRaw(
                                Crafted.file("bag/data/notes", "a file"),
                                Crafted.file("bag/data/notes/inside.txt", "x"))));
        v.add(
                new Vector(
                        "tar-directory-then-file",
                        "an entry inside a directory, then a file of the directory's name",
                        25,
                        "where a directory is",
                        withRaw(
                                Crafted.file("bag/data/sub/inside.txt", "x"),
                                Crafted.file("bag/data/sub", "a file"))));
        v.add(
                new Vector(
                        "tar-entry-after-end",
                        "an entry hidden after the end-of-archive blocks",
                        25,
                        "data after its end",
                        (tar, signer, recipients) -> {
                            byte[] hidden =
                                    Crafted.tar(
                                            List.of(
                                                    Crafted.file(
                                                            "bag/data/hidden.txt",
                                                            "read by tar -i")));
                            byte[] both = java.util.Arrays.copyOf(tar, tar.length + hidden.length);
                            System.arraycopy(hidden, 0, both, tar.length, hidden.length);
                            java.io.ByteArrayOutputStream file =
                                    new java.io.ByteArrayOutputStream();
                            org.sealpack.pgp.OuterLayer.sign(
                                    file,
                                    org.sealpack.pgp.InnerMessage.encrypt(
                                            both, recipients, sealpack),
                                    signer);
                            return file.toByteArray();
                        }));
    }

    static final String TEXT = "The statement.\n";
    static final String LINE = Crafted.line("data/statement.txt", TEXT);
    static final String INFO = "Title: crafted\nPayload-Oxum: 15.1\n";

    /**
     * A bag whose tag files are these texts, with these planted entries (no manifest lists them).
     */
    static Builder sealed(
            String declaration,
            String manifest,
            String info,
            Map<String, String> listedExtra,
            Crafted.Entry... unlisted) {
        return (signer, intended) ->
                Crafted.bag(
                        "bag",
                        declaration,
                        Map.of("data/statement.txt", TEXT),
                        manifest,
                        info,
                        listedExtra,
                        List.of(unlisted),
                        signer,
                        intended);
    }

    static Builder planted(Crafted.Entry... unlisted) {
        return sealed(org.sealpack.bag.BagIt.DECLARATION_TEXT, LINE, INFO, Map.of(), unlisted);
    }

    /**
     * Issue 14: what the bag signature does not cover is refused by open and verify --key (the
     * rules of a sealed bag, docs/FORMAT.md section 4), each validly signed and encrypted, so that
     * only the bag rules stand between them and the user.
     */
    static void sealedBagRules(List<Vector> v) {
        String declaration = org.sealpack.bag.BagIt.DECLARATION_TEXT;
        v.add(
                new Vector(
                        "planted-tagmanifest-readme",
                        "an unlisted tag file named like a tag manifest",
                        24,
                        "'tagmanifest-README.txt' is not part of a sealed bag",
                        planted(
                                Crafted.file(
                                        "bag/tagmanifest-README.txt",
                                        "This statement is withdrawn.\n"))));
        v.add(
                new Vector(
                        "planted-tagmanifest-bak",
                        "an unlisted copy of the tag manifest",
                        24,
                        "'tagmanifest-sha512.txt.bak' is not part of a sealed bag",
                        planted(Crafted.file("bag/tagmanifest-sha512.txt.bak", "old\n"))));
        v.add(
                new Vector(
                        "planted-top-directory",
                        "an extra top-level directory with a file in it",
                        24,
                        "'annex' is not part of a sealed bag",
                        planted(
                                Crafted.dir("bag/annex/"),
                                Crafted.file(
                                        "bag/annex/correction.txt",
                                        "The numbers above are false.\n"))));
        v.add(
                new Vector(
                        "planted-second-tag-manifest",
                        "a second tag manifest, in MD5, that nothing signed",
                        24,
                        "'tagmanifest-md5.txt' is not part of a sealed bag",
                        planted(
                                Crafted.file(
                                        "bag/tagmanifest-md5.txt",
                                        "d41d8cd98f00b204e9800998ecf8427e  bagit.txt\n"))));
        v.add(
                new Vector(
                        "planted-empty-directory-with-text",
                        "an empty directory whose name carries a message",
                        24,
                        "'data/This statement is FAKE - see annex' is an empty directory",
                        planted(Crafted.dir("bag/data/This statement is FAKE - see annex/"))));
        v.add(
                new Vector(
                        "planted-second-signature",
                        "a second file under signatures/",
                        24,
                        "'signatures/other.asc' is not part of a sealed bag",
                        planted(
                                Crafted.file(
                                        "bag/signatures/other.asc",
                                        "-----BEGIN PGP SIGNATURE-----\n"))));
        v.add(
                new Vector(
                        "planted-listed-tag-file",
                        "an extra tag file that the tag manifest lists (a sealed bag has none)",
                        24,
                        "'notes.txt' is not part of a sealed bag",
                        sealed(declaration, LINE, INFO, Map.of("notes.txt", "a note\n"))));
        v.add(
                new Vector(
                        "no-payload-oxum",
                        "bag-info.txt without Payload-Oxum",
                        24,
                        "has no Payload-Oxum",
                        sealed(declaration, LINE, "Title: crafted\n", Map.of())));
        v.add(
                new Vector(
                        "second-lying-payload-oxum",
                        "a second Payload-Oxum that lies",
                        24,
                        "2 Payload-Oxum lines",
                        sealed(declaration, LINE, INFO + "Payload-Oxum: 999.9\n", Map.of())));
        v.add(
                new Vector(
                        "manifest-crlf",
                        "a manifest with CR LF line ends",
                        24,
                        "CR LF",
                        sealed(declaration, LINE.replace("\n", "\r\n"), INFO, Map.of())));
        v.add(
                new Vector(
                        "manifest-upper-hex",
                        "a manifest in upper-case hex",
                        24,
                        "lower-case hex",
                        sealed(
                                declaration,
                                LINE.substring(0, 128).toUpperCase() + LINE.substring(128),
                                INFO,
                                Map.of())));
        v.add(
                new Vector(
                        "manifest-tab",
                        "a tab between checksum and path",
                        24,
                        "exactly two spaces",
                        sealed(declaration, LINE.replace("  ", "\t"), INFO, Map.of())));
        v.add(
                new Vector(
                        "bagit-0.97",
                        "bagit.txt of BagIt 0.97 (a sealed bag is 1.0)",
                        24,
                        "bagit.txt is not exactly",
                        sealed(
                                "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n",
                                LINE,
                                INFO,
                                Map.of())));
        v.add(
                new Vector(
                        "anonymous-planted-tag-file",
                        "seizure mode: a co-recipient adds a tag file and re-encrypts",
                        24,
                        "'tagmanifest-README.txt' is not part of a sealed bag",
                        planted(
                                Crafted.file(
                                        "bag/tagmanifest-README.txt",
                                        "This statement is withdrawn.\n")),
                        true));
    }

    @Test
    @EnabledIfSystemProperty(named = "sealpack.generate", matches = "hostile")
    void generate() throws IOException {
        Files.createDirectories(DIR);
        UnlockedKey signer = Crafted.unlocked("signer");
        List<Certificate> recipients = List.of(Crafted.cert("recipient"));
        List<Certificate> intended = List.of(Crafted.cert("recipient"), Crafted.cert("signer"));
        for (Vector v : vectors()) {
            Path sealed = DIR.resolve(v.name() + ".sealed");
            if (Files.exists(sealed)) {
                continue;
            }
            byte[] tar = Crafted.tar(v.builder().entries(signer, intended));
            if (v.sealer() != null) {
                try {
                    Files.write(
                            sealed, v.sealer().seal(tar, signer, withSender(recipients, signer)));
                } catch (Exception e) {
                    throw new IOException(e);
                }
            } else {
                Crafted.seal(sealed, tar, signer, recipients, false, v.anonymous());
            }
            Files.writeString(
                    DIR.resolve(v.name() + ".expect"),
                    "# "
                            + v.description()
                            + "\nexit: "
                            + v.exit()
                            + "\nmessage: "
                            + v.message()
                            + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * 100,000 empty files: built at test time (a committed copy would be megabytes), compressed
     * inside.
     */
    static byte[] manyEntries(int count) throws IOException {
        List<Crafted.Entry> bag =
                validBag(
                        Crafted.unlocked("signer"),
                        List.of(Crafted.cert("recipient"), Crafted.cert("signer")));
        List<Crafted.Entry> entries = new ArrayList<>(bag.size() + count);
        entries.add(bag.get(0));
        for (int i = count - 1; i >= 0; i--) {
            entries.add(Crafted.file(String.format("bag/data/e%06d", i), ""));
        }
        entries.addAll(bag.subList(1, bag.size()));
        return Crafted.tar(entries);
    }
}
