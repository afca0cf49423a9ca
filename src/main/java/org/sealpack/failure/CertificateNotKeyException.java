package org.sealpack.failure;

/** A certificate (public key) was given where a secret key is needed. */
public final class CertificateNotKeyException extends SealpackException {
    public CertificateNotKeyException(String message, String hint) {
        super(message, hint);
    }

    public CertificateNotKeyException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
