package org.sealpack.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongPredicate;
import org.sealpack.custody.ChainReport;
import org.sealpack.custody.Custody;
import org.sealpack.custody.ReceiptFile;
import org.sealpack.custody.ReceiptWriter;
import org.sealpack.custody.SignedReceipt;
import org.sealpack.custody.Signing;
import org.sealpack.failure.InputException;
import org.sealpack.failure.UsageException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SecretKey;
import org.sealpack.report.CheckFailed;
import org.sealpack.report.Json;
import org.sealpack.seal.Inspector;
import org.sealpack.seal.Outputs;
import org.sealpack.seal.Passphrases;
import org.sealpack.seal.Reports;
import org.sealpack.seal.Source;
import org.sealpack.text.Untrusted;

/**
 * The custody jobs: check a sealed file's (or its opened bag's) receipts as a chain of custody, and
 * record a hand-over of a file its courier cannot check.
 */
public final class CustodyJob {
    private CustodyJob() {}

    /**
     * @param target the sealed file, or the bag open made from it
     * @param receipts the receipts, in any order
     * @param signers the CERTs of trusted custodians (none: every certificate in the keyring)
     * @param keys the KEYs that decrypt return copies (none: the keyring's secret keys)
     * @param report where to write the timeline as a Markdown report, or null
     */
    public record Request(
            Path target,
            List<Path> receipts,
            List<String> signers,
            List<String> keys,
            PassphraseSource passphrase,
            Path report) {}

    /** Checks the chain and shows its timeline; on a break, its JSON document, then the failure. */
    public static void run(KeySources sources, Request r, Output out) {
        if (r.report() != null) {
            Outputs.checkNewFile(r.report(), "the report");
        }
        List<Certificate> trusted = sources.trusted(r.signers());
        Custody.Chain chain;
        String sha256 = null;
        try {
            Custody.Target what = Custody.Target.of(r.target(), trusted);
            sha256 = what.sealedSha256();
            chain =
                    Custody.check(
                            what,
                            r.receipts(),
                            trusted,
                            returnKeys(sources, r.keys(), r.passphrase()));
        } catch (RuntimeException e) {
            if (out.wantsJson()) {
                Json.print(
                        out.json(),
                        Json.failure(new CheckFailed("custody", null, null, sha256, List.of(), e)));
            }
            throw e;
        }
        if (out.wantsJson()) {
            Json.print(out.json(), ChainReport.json(chain));
        } else {
            ChainReport.print(out.text(), chain, r.target());
        }
        if (r.report() != null) {
            ChainReport.writeMarkdown(r.report(), chain);
        }
    }

    /**
     * custody carry: a signed hand-over receipt (verdict CARRIED) of the SHA-256 and size of the
     * bytes carried, for an anonymous sealed file only, which its courier cannot check.
     */
    public static void carry(
            KeySources sources,
            Path file,
            ReceiptRequest receipt,
            PassphraseSource passphrase,
            PrintWriter out) {
        ReceiptFile.requireRegular(file, "the file to carry");
        Signing custody = receipt.prepare(sources, passphrase);
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
        ReceiptWriter.writeCarried(receipt.receipt(), file, sum, bytes, custody);
        out.println(
                "Carried "
                        + Untrusted.of(String.valueOf(file.getFileName()))
                        + ": "
                        + bytes
                        + " bytes, SHA-256 "
                        + sum);
        out.println(
                "Hand-over receipt: "
                        + Untrusted.of(receipt.receipt().toString())
                        + " (signed: "
                        + Untrusted.of(ReceiptFile.signatureOf(receipt.receipt()).toString())
                        + ")");
        out.println(
                "Nothing was checked: the receipt records the hand-over only (verdict CARRIED).");
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

    /**
     * The secret keys for return copies: the ones named, or the keyring's; each unlocked only when
     * used.
     */
    private static SignedReceipt.ReturnKeys returnKeys(
            KeySources sources, List<String> keys, PassphraseSource passphrase) {
        return new SignedReceipt.ReturnKeys() {
            @Override
            public List<KeyHandle> keys() {
                return sources.secretKeys(keys);
            }

            @Override
            public SecretKey unlock(KeyHandle key, LongPredicate parts) {
                return Passphrases.unlock(key, passphrase.forUnlocking(), parts);
            }
        };
    }
}
