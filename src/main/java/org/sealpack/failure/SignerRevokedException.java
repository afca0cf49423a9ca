package org.sealpack.failure;

/** The signer's key is revoked for the signature's time (verify), or now (pack). */
public final class SignerRevokedException extends SealpackException {
    public SignerRevokedException(String message, String hint) {
        super(message, hint);
    }

    public SignerRevokedException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
