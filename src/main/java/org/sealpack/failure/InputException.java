package org.sealpack.failure;

/**
 * An input named on the command line is missing, unreadable or malformed (payload, metadata file,
 * option value).
 */
public class InputException extends SealpackException {
    public InputException(String message, String hint) {
        super(message, hint);
    }

    public InputException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
