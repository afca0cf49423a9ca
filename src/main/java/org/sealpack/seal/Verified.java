package org.sealpack.seal;

/**
 * What a check proved. Only the checks of this package make one ({@link Verifier#custody}, {@link
 * Verifier#full}, {@link Opener#open}), and only after every check of docs/FORMAT.md they run has
 * passed: a report, a receipt or a placed bag built from a {@code Verified} is never about
 * unverified data.
 *
 * @param <R> the report: {@link Reports.Outer} for the custodian's check, {@link Reports.Full} for
 *     a recipient's
 */
public final class Verified<R> {
    private final R report;
    private final String sha256;

    /** The sink the check filled with the plaintext it then verified, or null. */
    private final Object filled;

    Verified(R report, String sha256, Object filled) {
        this.report = report;
        this.sha256 = sha256;
        this.filled = filled;
    }

    public R report() {
        return report;
    }

    /**
     * The SHA-256 of the very bytes that were verified, when the source was {@link
     * Source#hashed()}; else null.
     */
    public String sourceSha256() {
        return sha256;
    }

    /** Whether this result is the one of the check that filled {@code sink}. */
    boolean proves(Object sink) {
        return filled != null && filled == sink;
    }
}
