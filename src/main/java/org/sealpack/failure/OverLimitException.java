package org.sealpack.failure;

/**
 * A payload over a limit that a recipient's sealpack applies when opening: refused before sealing.
 */
public final class OverLimitException extends InputException {
    private final Limit limit;

    public OverLimitException(String message, String hint, Limit limit, Throwable cause) {
        super(message, hint, cause);
        this.limit = limit;
    }

    /** Which limit. */
    public Limit limit() {
        return limit;
    }
}
