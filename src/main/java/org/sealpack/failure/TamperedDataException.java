package org.sealpack.failure;

/** The encrypted data failed its integrity check (MDC or AEAD): it was altered. */
public final class TamperedDataException extends SealpackException {
    public TamperedDataException(String message, String hint) {
        super(message, hint);
    }

    public TamperedDataException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
