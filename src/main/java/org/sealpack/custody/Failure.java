package org.sealpack.custody;

import java.util.List;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.SealpackException;
import org.sealpack.seal.Checks;

/**
 * A failed check as its receipt records it: its exit code and that code's meaning (the one table),
 * the check it stopped, what failed and what to do.
 */
record Failure(int exitCode, String meaning, String check, String message, String hint) {
    static Failure of(Throwable failure, List<String> passed) {
        ExitCode code = ExitCode.of(failure);
        return new Failure(
                code.code,
                code.meaning,
                failedCheck(failure, passed),
                failure.getMessage() == null ? failure.toString() : failure.getMessage(),
                failure instanceof SealpackException s ? s.hint() : null);
    }

    /**
     * Which check a failure stopped, from its kind (the first signature unless it had passed; the
     * intended recipients once the bag signature passed): never one that passed (R11.15).
     */
    private static String failedCheck(Throwable failure, List<String> passed) {
        return switch (ExitCode.of(failure)) {
            case BAD_SIGNATURE,
                    UNTRUSTED_SIGNER,
                    SIGNER_EXPIRED,
                    SIGNER_REVOKED,
                    WEAK_CRYPTO,
                    NOT_VERIFIABLE ->
                    passed.contains(Checks.BAG_SIGNATURE)
                            ? Checks.INTENDED_RECIPIENT // the bag signature passed: names others
                            : passed.contains(Checks.OUTER_SIGNATURE)
                                            || passed.contains(Checks.INTEGRITY)
                                    ? Checks.BAG_SIGNATURE
                                    : Checks.OUTER_SIGNATURE;
            case TAMPERED -> Checks.INTEGRITY;
            case BAG_INVALID, UNSAFE_ARCHIVE -> Checks.MANIFEST;
            case NOT_RECIPIENT, PASSPHRASE, NOT_SECRET_KEY, KEY, NO_SUCH_KEY, AMBIGUOUS_KEY ->
                    "decryption";
            default -> "format";
        };
    }
}
