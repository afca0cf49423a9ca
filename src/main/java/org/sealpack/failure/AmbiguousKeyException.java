package org.sealpack.failure;

/** A key selector (user ID substring) matches more than one key. */
public final class AmbiguousKeyException extends SealpackException {
    public AmbiguousKeyException(String message, String hint) {
        super(message, hint);
    }

    public AmbiguousKeyException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
