package org.sealpack.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sealpack.hostile.ConformanceVectors.Context;
import org.sealpack.hostile.ConformanceVectors.Vector;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Craft;
import org.sealpack.pgp.UnlockedKey;

/**
 * Conformance vectors of issue 26: files grafted from genuine ones (a donor signature, one garbage
 * byte, no signature, over a body someone else encrypted: refused before anything is decrypted),
 * armored copies with something beside the one armored message, anonymous files with too many
 * recipients or a compressed bomb inside, and GNU's tar magic. Every signature in them is made by
 * real signing with the test keys; the grafts put together packets of genuine files.
 */
final class AuthenticationVectors {
    /**
     * The zeros an anonymous or grafted bomb inflates to (its ZLIB packet holds about a thousandth
     * of it).
     */
    static final int BOMB = 40 << 20;

    private AuthenticationVectors() {}

    static List<Vector> vectors() {
        List<Vector> v = new ArrayList<>();
        // Section 1 and 5: authenticate before decrypting. The body is a compressed bomb that the
        // "other" key
        // (anyone) sealed to the recipient; the one-pass header and the signature come from a
        // genuine file of
        // the trusted signer.
        v.add(
                new Vector(
                        "graft-donor-signature",
                        "a body sealed by someone else under the trusted signer's one-pass"
                                + " header and the signature of another genuine file (refused before decrypting)",
                        "R1.11 R1.20 R5.1",
                        21,
                        "does not match the file",
                        c -> graft(c, Graft.DONOR)));
        v.add(
                new Vector(
                        "graft-garbage-byte",
                        "a body sealed by someone else under the trusted signer's one-pass header,"
                                + " ending in one garbage byte instead of a signature",
                        "R1.12 R1.20",
                        20,
                        "outer signature",
                        c -> graft(c, Graft.GARBAGE)));
        v.add(
                new Vector(
                        "graft-no-signature",
                        "a body sealed by someone else under the trusted signer's one-pass header,"
                                + " with no signature at all",
                        "R1.12 R1.20",
                        20,
                        "the outer signature is missing",
                        c -> graft(c, Graft.NONE)));
        // Section 1: the armored copy, exactly one armored message and nothing else.
        v.add(
                new Vector(
                        "armor-comment-header",
                        "an armored copy with a 'Comment:' armor header",
                        "R1.21",
                        20,
                        "armor header",
                        c ->
                                armored(
                                        c,
                                        s ->
                                                s.replaceFirst(
                                                        "-----\n\n",
                                                        "-----\nComment: RETRACTED - see annex\n\n"))));
        v.add(
                new Vector(
                        "armor-version-header",
                        "an armored copy with a 'Version:' armor header",
                        "R1.21",
                        20,
                        "armor header",
                        c ->
                                armored(
                                        c,
                                        s ->
                                                s.replaceFirst(
                                                        "-----\n\n",
                                                        "-----\nVersion: GnuPG v2\n\n"))));
        v.add(
                new Vector(
                        "armor-text-after",
                        "an armored copy with text after its END line",
                        "R1.21",
                        20,
                        "text after its END line",
                        c -> armored(c, s -> s + "This statement was RETRACTED\n")));
        v.add(
                new Vector(
                        "armor-second-message",
                        "an armored copy followed by a second armored message",
                        "R1.21",
                        20,
                        "second armored block",
                        c -> armored(c, s -> s + "\n" + s)));
        v.add(
                new Vector(
                        "armor-text-before",
                        "an armored copy with text before its BEGIN line",
                        "R1.21",
                        20,
                        "text before its BEGIN line",
                        c -> armored(c, s -> "RETRACTED: see the annex\n" + s)));
        v.add(
                new Vector(
                        "armor-bad-checksum",
                        "an armored copy whose armor checksum does not match",
                        "R1.21",
                        20,
                        "armor checksum",
                        c ->
                                armored(
                                        c,
                                        s -> {
                                            int at = s.lastIndexOf("\n=") + 2;
                                            char changed = s.charAt(at) == 'A' ? 'B' : 'A';
                                            return s.substring(0, at)
                                                    + changed
                                                    + s.substring(at + 1);
                                        })));
        v.add(
                new Vector(
                        "armor-line-breaks-around",
                        "an armored copy with blank lines before its BEGIN line and after its"
                                + " END line, CR LF line ends (accepted: line breaks only)",
                        "R1.21",
                        0,
                        "",
                        c -> armored(c, s -> "\n\r\n" + s.replace("\n", "\r\n") + "\n\n")));
        // Section 3: the tar.
        v.add(
                new Vector(
                        "tar-gnu-magic",
                        "a tar header with GNU's magic 'ustar  ' (old GNU format), not POSIX",
                        "R3.8",
                        20,
                        "GNU tar",
                        c ->
                                c.outer(
                                        ConformanceVectors.patchHeader(
                                                c.goodTar(),
                                                "bag/bagit.txt",
                                                h ->
                                                        System.arraycopy(
                                                                "ustar  \0"
                                                                        .getBytes(
                                                                                StandardCharsets
                                                                                        .ISO_8859_1),
                                                                0,
                                                                h,
                                                                257,
                                                                8)))));
        // Section 8: anonymous files, bounded before their sender is known.
        v.add(
                new Vector(
                        "anonymous-65-recipients",
                        "an anonymous file with 65 hidden recipients (the limit is 64)",
                        "R8.4",
                        25,
                        "over the limit of 64",
                        c -> hidden(c, 65)));
        v.add(
                new Vector(
                        "anonymous-64-recipients",
                        "an anonymous file with 64 hidden recipients (accepted: each key"
                                + " unlocked once)",
                        "R8.4",
                        0,
                        "",
                        c -> hidden(c, 64)));
        v.add(
                new Vector(
                        "anonymous-zlib-bomb",
                        "an anonymous file whose ZLIB packet inflates 40 MiB of zeros from about"
                                + " 40 KB",
                        "R8.5 R9.1",
                        25,
                        "decompression bomb",
                        c -> bomb(c, null)));
        return v;
    }

