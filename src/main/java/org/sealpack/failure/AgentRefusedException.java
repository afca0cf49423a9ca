package org.sealpack.failure;

/**
 * GnuPG's agent refused the secret operation for another reason it gave (an error code that has no
 * kind of its own).
 */
public final class AgentRefusedException extends SealpackException {
    public AgentRefusedException(String message, String hint) {
        super(message, hint);
    }

    public AgentRefusedException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
