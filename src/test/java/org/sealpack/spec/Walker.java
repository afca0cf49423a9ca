package org.sealpack.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, independent reader of the packets and the tar that docs/FORMAT.md pins: written from RFC
 * 4880, RFC 9580 and POSIX.1-2001 alone, sharing no code with sealpack's parser or Bouncy Castle.
 * It reads and reports fields; the tests say what they must be.
 */
public final class Walker {
    private Walker() {}

    /** One OpenPGP packet: its tag, its body, and whether the body came in partial lengths. */
    public record Packet(int tag, byte[] body, boolean partial, boolean newFormat) {}

    /** Every packet of a binary OpenPGP stream, in order. */
    public static List<Packet> packets(byte[] data) {
        List<Packet> packets = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int ctb = data[at++] & 0xff;
            if ((ctb & 0x80) == 0) {
                throw new IllegalArgumentException("not a packet header at " + (at - 1));
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean partial = false;
            int tag;
            boolean newFormat = (ctb & 0x40) != 0;
            if (newFormat) {
                tag = ctb & 0x3f;
                while (true) {
                    int o1 = data[at++] & 0xff;
                    long length;
                    boolean more = false;
                    if (o1 < 192) {
                        length = o1;
                    } else if (o1 < 224) {
                        length = ((o1 - 192) << 8) + (data[at++] & 0xff) + 192;
                    } else if (o1 == 255) {
                        length = u32(data, at);
                        at += 4;
                    } else {
                        length = 1L << (o1 & 0x1f);
                        more = true;
                        partial = true;
                    }
                    body.write(data, at, (int) length);
                    at += (int) length;
                    if (!more) {
                        break;
                    }
                }
            } else {
                tag = (ctb >> 2) & 0x0f;
                int type = ctb & 3;
                long length;
                if (type == 0) {
                    length = data[at++] & 0xff;
                } else if (type == 1) {
                    length = u16(data, at);
                    at += 2;
                } else if (type == 2) {
                    length = u32(data, at);
                    at += 4;
                } else {
                    length = data.length - at;
                }
                body.write(data, at, (int) length);
                at += (int) length;
            }
            packets.add(new Packet(tag, body.toByteArray(), partial, newFormat));
        }
        return packets;
    }

    /** RFC 4880 5.4 / RFC 9580 5.4: a one-pass signature packet. */
    public record OnePass(
            int version,
            int type,
            int hash,
            int publicKey,
            byte[] issuer,
            byte[] salt,
            int nested) {
        static OnePass of(byte[] b) {
            if (b[0] == 3) {
                return new OnePass(
                        3,
                        b[1] & 0xff,
                        b[2] & 0xff,
                        b[3] & 0xff,
                        slice(b, 4, 8),
                        new byte[0],
                        b[12] & 0xff);
            }
            int saltLength = b[4] & 0xff;
            return new OnePass(
                    b[0],
                    b[1] & 0xff,
                    b[2] & 0xff,
                    b[3] & 0xff,
                    slice(b, 5 + saltLength, 32),
                    slice(b, 5, saltLength),
                    b[5 + saltLength + 32] & 0xff);
        }
    }

    public static OnePass onePass(Packet p) {
        return OnePass.of(p.body());
    }

    /** RFC 4880 5.9: a literal data packet's header and body. */
    public record Literal(char format, String name, long date, byte[] body) {}

    public static Literal literal(Packet p) {
        byte[] b = p.body();
        int nameLength = b[1] & 0xff;
        return new Literal(
                (char) b[0],
                new String(b, 2, nameLength, StandardCharsets.ISO_8859_1),
                u32(b, 2 + nameLength),
                slice(b, 6 + nameLength, b.length - 6 - nameLength));
    }

    /** One signature subpacket. */
    public record Subpacket(int type, boolean critical, byte[] body) {}

    /** RFC 4880 5.2.3 / RFC 9580 5.2.3: a v4 or v6 signature packet. */
    public record Signature(
            int version,
            int type,
            int publicKey,
            int hash,
            List<Subpacket> hashed,
            List<Subpacket> unhashed,
            byte[] prefix) {
        public List<Integer> hashedTypes() {
            return hashed.stream().map(Subpacket::type).toList();
        }

        public byte[] first(int type) {
            return hashed.stream()
                    .filter(s -> s.type() == type)
                    .map(Subpacket::body)
                    .findFirst()
                    .orElse(null);
        }
    }

    public static Signature signature(Packet p) {
        byte[] b = p.body();
        int version = b[0];
        int at = 4;
        int hashedLength = version == 6 ? (int) u32(b, at) : u16(b, at);
        at += version == 6 ? 4 : 2;
        List<Subpacket> hashed = subpackets(b, at, hashedLength);
        at += hashedLength;
        int unhashedLength = version == 6 ? (int) u32(b, at) : u16(b, at);
        at += version == 6 ? 4 : 2;
        List<Subpacket> unhashed = subpackets(b, at, unhashedLength);
        at += unhashedLength;
        return new Signature(
                version, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff, hashed, unhashed, slice(b, at, 2));
    }

    private static List<Subpacket> subpackets(byte[] b, int from, int length) {
        List<Subpacket> result = new ArrayList<>();
        int at = from;
        while (at < from + length) {
            int o1 = b[at++] & 0xff;
            int size;
            if (o1 < 192) {
                size = o1;
            } else if (o1 < 255) {
                size = ((o1 - 192) << 8) + (b[at++] & 0xff) + 192;
            } else {
                size = (int) u32(b, at);
                at += 4;
            }
            int type = b[at] & 0xff;
            result.add(new Subpacket(type & 0x7f, (type & 0x80) != 0, slice(b, at + 1, size - 1)));
            at += size;
        }
        return result;
    }

