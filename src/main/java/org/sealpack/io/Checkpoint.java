package org.sealpack.io;

import java.io.IOException;

/** A test hook, to crash at a named step of a replacement without timing. */
final class Checkpoint {
    private Checkpoint() {}

    /**
     * When the system property {@code sealpack.test.killAt} names this step, the process sends
     * itself SIGKILL here.
     */
    static void at(String step) {
        if (step.equals(System.getProperty("sealpack.test.killAt"))) {
            try {
                new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid()))
                        .start()
                        .waitFor();
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException | InterruptedException e) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
