package org.sealpack.jobs;

import java.nio.file.Path;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.custody.Signing;
import org.sealpack.failure.NoSuchKeyException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.report.Checked;
import org.sealpack.report.People;
import org.sealpack.report.Printer;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Opener;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Source;
import org.sealpack.seal.Verified;
import org.sealpack.text.Untrusted;

/** open: decrypt a sealed file, verify everything, and only then place the bag. */
public final class OpenJob {
    private OpenJob() {}

    /**
     * @param input the sealed file
     * @param keys the KEYs to try (none: the keyring's secret keys, then GnuPG's agent)
     * @param signers the CERTs trusted (none: every certificate in the keyring)
     * @param output where to place the opened bag
     * @param force whether to replace a bag opened there earlier
     * @param passphrase where the keys' passphrases come from
     * @param limits what the archive may hold
     * @param receipt the receipt to write, if any
     */
    public record Request(
            Input input,
            List<String> keys,
            List<String> signers,
            Path output,
            boolean force,
            PassphraseSource passphrase,
            Limits limits,
            ReceiptRequest receipt) {}

    /** Opens the file and shows what was placed; throws the failure after its JSON and receipt. */
    public static void run(KeySources sources, Request r, Output out) {
        Signing custody = r.receipt().prepare(sources, r.passphrase());
        List<KeyHandle> candidates = sources.secretKeys(r.keys());
        if (candidates.isEmpty()) {
            throw new NoSuchKeyException(
                    "no secret key given, none in the keyring "
                            + sources.home()
                            + ", and GnuPG is not installed",
                    "name your secret key file with --key KEY.asc, or import it: `sealpack keys import KEY.asc`");
        }
        Opener.Destination destination =
                new Opener.Destination(
                        r.output(),
                        r.force(),
                        List.of(KeySources.userHome(), sources.home()),
                        out.notices());
        Source source = r.receipt().source(r.input(), out);
        Checks checks = new Checks();
        List<Certificate> trusted = sources.trusted(r.signers());
        Verified<Reports.Full> verified;
        try {
            verified =
                    Opener.open(
                            source,
                            trusted,
                            candidates,
                            r.passphrase().forUnlocking(),
                            destination,
                            r.limits(),
                            checks);
        } catch (RuntimeException e) {
            RuntimeException named = People.namingRecipients(e, sources.known(trusted, candidates));
            r.receipt().failed(out, "open", "open", r.input(), source, checks, custody, named);
            throw named;
        } finally {
            out.progress().done();
        }
        Reports.Full full = verified.report();
        Checked result =
                new Checked(
                        "open",
                        "open",
                        r.input().archive(),
                        verified.sourceSha256(),
                        full.outer(),
                        full,
                        r.output().toString(),
                        checks.passed(),
                        sources.known(trusted, candidates));
        out.show(result);
        r.receipt().passed(result, custody);
        Printer printer = out.printer();
        printer.heading("Opened into " + Untrusted.of(r.output().toString()) + ":");
        printer.files(full);
    }
}
