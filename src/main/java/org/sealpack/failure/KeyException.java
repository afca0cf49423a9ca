package org.sealpack.failure;

/**
 * A key or certificate cannot be used: unreadable, corrupt, of the wrong kind, or without a usable
 * subkey.
 */
public final class KeyException extends SealpackException {
    public KeyException(String message, String hint) {
        super(message, hint);
    }

    public KeyException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
