package org.sealpack.failure;

/** GnuPG's agent cannot be reached or started (no socket, refused, or it hung up). */
public final class AgentUnreachableException extends SealpackException {
    public AgentUnreachableException(String message, String hint) {
        super(message, hint);
    }

    public AgentUnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
