package org.sealpack.failure;

/** The passphrase is wrong, or none was given where one is needed. */
public final class PassphraseException extends SealpackException {
    public PassphraseException(String message, String hint) {
        super(message, hint);
    }

    public PassphraseException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
