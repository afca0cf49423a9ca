package org.sealpack.failure;

/**
 * The file cannot be verified this way: an anonymous file carries no outer signature, only a
 * recipient can verify it.
 */
public final class NotVerifiableException extends SealpackException {
    public NotVerifiableException(String message, String hint) {
        super(message, hint);
    }
}
