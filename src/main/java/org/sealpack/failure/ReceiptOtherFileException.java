package org.sealpack.failure;

/** A receipt names another sealed file or bag than the one being checked. */
public final class ReceiptOtherFileException extends SealpackException {
    public ReceiptOtherFileException(String message, String hint) {
        super(message, hint);
    }
}
