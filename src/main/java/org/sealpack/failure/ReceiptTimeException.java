package org.sealpack.failure;

/**
 * A receipt's time (checkedAt) lies too far from its signature's creation time: it was post- or
 * back-dated.
 */
public final class ReceiptTimeException extends SealpackException {
    public ReceiptTimeException(String message, String hint) {
        super(message, hint);
    }
}
