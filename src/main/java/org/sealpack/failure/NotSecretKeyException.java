package org.sealpack.failure;

/** A certificate (public key) was given where a secret key is needed. */
public final class NotSecretKeyException extends SealpackException {
    public NotSecretKeyException(String message, String hint) {
        super(message, hint);
    }

    public NotSecretKeyException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
