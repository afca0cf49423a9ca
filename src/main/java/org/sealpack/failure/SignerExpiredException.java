package org.sealpack.failure;

/** The signer's key was expired when it signed (verify), or is expired now (pack). */
public final class SignerExpiredException extends SealpackException {
    public SignerExpiredException(String message, String hint) {
        super(message, hint);
    }

    public SignerExpiredException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
