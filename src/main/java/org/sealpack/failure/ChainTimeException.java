package org.sealpack.failure;

/** Times go backwards along a chain of receipts: a receipt is older than one it follows. */
public final class ChainTimeException extends SealpackException {
    public ChainTimeException(String message, String hint) {
        super(message, hint);
    }
}