    /**
     * RFC 4880 5.1 / RFC 9580 5.1: a PKESK; {@code recipient} is the key ID (v3) or the fingerprint
     * (v6, empty if anonymous).
     */
    public record Pkesk(int version, byte[] recipient, int publicKey) {}

    public static Pkesk pkesk(Packet p) {
        byte[] b = p.body();
        if (b[0] == 3) {
            return new Pkesk(3, slice(b, 1, 8), b[9] & 0xff);
        }
        int length = b[1] & 0xff;
        byte[] recipient = length == 0 ? new byte[0] : slice(b, 3, length - 1);
        return new Pkesk(b[0], recipient, b[2 + length] & 0xff);
    }

    /** RFC 9580 5.13: the SEIPD header (for version 1, only the version is in the clear). */
    public record Seipd(int version, int cipher, int aead, int chunkOctet, int saltLength) {}

    public static Seipd seipd(Packet p) {
        byte[] b = p.body();
        if (b[0] == 1) {
            return new Seipd(1, -1, -1, -1, 0);
        }
        return new Seipd(b[0], b[1] & 0xff, b[2] & 0xff, b[3] & 0xff, 32);
    }

    /** One tar entry: the ustar header fields, the pax records before it, and its content. */
    public record TarEntry(
            String name,
            char type,
            int mode,
            long uid,
            long gid,
            String uname,
            String gname,
            long mtime,
            String magic,
            String version,
            Map<String, String> pax,
            byte[] content) {}

    /**
     * The tar's entries, and how many bytes follow the end-of-archive blocks (all zeros, checked).
     */
    public record Tar(List<TarEntry> entries, int trailingBytes, int length) {}

    public static Tar tar(byte[] t) {
        List<TarEntry> entries = new ArrayList<>();
        Map<String, String> pax = new LinkedHashMap<>();
        int at = 0;
        while (true) {
            if (at + 512 > t.length) {
                throw new IllegalArgumentException("no end-of-archive block");
            }
            if (allZero(t, at, 512)) {
                break;
            }
            long sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += i >= 148 && i < 156 ? ' ' : t[at + i] & 0xff;
            }
            if (sum != Long.parseLong(field(t, at + 148, 8).trim(), 8)) {
                throw new IllegalArgumentException("bad checksum at " + at);
            }
            char type = (char) t[at + 156];
            long size = Long.parseLong(field(t, at + 124, 12).trim(), 8);
            byte[] content = slice(t, at + 512, (int) size);
            String prefix = field(t, at + 345, 155);
            String name = (prefix.isEmpty() ? "" : prefix + "/") + field(t, at, 100);
            if (type == 'x') {
                pax.putAll(paxRecords(content));
            } else {
                if (pax.containsKey("path")) {
                    name = pax.get("path");
                }
                entries.add(
                        new TarEntry(
                                name,
                                type,
                                Integer.parseInt(field(t, at + 100, 8).trim(), 8),
                                Long.parseLong(field(t, at + 108, 8).trim(), 8),
                                Long.parseLong(field(t, at + 116, 8).trim(), 8),
                                field(t, at + 265, 32),
                                field(t, at + 297, 32),
                                Long.parseLong(field(t, at + 136, 12).trim(), 8),
                                field(t, at + 257, 6),
                                new String(t, at + 263, 2, StandardCharsets.US_ASCII),
                                Map.copyOf(pax),
                                content));
                pax.clear();
            }
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        int end = at;
        if (!allZero(t, end, t.length - end)) {
            throw new IllegalArgumentException("data after the end-of-archive block");
        }
        return new Tar(entries, t.length - end, t.length);
    }

    private static Map<String, String> paxRecords(byte[] data) {
        Map<String, String> records = new LinkedHashMap<>();
        String text = new String(data, StandardCharsets.UTF_8);
        int at = 0;
        while (at < data.length) {
            int space = text.indexOf(' ', at);
            int length = Integer.parseInt(text.substring(at, space));
            String record =
                    new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            records.put(
                    record.substring(0, record.indexOf('=')),
                    record.substring(record.indexOf('=') + 1));
            at += length;
        }
        return records;
    }

    private static String field(byte[] t, int at, int length) {
        int end = at;
        while (end < at + length && t[end] != 0) {
            end++;
        }
        return new String(t, at, end - at, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] b, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] slice(byte[] b, int from, int length) {
        return java.util.Arrays.copyOfRange(b, from, from + length);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xff) << 24
                | (b[at + 1] & 0xff) << 16
                | (b[at + 2] & 0xff) << 8
                | b[at + 3] & 0xff;
    }

    /** Lower-case hex. */
    public static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }

    /** The body of the only armored block in {@code text}, decoded (CRC line skipped). */
    public static byte[] dearmor(String text) {
        String[] lines = text.split("\n");
        StringBuilder base64 = new StringBuilder();
        boolean inBody = false;
        for (String line : lines) {
            if (line.startsWith("-----BEGIN")) {
                inBody = false;
                continue;
            }
            if (line.startsWith("-----END")) {
                break;
            }
            if (!inBody) {
                if (line.isEmpty()) {
                    inBody = true;
                }
                continue;
            }
            if (!line.startsWith("=")) {
                base64.append(line.strip());
            }
        }
        return java.util.Base64.getDecoder().decode(base64.toString());
    }
}
