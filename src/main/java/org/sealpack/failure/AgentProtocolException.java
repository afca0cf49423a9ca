package org.sealpack.failure;

/**
 * GnuPG's agent (or whatever answers on its socket) broke the Assuan protocol, or returned a
 * signature that does not verify with the key's certificate.
 */
public final class AgentProtocolException extends SealpackException {
    public AgentProtocolException(String message, String hint) {
        super(message, hint);
    }

    public AgentProtocolException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
