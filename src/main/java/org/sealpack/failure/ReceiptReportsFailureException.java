package org.sealpack.failure;

/** A receipt in a chain reports that its check failed. */
public final class ReceiptReportsFailureException extends SealpackException {
    public ReceiptReportsFailureException(String message, String hint) {
        super(message, hint);
    }
}
