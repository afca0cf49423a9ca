package org.sealpack.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A check that failed: the one object that the JSON failure document ({@link Json#failure}) and the
 * failure receipt (custody's ReceiptWriter) are rendered from; the failure itself goes on to its
 * one line on stderr and its exit code.
 *
 * @param kind the JSON document's kind ("verify", "open", "custody")
 * @param command the job as the receipt names it
 * @param archive the sealed file as given, or null for standard input
 * @param sha256 the SHA-256 of the bytes read, or null when not known
 * @param passed the checks that passed before the failure, in order
 * @param failure what failed
 */
public record CheckFailed(
        String kind,
        String command,
        Path archive,
        String sha256,
        List<String> passed,
        Throwable failure) {
    public CheckFailed {
        passed = List.copyOf(passed);
    }
}
