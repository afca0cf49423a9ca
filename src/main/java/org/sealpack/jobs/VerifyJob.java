package org.sealpack.jobs;

import java.nio.file.Files;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.custody.Signing;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.report.Checked;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.report.Printer;
import org.sealpack.seal.AtRest;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Source;
import org.sealpack.seal.Verified;
import org.sealpack.seal.Verifier;

/**
 * verify: a sealed file's outer signature (no secret needed), with a recipient's key everything
 * inside too (nothing written), or an opened bag directory at rest.
 */
public final class VerifyJob {
    private VerifyJob() {}

    /**
     * @param input the sealed file, or an opened bag directory
     * @param signers the CERTs trusted (none: every certificate in the keyring)
     * @param key a recipient's KEY to check everything inside, or null for the outer layer only
     * @param passphrase where its passphrase (and the custodian's) comes from
     * @param limits what the archive may hold
     * @param receipt the receipt to write, if any
     */
    public record Request(
            Input input,
            List<String> signers,
            String key,
            PassphraseSource passphrase,
            Limits limits,
            ReceiptRequest receipt) {}

    /** Runs the check and shows its result; throws the failure after its JSON and receipt. */
    public static void run(KeySources keys, Request r, Output out) {
        Signing custody = r.receipt().prepare(keys, r.passphrase());
        List<Certificate> trusted = keys.trusted(r.signers());
        Printer printer = out.printer();
        if (Files.isDirectory(r.input().file())) {
            AtRest.Report report = AtRest.verify(r.input().file(), trusted);
            printer.atRest(report);
            if (out.wantsJson()) {
                Json.print(out.json(), Json.atRest("verify-bag", report));
            }
            report.requireValid();
            printer.heading(
                    "Verdict: GOOD (the opened bag is signed by a trusted signer and every checksum matches)");
            return;
        }
        Source source = r.receipt().source(r.input(), out);
        Checks checks = new Checks();
        List<Certificate> known = keys.known(trusted);
        String command = r.key() == null ? "verify" : "verify --key";
        String sha256;
        Reports.Outer outer;
        Reports.Full full = null;
        try {
            if (r.key() == null) {
                Verified<Reports.Outer> verified = Verifier.custody(source, trusted, checks);
                sha256 = verified.sourceSha256();
                outer = verified.report();
            } else {
                List<KeyHandle> keyList = List.of(keys.key(r.key()));
                Verified<Reports.Full> verified =
                        Verifier.full(
                                source,
                                trusted,
                                keyList,
                                r.passphrase().forUnlocking(),
                                r.limits(),
                                checks);
                sha256 = verified.sourceSha256();
                full = verified.report();
                outer = full.outer();
            }
        } catch (RuntimeException e) {
            RuntimeException named = r.key() == null ? e : People.namingRecipients(e, known);
            r.receipt().failed(out, "verify", command, r.input(), source, checks, custody, named);
            throw named;
        } finally {
            out.progress().done();
        }
        Checked result =
                new Checked(
                        "verify",
                        command,
                        r.input().archive(),
                        sha256,
                        outer,
                        full,
                        null,
                        checks.passed(),
                        known);
        out.show(result);
        r.receipt().passed(result, custody);
        printer.heading(
                full == null
                        ? "Verdict: GOOD (outer layer only; add --key to check the bag inside)"
                        : "Verdict: GOOD (every check passed)");
    }
}
