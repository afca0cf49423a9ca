package org.sealpack.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.custody.ReceiptWriter;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.report.Printer;
import org.sealpack.seal.AtRest;
import org.sealpack.seal.Checks;
import org.sealpack.seal.KeySelector;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Source;
import org.sealpack.seal.Verified;
import org.sealpack.seal.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check a sealed file without opening it, or an opened bag directory at rest.",
            "Without --key: the outer signature (origin and integrity of the whole file); no secret needed.",
            "With --key: also decrypts in memory and checks the bag signature, the intended recipients "
                    + "and every checksum. Nothing is written.",
            "Given a directory (an opened bag): its signature by a trusted signer, and the rules open used: "
                    + "every checksum, and nothing in the bag that its signature does not cover."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  sealpack verify statement.sealed --signer keys/signer.cert.asc",
            "  sealpack verify statement.sealed --signer keys/signer.cert.asc \\",
            "    --key keys/recipient.key.asc --passphrase-file keys/recipient.passphrase",
            "  sealpack verify statement.sealed --signer keys/signer.cert.asc \\",
            "    --receipt sender.md --sign-receipt keys/signer.key.asc \\",
            "    --passphrase-file keys/signer.passphrase --note 'checked before sending'"
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(
            paramLabel = "FILE",
            description = "The sealed file (- for standard input), or an opened bag directory.")
    Path file;

    @Mixin TrustOptions trust;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description =
                    "Your secret key (file, fingerprint, or name in the keyring; gpg:SELECTOR for a key GnuPG "
                            + "holds), to check everything inside.")
    String key;

    @Mixin PassphraseOptions passphrase;

    @Mixin LimitOptions limitOptions;

    @Mixin ReportOptions reporting;

    @Override
    public Integer call() {
        reporting.prepare(spec, common, passphrase);
        List<Certificate> trusted = trust.trusted(common);
        Printer printer =
                new Printer(
                        reporting.json ? new PrintWriter(Writer.nullWriter()) : common.out(spec));
        if (Files.isDirectory(file)) {
            AtRest.Report report = AtRest.verify(file, trusted);
            printer.atRest(report);
            if (reporting.json) {
                Json.print(spec.commandLine().getOut(), Json.atRest("verify-bag", report));
            }
            report.requireValid();
            printer.heading(
                    "Verdict: GOOD (the opened bag is signed by a trusted signer and every checksum matches)");
            return ExitCode.OK.code;
        }
        var progress =
                TerminalProgress.forCommand(common, reporting.json, spec.commandLine().getErr());
        Source source = reporting.source(file).withProgress(progress);
        Checks checks = new Checks();
        List<Certificate> known = Keys.known(trusted, common.keyring());
        if (key == null) {
            Verified<Reports.Outer> verified;
            try {
                verified = Verifier.custody(source, trusted, checks);
            } catch (RuntimeException e) {
                reporting.failed(spec, "verify", "verify", file, source, checks, e);
                throw e;
            } finally {
                progress.done();
            }
            Reports.Outer outer = verified.report();
            printer.outer(outer, known);
            if (reporting.json) {
                Json.print(spec.commandLine().getOut(), Json.outer(outer, verified.sourceSha256()));
            }
            if (reporting.receipt != null) {
                ReceiptWriter.write(
                        reporting.receipt,
                        StandardStreams.isStdin(file) ? null : file,
                        "verify",
                        verified.sourceSha256(),
                        outer,
                        null,
                        known,
                        reporting.custody());
            }
            printer.heading("Verdict: GOOD (outer layer only; add --key to check the bag inside)");
        } else {
            Verified<Reports.Full> verified;
            try {
                List<KeyHandle> keys = List.of(KeySelector.key(key, common.keyring()));
                verified =
                        Verifier.full(
                                source,
                                trusted,
                                keys,
                                passphrase.forUnlocking(),
                                limitOptions.limits(),
                                checks);
            } catch (RuntimeException e) {
                RuntimeException named = People.namingRecipients(e, known);
                reporting.failed(spec, "verify", "verify --key", file, source, checks, named);
                throw named;
            } finally {
                progress.done();
            }
            Reports.Full full = verified.report();
            printer.full(full, known);
            if (reporting.json) {
                Json.print(
                        spec.commandLine().getOut(),
                        Json.full("verify", full, null, verified.sourceSha256(), checks.passed()));
            }
            if (reporting.receipt != null) {
                ReceiptWriter.write(
                        reporting.receipt,
                        StandardStreams.isStdin(file) ? null : file,
                        "verify --key",
                        verified.sourceSha256(),
                        full.outer(),
                        full,
                        known,
                        reporting.custody());
            }
            printer.heading("Verdict: GOOD (every check passed)");
        }
        return ExitCode.OK.code;
    }
}
