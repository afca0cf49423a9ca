package org.sealpack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine beyond Java, Maven and gpg: a peer tool, root, a kernel
 * feature. Missing, the test is skipped with the line that installs it; under CI ({@code CI=true}),
 * where every test must run, a missing need fails the test instead.
 */
public final class Requires {
    private Requires() {}

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The command on PATH, or the test is skipped (failed under CI) with how to install it. */
    public static void tool(String command, String install) {
        that(onPath(command), command + " is not installed", install);
    }

    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The condition holds, or the test is skipped (failed under CI) saying what is missing and how
     * to get it.
     */
    public static void that(boolean condition, String missing, String install) {
        if (condition) {
            return;
        }
        String message = "needs what this machine lacks: " + missing + " (" + install + ")";
        if (underCi()) {
            throw new AssertionError("CI=true: every test must run, but this one " + message);
        }
        Assumptions.abort(message);
    }
}
