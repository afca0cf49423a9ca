package org.sealpack.report;

import java.nio.file.Path;
import java.util.List;
import org.sealpack.pgp.Certificate;
import org.sealpack.seal.Reports;

/**
 * The result of a check that passed (verify, verify --key, open): the one object that the text
 * report ({@link Printer#checked}), the JSON document ({@link Json#checked}) and the receipt
 * (custody's ReceiptWriter) are each rendered from.
 *
 * @param kind the JSON document's kind ("verify", "open")
 * @param command the job as the receipt names it ("verify", "verify --key", "open")
 * @param archive the sealed file as given, or null for standard input
 * @param sha256 the SHA-256 of the bytes verified, or null when they were not hashed
 * @param outer the outer layer
 * @param full everything inside, or null when only the outer layer was checked
 * @param destination where the bag was placed (open), or null
 * @param passed the checks that passed, in order
 * @param known the certificates that recipients' key IDs are named by
 */
public record Checked(
        String kind,
        String command,
        Path archive,
        String sha256,
        Reports.Outer outer,
        Reports.Full full,
        String destination,
        List<String> passed,
        List<Certificate> known) {
    public Checked {
        passed = List.copyOf(passed);
        known = List.copyOf(known);
    }
}
