package org.sealpack.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the first bytes of a file say about it, without parsing it. */
public final class Packets {
    private Packets() {}

    /**
     * Whether the file starts as a sealed file does: a One-Pass Signature packet (tag 4), or for an
     * anonymous file a Public-Key Encrypted Session Key packet (tag 1), in either header format; or
     * an ASCII-armored OpenPGP message.
     */
    public static boolean looksSealed(Path file) throws IOException {
        byte[] head = new byte[27];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            return false;
        }
        if (new String(head, 0, n, StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN PGP MESSAGE-----")) {
            return true;
        }
        int b = head[0] & 0xff;
        if ((b & 0x80) == 0) {
            return false;
        }
        int tag = (b & 0x40) != 0 ? b & 0x3f : (b >> 2) & 0x0f;
        return tag == 4 || tag == 1;
    }
}
