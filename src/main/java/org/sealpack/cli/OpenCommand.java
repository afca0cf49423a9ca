package org.sealpack.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.custody.ReceiptWriter;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.NoSuchKeyException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.report.Json;
import org.sealpack.report.People;
import org.sealpack.report.Printer;
import org.sealpack.seal.Checks;
import org.sealpack.seal.Opener;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Source;
import org.sealpack.seal.Verified;
import org.sealpack.text.Untrusted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "open",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decrypt a sealed file, verify everything, and only then place the bag at DIR.",
            "Nothing appears at DIR unless every check passed."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack open statement.sealed --key keys/recipient.key.asc \\",
            "    --passphrase-file keys/recipient.passphrase \\",
            "    --signer keys/signer.cert.asc -o statement"
        })
final class OpenCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The sealed file, or - for standard input.")
    Path file;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description =
                    "Your secret key (file, fingerprint, or name in the keyring; gpg:SELECTOR for a key GnuPG "
                            + "holds, on a card too); repeat to try several. Default: every secret key in the keyring, "
                            + "then any key GnuPG's agent holds for a recipient.")
    List<String> keys;

    @Mixin TrustOptions trust;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "Where to place the opened bag (must not exist).")
    Path output;

    @Option(
            names = "--force",
            description =
                    "Replace DIR if it is a bag opened earlier with nothing added to it (never any other "
                            + "directory, nor the current one, a parent of it, your home or the keyring's).")
    boolean force;

    @Mixin PassphraseOptions passphrase;

    @Mixin LimitOptions limitOptions;

    @Mixin ReportOptions reporting;

    @Override
    public Integer call() {
        reporting.prepare(spec, common, passphrase);
        List<KeyHandle> candidates = Keys.secretKeys(keys, common.keyring());
        if (candidates.isEmpty()) {
            throw new NoSuchKeyException(
                    "no secret key given, none in the keyring "
                            + common.keyring().home()
                            + ", and GnuPG is not installed",
                    "name your secret key file with --key KEY.asc, or import it: `sealpack keys import KEY.asc`");
        }
        var progress =
                TerminalProgress.forCommand(common, reporting.json, spec.commandLine().getErr());
        Opener.Destination destination =
                new Opener.Destination(
                        output,
                        force,
                        List.of(CommonOptions.userHome(), common.keyring().home()),
                        CommonOptions.notices(spec));
        Source source = reporting.source(file).withProgress(progress);
        Checks checks = new Checks();
        List<Certificate> trusted = trust.trusted(common);
        Verified<Reports.Full> verified;
        try {
            verified =
                    Opener.open(
                            source,
                            trusted,
                            candidates,
                            passphrase.forUnlocking(),
                            destination,
                            limitOptions.limits(),
                            checks);
        } catch (RuntimeException e) {
            RuntimeException named =
                    People.namingRecipients(e, Keys.known(trusted, common.keyring(), candidates));
            reporting.failed(spec, "open", "open", file, source, checks, named);
            throw named;
        } finally {
            progress.done();
        }
        Reports.Full full = verified.report();
        List<Certificate> known = Keys.known(trusted, common.keyring(), candidates);
        Printer printer =
                new Printer(
                        reporting.json ? new PrintWriter(Writer.nullWriter()) : common.out(spec));
        printer.full(full, known);
        if (reporting.json) {
            Json.print(
                    spec.commandLine().getOut(),
                    Json.full(
                            "open",
                            full,
                            output.toString(),
                            verified.sourceSha256(),
                            checks.passed()));
        }
        if (reporting.receipt != null) {
            ReceiptWriter.write(
                    reporting.receipt,
                    StandardStreams.isStdin(file) ? null : file,
                    "open",
                    verified.sourceSha256(),
                    full.outer(),
                    full,
                    known,
                    reporting.custody());
        }
        printer.heading("Opened into " + Untrusted.of(output.toString()) + ":");
        printer.files(full);
        return ExitCode.OK.code;
    }
}
