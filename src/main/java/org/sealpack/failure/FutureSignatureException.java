package org.sealpack.failure;

/**
 * A signature claims a creation time further ahead of this computer's clock than clocks differ: a
 * bad signature for a sealed file (its exit code), a post-dated one for a receipt (custody reports
 * it as a time, not as an alteration).
 */
public final class FutureSignatureException extends BadSignatureException {
    public FutureSignatureException(String message, String hint) {
        super(message, hint);
    }
}
