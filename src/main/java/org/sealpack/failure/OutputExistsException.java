package org.sealpack.failure;

/** The output exists and would be overwritten; nothing was written. */
public final class OutputExistsException extends SealpackException {
    public OutputExistsException(String message, String hint) {
        super(message, hint);
    }

    public OutputExistsException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
