package org.sealpack.pgp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;

/**
 * The outer signature of a sealed file on disk, read from the file's end before anything else: it
 * says who signed the file, so that a file whose signer is not trusted, or whose one-pass header
 * disagrees with its signature, is refused before a byte of it is decrypted (an 8 GiB file from an
 * untrusted sender costs a read of its first and last few kilobytes, not 8 GiB of decryption and
 * disk). Nothing here is verified: the signature is checked over the data at the end, as always.
 */
final class OuterTail {
    /** The outer signature packet is a few hundred bytes; it ends the file. */
    private static final int TAIL = 4096;

    private OuterTail() {}

    /**
     * The signature packet that ends the file open at {@code channel} (read with positional reads,
     * so the channel's position does not move), or null if the file does not end with one.
     */
    static PGPSignature read(FileChannel channel) {
        byte[] tail;
        try {
            long size = channel.size();
            int n = (int) Math.min(size, TAIL);
            ByteBuffer buffer = ByteBuffer.allocate(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, size - n + buffer.position()) < 0) {
                    return null;
                }
            }
            tail = buffer.array();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (int i = tail.length - 2; i >= 0; i--) {
            int b = tail[i] & 0xff;
            if (b != 0xC2 && (b & 0xFC) != 0x88) {
                continue; // not the header of a signature packet (tag 2, either format)
            }
            byte[] candidate = Arrays.copyOfRange(tail, i, tail.length);
            try {
                PGPObjectFactory factory = new PGPObjectFactory(candidate, Crypto.fingerprints());
                if (factory.nextObject() instanceof PGPSignatureList list
                        && list.size() == 1
                        && factory.nextObject() == null
                        && Arrays.equals(list.get(0).getEncoded(), candidate)) {
                    return list.get(0);
                }
            } catch (IOException | RuntimeException notHere) {
                // not a whole signature packet ending the file: look further back
            }
        }
        return null;
    }
}
