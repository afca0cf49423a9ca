package org.sealpack.bag;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** SHA-512 as a stream to write through, on the JDK's own provider. */
public final class Digests {
    private Digests() {}

    public static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance(BagIt.ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static String sha512Hex(byte[] data) {
        return hex(sha512().digest(data));
    }

    /** An output stream that only feeds the digests. */
    public static OutputStream into(MessageDigest... digests) {
        return into(n -> {}, digests);
    }

    /**
     * An output stream that feeds the digests and tells {@code progress} how many bytes went
     * through.
     */
    public static OutputStream into(LongConsumer progress, MessageDigest... digests) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                for (MessageDigest d : digests) {
                    d.update((byte) b);
                }
                progress.accept(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (MessageDigest d : digests) {
                    d.update(b, off, len);
                }
                progress.accept(len);
            }
        };
    }
}
