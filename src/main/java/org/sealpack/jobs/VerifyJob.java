package org.sealpack.jobs;

import java.nio.file.Files;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.custody.Signing;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
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
        if (r.key() == null) {
            Verified<Reports.Outer> verified;
            try {
                verified = Verifier.custody(source, trusted, checks);
            } catch (RuntimeException e) {
                r.receipt().failed(out, "verify", "verify", r.input(), source, checks, custody, e);
                throw e;
            } finally {
                out.progress().done();
            }
            Reports.Outer outer = verified.report();
            printer.outer(outer, known);
            if (out.wantsJson()) {
                Json.print(out.json(), Json.outer(outer, verified.sourceSha256()));
            }
            r.receipt()
                    .passed(
                            r.input(),
                            "verify",
                            verified.sourceSha256(),
                            outer,
                            null,
                            known,
                            custody);
            printer.heading("Verdict: GOOD (outer layer only; add --key to check the bag inside)");
            return;
        }
        Verified<Reports.Full> verified;
        try {
            List<KeyHandle> keyList = List.of(keys.key(r.key()));
            verified =
                    Verifier.full(
                            source,
                            trusted,
                            keyList,
                            r.passphrase().forUnlocking(),
                            r.limits(),
                            checks);
        } catch (RuntimeException e) {
            RuntimeException named = People.namingRecipients(e, known);
            r.receipt()
                    .failed(
                            out,
                            "verify",
                            "verify --key",
                            r.input(),
                            source,
                            checks,
                            custody,
                            named);
            throw named;
        } finally {
            out.progress().done();
        }
        Reports.Full full = verified.report();
        printer.full(full, known);
        if (out.wantsJson()) {
            Json.print(
                    out.json(),
                    Json.full("verify", full, null, verified.sourceSha256(), checks.passed()));
        }
        r.receipt()
                .passed(
                        r.input(),
                        "verify --key",
                        verified.sourceSha256(),
                        full.outer(),
                        full,
                        known,
                        custody);
        printer.heading("Verdict: GOOD (every check passed)");
    }
}
