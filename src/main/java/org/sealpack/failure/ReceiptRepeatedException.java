package org.sealpack.failure;

/**
 * The same receipt given twice to a custody check (the same file, or a byte-identical copy): a
 * replay.
 */
public final class ReceiptRepeatedException extends SealpackException {
    public ReceiptRepeatedException(String message, String hint) {
        super(message, hint);
    }
}
