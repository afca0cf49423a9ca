package org.sealpack.failure;

/**
 * The options or arguments given contradict each other or name something that cannot be used so.
 */
public final class UsageException extends SealpackException {
    public UsageException(String message, String hint) {
        super(message, hint);
    }
}
