package org.sealpack.failure;

/** A recipient's certificate is expired or revoked, so nothing may be sealed to it. */
public final class RecipientUnusableException extends SealpackException {
    public RecipientUnusableException(String message, String hint) {
        super(message, hint);
    }

    public RecipientUnusableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
