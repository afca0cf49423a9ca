package org.sealpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Records every skipped test and why (a missing peer tool and the line that installs it), one line
 * each, in target/test-skips.txt, from every test JVM of the build; the build's last step prints them
 * as one summary line (pom.xml, execution "test-skips-summary").
 */
public final class SkipSummary implements TestExecutionListener {
    private static final Path FILE = Path.of("target", "test-skips.txt");

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void record(TestIdentifier test, String reason) {
        String line = (reason == null ? "no reason given" : reason.replace("needs what this machine lacks: ", "").replace('\n', ' '))
                + "\n";
        try {
            Files.createDirectories(FILE.getParent());
            // One write per line, appended: lines from several test JVMs do not mix.
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
