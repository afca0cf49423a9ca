package org.sealpack.failure;

/** The user stopped the command (declined a confirmation); nothing was changed. */
public final class CancelledException extends SealpackException {
    public CancelledException(String message, String hint) {
        super(message, hint);
    }
}
