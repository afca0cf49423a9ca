package org.sealpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Records every skipped test and why (a missing peer tool and the line that installs it), one line
 * each, in target/test-skips.txt, from every test JVM of the build; the build's last step prints
 * them as one summary line (pom.xml, execution "test-skips-summary").
 */
public final class SkipSummary implements TestExecutionListener {
    private static final Path FILE = Path.of("target", "test-skips.txt");

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // A class whose @BeforeAll aborted (its peer tool is missing) reports no test at all: it is
        // recorded once, by name, so that a class running 0 tests is not passed over in silence.
        if (result.getStatus() == TestExecutionResult.Status.ABORTED
                && (test.isTest() || wholeClass(test) != null)) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    /** The simple name of the test class this identifier stands for as a whole, else null. */
    static String wholeClass(TestIdentifier test) {
        return test.isContainer() && test.getSource().orElse(null) instanceof ClassSource c
                ? c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1)
                : null;
    }

    private static void record(TestIdentifier test, String reason) {
        write(line(test, reason));
    }

    /** The summary's line for a skipped test or class. */
    static String line(TestIdentifier test, String reason) {
        String why =
                reason == null
                        ? "no reason given"
                        : reason.replace("needs what this machine lacks: ", "").replace('\n', ' ');
        String whole = wholeClass(test);
        return (whole == null ? why : "all of " + whole + " (" + why + ")") + "\n";
    }

    private static void write(String line) {
        try {
            Files.createDirectories(FILE.getParent());
            // One write per line, appended: lines from several test JVMs do not mix.
            Files.writeString(
                    FILE,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
