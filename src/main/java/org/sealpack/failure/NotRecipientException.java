package org.sealpack.failure;

/** The sealed file was not encrypted to the key given. */
public final class NotRecipientException extends SealpackException {
    public NotRecipientException(String message, String hint) {
        super(message, hint);
    }

    public NotRecipientException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
