package org.sealpack.failure;

/** The bag inside is not a valid, complete BagIt bag: a checksum, file or tag file is wrong. */
public final class BagInvalidException extends SealpackException {
    public BagInvalidException(String message, String hint) {
        super(message, hint);
    }

    public BagInvalidException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
