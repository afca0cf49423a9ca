package org.sealpack.failure;

/**
 * The data uses an algorithm that sealpack refuses as unsafe (SHA-1 or MD5 signatures, unprotected
 * encryption).
 */
public final class WeakCryptoException extends SealpackException {
    public WeakCryptoException(String message, String hint) {
        super(message, hint);
    }

    public WeakCryptoException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
