package org.sealpack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiting for an observed event (a file appearing, a byte count reached, a line on a screen),
 * checked every few milliseconds. How long it takes never decides a test: the only bound is a guard
 * of minutes against a hang, after which the test fails saying what never happened.
 */
public final class Await {
    private static final long GUARD_MINUTES = 5;

    private Await() {}

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Returns once the condition holds; fails if {@code stillPossible} stops holding first, or at
     * the guard.
     */
    public static void until(String event, Condition condition, Condition stillPossible)
            throws Exception {
        long guard = System.nanoTime() + TimeUnit.MINUTES.toNanos(GUARD_MINUTES);
        while (!condition.holds()) {
            if (!stillPossible.holds()) {
                throw new AssertionError("it can no longer happen: " + event);
            }
            if (System.nanoTime() > guard) {
                throw new AssertionError(
                        "never happened in " + GUARD_MINUTES + " minutes: " + event);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    public static void until(String event, Condition condition) throws Exception {
        until(event, condition, () -> true);
    }
}
