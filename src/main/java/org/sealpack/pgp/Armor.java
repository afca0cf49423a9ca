package org.sealpack.pgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sealpack.failure.MalformedSealException;

/**
 * ASCII armor read strictly: exactly one armored block of the expected kind and nothing else
 * (docs/FORMAT.md section 1, [R1.21]). Nothing but line breaks before the BEGIN line, which is
 * exactly {@code -----BEGIN PGP KIND-----}; no armor header lines (Comment:, Version:, anything:
 * text that no signature covers and that some tools show); base64 lines; an optional checksum line,
 * which must match; the END line; then nothing but line breaks (no text, no second armored block).
 * Each violation is refused with its own message ({@link MalformedSealException}; a caller that
 * reports another kind of failure, such as a receipt's signature, takes the message from it). Lines
 * end in LF or CR LF.
 */
public final class Armor extends InputStream {
    /** What a sealed file's armor is, and a detached signature's. */
    public static final String MESSAGE = "MESSAGE";

    public static final String SIGNATURE = "SIGNATURE";
    private static final int MAX_LINE = 4096;
    private static final String HINT =
            "the armored copy was altered, or is not the sender's: ask for the file as"
                    + " sealed (binary), or an armored copy with nothing added";

    private final InputStream in;
    private final String kind;
    private final String what;
    private final byte[] line = new byte[MAX_LINE];
    private byte[] decoded = new byte[0];
    private int position;
    private final byte[] quantum = new byte[4];
    private int quantumLength;
    private boolean padded;
    private boolean ended;
    private int crc = 0xB704CE;

    private Armor(InputStream in, String kind, String what) throws IOException {
        this.in = in;
        this.kind = kind;
        this.what = what;
        int length;
        do {
            length = readLine();
        } while (length == 0);
        String begin = "-----BEGIN PGP " + kind + "-----";
        if (length < 0 || !text(length).equals(begin)) {
            throw refused(
                    "does not start with the line "
                            + begin
                            + " (only line breaks may come before it)");
        }
        length = readLine();
        if (length != 0) {
            String header = length < 0 ? "" : text(Math.min(length, 60));
            throw refused(
                    header.contains(":")
                            ? "carries an armor header line (\""
                                    + header
                                    + "\"): text that no signature"
                                    + " covers; a sealed file's armor has none"
                            : "has no empty line after its BEGIN line");
        }
    }

    /**
     * The binary content of a stream that is binary (returned as it is: its first byte has the high
     * bit set) or armored (decoded strictly as above). {@code in} must support mark.
     */
    public static InputStream decoder(InputStream in, String kind, String what) throws IOException {
        in.mark(1);
        int first = in.read();
        in.reset();
        return first >= 0 && (first & 0x80) != 0 ? in : new Armor(in, kind, what);
    }

    /**
     * The binary content of bytes that must be exactly one armored block of the kind, and nothing
     * else.
     */
    public static byte[] dearmor(byte[] bytes, String kind, String what) {
        try (InputStream armor = new Armor(new ByteArrayInputStream(bytes), kind, what)) {
            return armor.readAllBytes();
        } catch (IOException e) {
            throw new MalformedSealException(what + " cannot be read: " + e.getMessage(), HINT, e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (position >= decoded.length) {
            if (ended) {
                return -1;
            }
            nextLine();
        }
        int n = Math.min(len, decoded.length - position);
        System.arraycopy(decoded, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes the next base64 line, or reads the checksum and END lines and what follows them. */
    private void nextLine() throws IOException {
        int length = readLine();
        if (length < 0) {
            throw refused("ends before its END line: it is truncated");
        }
        if (length == 0) {
            throw refused("has an empty line inside its base64 data");
        }
        String end = "-----END PGP " + kind + "-----";
        if (length == 5 && line[0] == '=' && quantumLength == 0) {
            checkSum(text(5).substring(1));
            length = readLine();
            if (length < 0 || !text(length).equals(end)) {
                throw refused("has no END line (" + end + ") after its checksum");
            }
            finish();
            return;
        }
        if (line[0] == '-') {
            if (!text(length).equals(end)) {
                throw refused("ends with a line other than " + end);
            }
            if (quantumLength != 0) {
                throw refused("is cut short inside its base64 data");
            }
            finish();
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 0; i < length; i++) {
            int v = value(line[i]);
            if (v == -2 || padded && line[i] != '=') {
                throw refused("holds a character that is not base64 in its data");
            }
            if (v == -1) {
                padded = true;
            }
            quantum[quantumLength++] = line[i];
            if (quantumLength == 4) {
                decodeQuantum(out);
            }
        }
        decoded = out.toByteArray();
        position = 0;
        for (byte d : decoded) {
            crc = crc24(crc, d);
        }
    }

    private void decodeQuantum(ByteArrayOutputStream out) {
        int bits = 0;
        int chars = 0;
        for (int i = 0; i < 4; i++) {
            int v = value(quantum[i]);
            if (v >= 0) {
                bits = bits << 6 | v;
                chars++;
            } else {
                bits <<= 6;
            }
        }
        if (chars < 2 || chars < 4 && value(quantum[chars]) != -1) {
            throw refused("holds misplaced base64 padding");
        }
        int bytes = chars - 1;
        for (int i = 0; i < bytes; i++) {
            out.write(bits >> 16 - 8 * i);
        }
        quantumLength = 0;
    }

    /** After the END line: nothing but line breaks, then the end of the file. */
    private void finish() throws IOException {
        ended = true;
        decoded = new byte[0];
        position = 0;
        int b;
        while ((b = in.read()) == '\n' || b == '\r') {
            // line breaks only
        }
        if (b < 0) {
            return;
        }
        byte[] rest = new byte[14];
        rest[0] = (byte) b;
        int n = 1 + Math.max(0, in.readNBytes(rest, 1, rest.length - 1));
        if (new String(rest, 0, n, StandardCharsets.ISO_8859_1).startsWith("-----BEGIN PGP")) {
            throw refused("holds a second armored block after the first: only one is allowed");
        }
        throw refused("has text after its END line: text that no signature covers");
    }

    private void checkSum(String base64) {
        byte[] sum;
        try {
            sum = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw refused("has a checksum line that is not base64");
        }
        int stated = (sum[0] & 0xff) << 16 | (sum[1] & 0xff) << 8 | sum[2] & 0xff;
        if (stated != (crc & 0xFFFFFF)) {
            throw refused("does not match its armor checksum: it was damaged or altered");
        }
    }

    private static int crc24(int crc, byte b) {
        crc ^= (b & 0xff) << 16;
        for (int i = 0; i < 8; i++) {
            crc <<= 1;
            if ((crc & 0x1000000) != 0) {
                crc ^= 0x1864CFB;
            }
        }
        return crc & 0xFFFFFF;
    }

    /** 0..63 for a base64 character, -1 for '=', -2 for anything else. */
    private static int value(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : c == '=' ? -1 : -2;
    }

    /**
     * Reads one line without its LF (or CR LF) into {@link #line}; its length, or -1 at the end of
     * the stream.
     */
    private int readLine() throws IOException {
        int n = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (n == MAX_LINE) {
                throw refused("has a line longer than " + MAX_LINE + " bytes");
            }
            line[n++] = (byte) b;
        }
        if (b < 0 && n == 0) {
            return -1;
        }
        return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
    }

    private String text(int length) {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private MalformedSealException refused(String problem) {
        return new MalformedSealException(what + " " + problem, HINT);
    }
}
