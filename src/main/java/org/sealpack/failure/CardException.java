package org.sealpack.failure;

/**
 * The OpenPGP card that holds the key is missing or was removed, the wrong card is inserted, or its
 * PIN is blocked.
 */
public final class CardException extends SealpackException {
    public CardException(String message, String hint) {
        super(message, hint);
    }

    public CardException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
