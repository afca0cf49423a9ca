package org.sealpack.failure;

/**
 * The root of every failure sealpack reports. Each subclass is one kind of failure; the command
 * line maps each kind to one exit code, in one table. The message is one line saying what is wrong;
 * the hint, when there is one, says what to do next.
 */
public abstract class SealpackException extends RuntimeException {
    private final String hint;

    protected SealpackException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    protected SealpackException(String message, String hint) {
        this(message, hint, null);
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
