package org.sealpack.failure;

/**
 * A holey bag: valid, but payload files that fetch.txt lists are not there (sealpack never
 * fetches).
 */
public final class BagIncompleteException extends SealpackException {
    public BagIncompleteException(String message, String hint) {
        super(message, hint);
    }
}
