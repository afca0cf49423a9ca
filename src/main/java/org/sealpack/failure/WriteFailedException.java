package org.sealpack.failure;

/** Writing the output failed (disk full, permissions); nothing was left behind. */
public final class WriteFailedException extends SealpackException {
    public WriteFailedException(String message, String hint) {
        super(message, hint);
    }

    public WriteFailedException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
