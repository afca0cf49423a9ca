package org.sealpack.failure;

/** A receipt links to a previous receipt that was not given. */
public final class ChainLinkMissingException extends SealpackException {
    public ChainLinkMissingException(String message, String hint) {
        super(message, hint);
    }
}
