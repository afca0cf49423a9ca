package org.sealpack.custody;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.sealpack.failure.InputException;

/**
 * A receipt file (docs/FORMAT.md section 11): UTF-8 Markdown for people, ending with its record for
 * machines in one fenced block opened by the line {@value #START} and closed by a line of three
 * backticks, the last line of the file. Its signature is a detached, ASCII-armored OpenPGP signature
 * over every byte of the file, in FILE.asc: `gpg --verify FILE.asc FILE` checks it.
 */
public final class ReceiptFile {
    public static final String START = "```json sealpack-receipt-1";
    private static final String END = "```";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A receipt as read: its bytes, their SHA-256 (what a later receipt's "after" names) and its record. */
    public record Read(Path path, byte[] bytes, String sha256, ReceiptRecord record) {
    }

    private ReceiptFile() {
    }

    /** The whole receipt: the Markdown for people, then the record. */
    public static String render(String markdown, ReceiptRecord record) {
        try {
            String json = JSON.writeValueAsString(record).replace("\r\n", "\n");
            return markdown + (markdown.endsWith("\n") ? "" : "\n") + "\n## Record (machine-readable)\n\n" + START + "\n"
                    + json + "\n" + END + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature file of a receipt: FILE.asc beside it. */
    public static Path signatureOf(Path receipt) {
        return receipt.resolveSibling(receipt.getFileName() + ".asc");
    }

    public static Read read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException("receipt not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException("cannot read the receipt " + file + ": " + e.getMessage(), "check its permissions");
        }
        return new Read(file, bytes, sha256(bytes), parse(bytes, file.toString()));
    }

    static ReceiptRecord parse(byte[] bytes, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notAReceipt(name, "it is not UTF-8 text");
        }
        int start = text.lastIndexOf("\n" + START + "\n");
        if (start < 0 || !text.endsWith("\n" + END + "\n")) {
            throw notAReceipt(name, "it does not end with a record block (" + START + ")");
        }
        String json = text.substring(start + START.length() + 2, text.length() - END.length() - 1);
        try {
            ReceiptRecord record = JSON.readValue(json, ReceiptRecord.class);
            if (!ReceiptRecord.FORMAT.equals(record.format())) {
                throw notAReceipt(name, "its record is of format " + record.format() + ", not " + ReceiptRecord.FORMAT);
            }
            if (record.checkedAt() == null || record.verdict() == null || record.sealedFile() == null) {
                throw notAReceipt(name, "its record lacks checkedAt, verdict or sealedFile");
            }
            java.time.Instant.parse(record.checkedAt());
            return record;
        } catch (JsonProcessingException e) {
            throw notAReceipt(name, "its record is not valid (" + e.getOriginalMessage() + ")");
        } catch (java.time.format.DateTimeParseException e) {
            throw notAReceipt(name, "its time is not ISO 8601");
        }
    }

    private static InputException notAReceipt(String name, String why) {
        return new InputException(name + " is not a sealpack receipt: " + why,
                "give the receipt files that `sealpack verify` or `open` wrote with --receipt");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
