package org.sealpack.failure;

/** A signature verifies, or claims to come from a key, that the user did not name as trusted. */
public final class UntrustedSignerException extends SealpackException {
    public UntrustedSignerException(String message, String hint) {
        super(message, hint);
    }

    public UntrustedSignerException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
