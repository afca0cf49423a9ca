package org.sealpack.failure;

/** GnuPG (gpg, gpgconf) is not installed, but a key or certificate named gpg:SELECTOR needs it. */
public final class GnuPGMissingException extends SealpackException {
    public GnuPGMissingException(String message, String hint) {
        super(message, hint);
    }

    public GnuPGMissingException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
