package org.sealpack.failure;

/** The file is not a sealed file in the format of docs/FORMAT.md, or is truncated or corrupt. */
public final class MalformedSealException extends SealpackException {
    public MalformedSealException(String message, String hint) {
        super(message, hint);
    }

    public MalformedSealException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
