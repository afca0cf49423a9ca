package org.sealpack.failure;

/** A signature is missing, does not verify, or does not cover what it must. */
public class BadSignatureException extends SealpackException {
    public BadSignatureException(String message, String hint) {
        super(message, hint);
    }

    public BadSignatureException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
