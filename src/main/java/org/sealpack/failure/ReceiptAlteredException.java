package org.sealpack.failure;

/**
 * A receipt, or its signature, was altered after it was signed (or its signature names another
 * custodian).
 */
public final class ReceiptAlteredException extends SealpackException {
    public ReceiptAlteredException(String message, String hint) {
        super(message, hint);
    }
}
