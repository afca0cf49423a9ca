package org.sealpack.failure;

/**
 * The archive holds an entry that could write outside the destination or is not a plain file or
 * directory.
 */
public final class UnsafeArchiveException extends SealpackException {
    public UnsafeArchiveException(String message, String hint) {
        super(message, hint);
    }

    public UnsafeArchiveException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