    enum Graft {
        DONOR,
        GARBAGE,
        NONE
    }

    /**
     * The trusted signer's one-pass header, a body someone else sealed, then the donor's signature,
     * a byte, or nothing.
     */
    static byte[] graft(Context c, Graft how) throws Exception {
        byte[] body = bomb(c, Crafted.unlocked("other"));
        byte[] donor = c.outer(new Craft.Outer());
        List<int[]> bodyPackets = packets(body);
        List<int[]> donorPackets = packets(donor);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] ops = donorPackets.get(0);
        out.write(donor, ops[0], ops[1] - ops[0]);
        int[] literal = bodyPackets.get(1);
        out.write(body, literal[0], literal[1] - literal[0]);
        if (how == Graft.DONOR) {
            int[] signature = donorPackets.get(2);
            out.write(donor, signature[0], signature[1] - signature[0]);
        } else if (how == Graft.GARBAGE) {
            out.write(0x00);
        }
        return out.toByteArray();
    }

    /**
     * A compressed sealed file whose bag holds {@link #BOMB} bytes of zeros: signed outside by
     * {@code sealer}, or anonymous (null). The bag inside is the trusted signer's, to the
     * recipient.
     */
    static byte[] bomb(Context c, UnlockedKey sealer) throws IOException {
        Map<String, String> payload = Map.of("data/zeros.bin", "\0".repeat(BOMB));
        byte[] tar =
                Crafted.tar(
                        Crafted.bag("bag", payload, payload, Map.of(), c.signer(), c.intended()));
        Path tmp = Files.createTempFile("bomb", ".sealed");
        try {
            Crafted.seal(
                    tmp,
                    tar,
                    sealer == null ? c.signer() : sealer,
                    List.of(Crafted.cert("recipient")),
                    true,
                    sealer == null);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * An anonymous file to {@code count} hidden recipients: the recipient once, then the "other"
     * key.
     */
    static byte[] hidden(Context c, int count) throws Exception {
        List<Certificate> to =
                new ArrayList<>(Collections.nCopies(count - 1, Crafted.cert("other")));
        to.add(count / 2, Crafted.cert("recipient"));
        Craft.Inner inner = new Craft.Inner();
        inner.wildcard = true;
        inner.name = "";
        return Craft.inner(c.goodTar(), to, inner);
    }

    /** A good file, armored, then changed as text. */
    static byte[] armored(Context c, java.util.function.UnaryOperator<String> change)
            throws Exception {
        Craft.Outer o = new Craft.Outer();
        o.armored = true;
        String text = new String(c.outer(o), StandardCharsets.US_ASCII);
        return change.apply(text).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The [start, end) of each OpenPGP packet (either header format; partial body lengths
     * followed).
     */
    static List<int[]> packets(byte[] b) {
        List<int[]> out = new ArrayList<>();
        int at = 0;
        while (at < b.length) {
            int start = at;
            int tag = b[at++] & 0xff;
            if ((tag & 0x40) == 0) {
                int lengthType = tag & 3;
                int n = lengthType == 0 ? 1 : lengthType == 1 ? 2 : 4;
                long length = 0;
                for (int i = 0; i < n; i++) {
                    length = length << 8 | b[at++] & 0xff;
                }
                at += (int) length;
            } else {
                while (true) {
                    int first = b[at++] & 0xff;
                    if (first < 192) {
                        at += first;
                        break;
                    } else if (first < 224) {
                        int second = b[at++] & 0xff;
                        at += ((first - 192) << 8) + second + 192;
                        break;
                    } else if (first == 255) {
                        int length =
                                (b[at] & 0xff) << 24
                                        | (b[at + 1] & 0xff) << 16
                                        | (b[at + 2] & 0xff) << 8
                                        | b[at + 3] & 0xff;
                        at += 4 + length;
                        break;
                    } else {
                        at += 1 << (first & 0x1f); // a partial body length: more follows
                    }
                }
            }
            out.add(new int[] {start, at});
        }
        return out;
    }
}
