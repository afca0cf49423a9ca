package org.sealpack.failure;

/** A key selector matches no key in the keyring, or is a short key ID. */
public final class NoSuchKeyException extends SealpackException {
    public NoSuchKeyException(String message, String hint) {
        super(message, hint);
    }

    public NoSuchKeyException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
