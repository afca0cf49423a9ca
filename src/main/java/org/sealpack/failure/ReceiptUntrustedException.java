package org.sealpack.failure;

/** A receipt is not signed, or signed by a custodian the user did not name as trusted. */
public final class ReceiptUntrustedException extends SealpackException {
    public ReceiptUntrustedException(String message, String hint) {
        super(message, hint);
    }
}
