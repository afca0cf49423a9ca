package org.sealpack.custody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sealpack.failure.InputException;

/**
 * A receipt file (docs/FORMAT.md section 11): UTF-8 Markdown for people, ending with its record for
 * machines in one fenced block opened by the line {@value #START} and closed by a line of three
 * backticks, the last line of the file. Its signature is a detached, ASCII-armored OpenPGP
 * signature over every byte of the file, in FILE.asc: `gpg --verify FILE.asc FILE` checks it. Its
 * copy for the return trip is FILE.pgp, the receipt signed and encrypted to the sender.
 */
public final class ReceiptFile {
    public static final String START = "```json sealpack-receipt-1";
    private static final String END = "```";

    /**
     * The most bytes a receipt may have (R11.7): the largest sealpack writes at its default limits
     * is far less.
     */
    public static final long MAX_BYTES = 64L << 20;

    /** The most bytes of the record block, from its opening line to the end of the file (R11.7). */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    /** The most bytes of a receipt's signature file (R11.7): one signature is a few hundred. */
    public static final long MAX_SIGNATURE_BYTES = 64L << 10;

    /**
     * The most bytes of a return copy: the receipt's bound, ASCII-armored (4/3), and the OpenPGP
     * packets around it.
     */
    public static final long MAX_RETURN_BYTES = MAX_BYTES / 3 * 4 + (1L << 20);

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReceiptFile() {}

    /** The record as a receipt holds it (between its opening line and the closing backticks). */
    static String json(ReceiptRecord record) {
        try {
            return JSON.writeValueAsString(record).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole receipt: the Markdown for people, then the record. */
    public static String render(String markdown, ReceiptRecord record) {
        {
            String json = json(record);
            return markdown
                    + (markdown.endsWith("\n") ? "" : "\n")
                    + "\n## Record (machine-readable)\n\n"
                    + START
                    + "\n"
                    + json
                    + "\n"
                    + END
                    + "\n";
        }
    }

    /** The signature file of a receipt: FILE.asc beside it. */
    public static Path signatureOf(Path receipt) {
        return receipt.resolveSibling(receipt.getFileName() + ".asc");
    }

    /** The copy of a receipt for the return trip: FILE.pgp, signed and encrypted to the sender. */
    public static Path returnCopyOf(Path receipt) {
        return receipt.resolveSibling(receipt.getFileName() + ".pgp");
    }

    /**
     * The SHA-256 of a receipt that a later receipt follows (--after), read as a checker reads it
     * (R11.7).
     */
    public static String link(Path receipt) {
        return ReceiptReader.read(receipt, null).sha256();
    }

    /** Whether a receipt given is a return copy (FILE.pgp) rather than the receipt itself. */
    static boolean isReturnCopy(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".pgp");
    }

    /**
     * The record from the end of a receipt: {@code tail} holds its last bytes (all of them when
     * {@code whole}), at most {@link #MAX_RECORD_BYTES} plus what was read with them.
     */
    static ReceiptRecord parse(byte[] tail, boolean whole, String name) {
        String text;
        int from = 0;
        while (!whole && from < 3 && from < tail.length && (tail[from] & 0xC0) == 0x80) {
            from++; // the tail was cut inside a character: its first bytes belong to the text
            // before
        }
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(tail, from, tail.length - from))
                            .toString();
        } catch (CharacterCodingException e) {
            throw notAReceipt(name, "it is not UTF-8 text");
        }
        if (!text.endsWith("\n" + END + "\n")) {
            throw notAReceipt(name, "it does not end with a record block (" + START + ")");
        }
        int start = text.lastIndexOf("\n" + START + "\n");
        int recordBytes =
                start < 0
                        ? Integer.MAX_VALUE
                        : text.substring(start + 1).getBytes(StandardCharsets.UTF_8).length;
        if (start < 0 || recordBytes > MAX_RECORD_BYTES) {
            throw notAReceipt(
                    name,
                    start < 0 && whole
                            ? "it does not end with a record block (" + START + ")"
                            : "its record block is not within its last "
                                    + MAX_RECORD_BYTES
                                    + " bytes (docs/FORMAT.md R11.7)");
        }
        String json = text.substring(start + START.length() + 2, text.length() - END.length() - 1);
        try {
            return JSON.treeToValue(RecordRules.check(json, name), ReceiptRecord.class);
        } catch (JsonProcessingException e) {
            throw notAReceipt(name, "its record is not valid (" + e.getOriginalMessage() + ")");
        }
    }

    static InputException notAReceipt(String name, String why) {
        return new InputException(
                name + " is not a sealpack receipt: " + why,
                "give the receipt files that `sealpack verify`, `open` or `custody carry` wrote with --receipt");
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses (exit 3) a file that custody reads and that is no regular file (a FIFO, a device, a
     * socket, a directory; links followed), before it is opened: opening a FIFO with no writer
     * would wait for ever, and a device such as /dev/zero never ends (docs/FORMAT.md R11.7).
     */
    public static void requireRegular(Path file, String what) {
        String kind;
        try {
            kind = ReceiptReader.notRegular(file);
        } catch (NoSuchFileException e) {
            throw new InputException(what + " not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + what + " " + file + ": " + e.getMessage(),
                    "check its permissions");
        }
        if (kind != null) {
            throw new InputException(
                    what + " " + file + " is not a regular file (" + kind + "); it was not opened",
                    "copy it into a regular file first: custody reads only regular files");
        }
    }
}
