package org.sealpack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealpack.custody.ReceiptFile;
import org.sealpack.custody.ReceiptWriter;
import org.sealpack.custody.Signing;
import org.sealpack.failure.ExitCode;
import org.sealpack.failure.InputException;
import org.sealpack.failure.UsageException;
import org.sealpack.seal.Inspector;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Source;
import org.sealpack.text.Untrusted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "carry",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Record that a file passed through your hands, when you cannot check it: a courier of an "
                    + "anonymous (seizure-mode) file, which names no sender and which only a recipient's key can verify.",
            "Writes a signed hand-over receipt (verdict CARRIED) of the SHA-256 and size of the bytes you carry, the "
                    + "time, you as custodian, your note, and the receipt you follow. It checks nothing and claims nothing "
                    + "about the file's origin; `custody check` counts it as a link and says which hand first verified the "
                    + "origin. A file you can verify (it has an outer signature, or you hold a recipient's key) you verify "
                    + "instead: `sealpack verify FILE --receipt R`.",
            "Exit 0: the receipt was written (nothing was checked)."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  sealpack custody carry evidence.sealed --receipt courier.md \\",
            "    --sign-receipt keys/recipient.key.asc \\",
            "    --passphrase-file keys/recipient.passphrase --after sender.md \\",
            "    --note 'received by hand in Dushanbe'"
        })
final class CustodyCarryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The file you carry (an anonymous sealed file).")
    Path file;

    @Option(
            names = "--receipt",
            paramLabel = "FILE",
            required = true,
            description =
                    "The hand-over receipt to write (Markdown for people, ending with a JSON record; docs/FORMAT.md"
                            + " section 11).")
    Path receipt;

    @Option(
            names = "--sign-receipt",
            paramLabel = "KEY",
            required = true,
            description =
                    "Your secret key, as custodian: FILE.asc, a detached signature that `gpg --verify FILE.asc FILE`"
                            + " checks.")
    String signReceipt;

    @Option(
            names = "--receipt-to",
            paramLabel = "CERT",
            description =
                    "Also write the signed receipt encrypted to this certificate (for the return trip): FILE.pgp.")
    String receiptTo;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note to put in the receipt.")
    String note;

    @Option(
            names = "--after",
            paramLabel = "RECEIPT",
            description =
                    "The receipt of the hand before yours: this receipt links to it (repeatable).")
    List<Path> after;

    @Mixin PassphraseOptions passphrase;

    @Override
    public Integer call() {
        Signing custody =
                ReportOptions.custody(
                        receipt, signReceipt, receiptTo, note, after, common, passphrase);
        refuseWhatIsNotCarried(file);
        MessageDigest sha256;
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                bytes += n;
            }
        } catch (NoSuchFileException e) {
            throw new InputException("not found: " + file, "check the path");
        } catch (IOException e) {
            throw new InputException(
                    "cannot read " + file + ": " + e.getMessage(), "check its permissions");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String sum = HexFormat.of().formatHex(sha256.digest());
        ReceiptWriter.writeCarried(receipt, file, sum, bytes, custody);
        if (!common.quiet) {
            var out = common.out(spec);
            out.println(
                    "Carried "
                            + Untrusted.of(String.valueOf(file.getFileName()))
                            + ": "
                            + bytes
                            + " bytes, SHA-256 "
                            + sum);
            out.println(
                    "Hand-over receipt: "
                            + Untrusted.of(receipt.toString())
                            + " (signed: "
                            + Untrusted.of(ReceiptFile.signatureOf(receipt).toString())
                            + ")");
            out.println(
                    "Nothing was checked: the receipt records the hand-over only (verdict CARRIED).");
        }
        return ExitCode.OK.code;
    }

    /**
     * A hand-over is recorded only for what cannot be checked without a key: an anonymous sealed
     * file. Bytes that are no sealed file are refused as inspect refuses them (20); a file with an
     * outer signature can be checked by anyone, so it is verified, not carried (2).
     */
    private static void refuseWhatIsNotCarried(Path file) {
        Reports.Inspection seen = Inspector.inspect(Source.file(file));
        if (!seen.anonymous()) {
            throw new UsageException(
                    file.getFileName()
                            + " has an outer signature, so its origin can be checked without a key:"
                            + " a custodian verifies it rather than carrying it",
                    "sealpack verify "
                            + file.getFileName()
                            + " --signer SENDER-CERT --receipt R --sign-receipt KEY");
        }
    }
}
