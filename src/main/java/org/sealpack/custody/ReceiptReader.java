package org.sealpack.custody;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.sealpack.failure.InputException;
import org.sealpack.pgp.DetachedSignature;
import org.sealpack.pgp.SignedMessageReader;

/**
 * Reads one receipt as docs/FORMAT.md R11.7 bounds it, in one pass and without holding it: its size
 * refused before reading when over the bound, its SHA-256 and its signature computed as it is read,
 * only its last part (where the record is) kept, its UTF-8 checked. A return copy (FILE.pgp) is
 * decrypted first, within the same bound. The signature's verdict is left to {@link Signed}.
 */
final class ReceiptReader {
    private static final int BUFFER = 1 << 16;

    private ReceiptReader() {}

    /**
     * A receipt read: its SHA-256 (what a later receipt's "after" names), its record, its signature
     * check.
     */
    record Content(String sha256, ReceiptRecord record) {}

    /**
     * Reads a receipt given as its Markdown file, feeding every byte to the signature when there is
     * one (null: the receipt has none, or it could not be read, which {@link Signed} reports after
     * the record).
     */
    static Content read(Path file, DetachedSignature signature) {
        long size = size(file, ReceiptFile.MAX_BYTES, "receipt");
        byte[] buffer = new byte[BUFFER];
        byte[] tail = new byte[ReceiptFile.MAX_RECORD_BYTES + 2 * BUFFER];
        int kept = 0;
        long total = 0;
        MessageDigest sha256 = ReceiptFile.sha256();
        Utf8 utf8 = new Utf8();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > ReceiptFile.MAX_BYTES) {
                    throw tooLarge(
                            file,
                            "more than " + ReceiptFile.MAX_BYTES,
                            ReceiptFile.MAX_BYTES,
                            "receipt");
                }
                sha256.update(buffer, 0, n);
                if (signature != null) {
                    signature.update(buffer, 0, n);
                }
                if (!utf8.feed(buffer, n)) {
                    throw ReceiptFile.notAReceipt(file.toString(), "it is not UTF-8 text");
                }
                if (kept + n > tail.length) {
                    int drop = kept + n - ReceiptFile.MAX_RECORD_BYTES - BUFFER;
                    System.arraycopy(tail, drop, tail, 0, kept - drop);
                    kept -= drop;
                }
                System.arraycopy(buffer, 0, tail, kept, n);
                kept += n;
            }
        } catch (NoSuchFileException e) {
            throw new InputException("receipt not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the receipt " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
        if (!utf8.end()) {
            throw ReceiptFile.notAReceipt(file.toString(), "it is not UTF-8 text");
        }
        ReceiptRecord record =
                ReceiptFile.parse(Arrays.copyOf(tail, kept), total == kept, file.toString());
        return new Content(HexFormat.of().formatHex(sha256.digest()), record);
    }

    /**
     * The receipt inside a decrypted return copy (held in memory once, within the receipt's bound).
     */
    static Content read(Path file, SignedMessageReader.Opened opened, DetachedSignature signature) {
        byte[] receipt = opened.document();
        if (signature != null) {
            signature.update(receipt, 0, receipt.length);
        }
        Utf8 utf8 = new Utf8();
        if (!utf8.feed(receipt, receipt.length) || !utf8.end()) {
            throw ReceiptFile.notAReceipt(
                    file.toString(), "the receipt inside it is not UTF-8 text");
        }
        int from = Math.max(0, receipt.length - ReceiptFile.MAX_RECORD_BYTES - BUFFER);
        ReceiptRecord record =
                ReceiptFile.parse(
                        Arrays.copyOfRange(receipt, from, receipt.length),
                        from == 0,
                        file.toString());
        return new Content(ReceiptFile.sha256(receipt), record);
    }

    /**
     * Holds a receipt's Markdown to its record (R11.14), reading it again line by line; the bytes
     * must be those read the first time (the same SHA-256).
     */
    static void holdToRecord(Path file, String sha256, ReceiptRecord record) {
        MessageDigest digest = ReceiptFile.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            lines(in, ReceiptMarkdown.of(record, file.toString()), file);
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the receipt " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new InputException(
                    "the receipt " + file + " changed while it was read",
                    "give a copy of the receipt that nothing writes to");
        }
    }

    /** The same for the receipt inside a return copy. */
    static void holdToRecord(Path file, byte[] receipt, ReceiptRecord record) {
        try {
            lines(
                    new ByteArrayInputStream(receipt),
                    ReceiptMarkdown.of(record, file.toString()),
                    file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds the lines (UTF-8, checked on the first read) to the Markdown's check. */
    private static void lines(InputStream in, ReceiptMarkdown markdown, Path file)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int n; (n = in.read(buffer)) > 0; ) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, from, i - from);
                    markdown.line(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    from = i + 1;
                }
            }
            line.write(buffer, from, n - from);
            if (line.size() > ReceiptFile.MAX_RECORD_BYTES) {
                throw ReceiptFile.notAReceipt(
                        file.toString(),
                        "it has a line of more than "
                                + ReceiptFile.MAX_RECORD_BYTES
                                + " bytes, longer than any sealpack writes");
            }
        }
        if (line.size() > 0) {
            markdown.line(line.toString(StandardCharsets.UTF_8));
        }
        markdown.end();
    }

    /**
     * The whole of a small file (a signature, a return copy), its size refused before reading when
     * over the bound.
     */
    static byte[] readSmall(Path file, long max, String what) {
        size(file, max, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw tooLarge(file, "more than " + max, max, what);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputException(what + " not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the " + what + " " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
    }

    /**
     * A file opened for reading in one pass, its size refused before reading when over the bound.
     */
    static InputStream open(Path file, long max, String what) {
        size(file, max, what);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException(what + " not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the " + what + " " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
    }

    private static long size(Path file, long max, String what) {
        try {
            String kind = notRegular(file);
            if (kind != null) {
                throw new InputException(
                        "the "
                                + what
                                + " "
                                + file
                                + " is not a regular file ("
                                + kind
                                + "); it was not opened",
                        "give the "
                                + what
                                + " as a file: sealpack reads receipts only from regular files");
            }
            long size = Files.size(file);
            if (size > max) {
                throw tooLarge(file, size + "", max, what);
            }
            return size;
        } catch (NoSuchFileException e) {
            throw new InputException(what + " not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the " + what + " " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
    }

    /**
     * What a file is when it is not a regular file (followed through links), before it is opened:
     * opening a FIFO with no writer would wait for ever, and a device or socket is no receipt.
     */
    static String notRegular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            switch (type) {
                case 0010000:
                    return "a FIFO (named pipe)";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: the kind is not named
        }
        return "a FIFO, device or socket";
    }

    private static InputException tooLarge(Path file, String size, long max, String what) {
        return new InputException(
                "the "
                        + what
                        + " "
                        + file
                        + " has "
                        + size
                        + " bytes, more than any "
                        + what
                        + " sealpack writes (at most "
                        + max
                        + ": docs/FORMAT.md R11.7);"
                        + " it was not read",
                "it is not a sealpack " + what + "; ask the custodian who sent it what it is");
    }

    /** UTF-8 checked as the bytes come, a character cut between two reads carried to the next. */
    private static final class Utf8 {
        private final CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(BUFFER + 8);
        private final ByteBuffer carry = ByteBuffer.allocate(BUFFER + 8);

        boolean feed(byte[] bytes, int length) {
            for (int off = 0; off < length; ) {
                int n = Math.min(length - off, carry.remaining());
                carry.put(bytes, off, n);
                off += n;
                carry.flip();
                chars.clear();
                CoderResult result = decoder.decode(carry, chars, false);
                carry.compact();
                if (result.isError()) {
                    return false;
                }
            }
            return true;
        }

        boolean end() {
            carry.flip();
            chars.clear();
            boolean ok = !decoder.decode(carry, chars, true).isError() && !carry.hasRemaining();
            return ok && !decoder.flush(chars).isError();
        }
    }
}
