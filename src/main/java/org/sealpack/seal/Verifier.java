package org.sealpack.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.archive.UnverifiedSink;
import org.sealpack.failure.InputException;
import org.sealpack.io.Pipeline;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SealReader;
import org.sealpack.pgp.SignatureCheck;
import org.sealpack.text.Untrusted;

/**
 * Verifies a sealed file without writing anything: the outer layer alone, or everything with a key.
 */
public final class Verifier {
    private Verifier() {}

    /**
     * The custodian's check: the outer signature by a trusted signer, with no secret key. Two
     * cores: one thread reads the file (and hashes it, if the source was asked to), this one hashes
     * the signed data.
     */
    public static Verified<Reports.Outer> custody(
            Source source, List<Certificate> trusted, Checks checks) {
        InputStream file = source.open("verifying");
        // Read before the reading thread starts: it closes the descriptor at the file's end.
        SealReader.Tail tail = SealReader.Tail.of(source.tail());
        Pipeline pipeline = Pipeline.readingAhead("sealpack-read", file);
        Reports.Outer report;
        try (SealReader reader =
                SealReader.open(pipeline.aheadInput(), trusted, source.seekable(), tail)) {
            SignatureCheck outer = reader.verifyOuter(trusted);
            checks.passed(Checks.OUTER_SIGNATURE);
            report =
                    new Reports.Outer(
                            outer.signer(),
                            outer.created(),
                            reader.recipients(),
                            reader.fileBytesRead(),
                            reader.innerBytesRead(),
                            false,
                            Untrusted.each(outer.notes()));
            pipeline.finish();
        } catch (IOException | RuntimeException e) {
            throw unreadable(pipeline.failed(e), source);
        }
        return new Verified<>(report, source.sha256(), null);
    }

    /** The recipient's check: everything, with a secret key; nothing is written. */
    public static Verified<Reports.Full> full(
            Source source,
            List<Certificate> trusted,
            List<? extends KeyHandle> keys,
            Passphrases passphrases,
            Limits limits,
            Checks checks) {
        Path spool = Path.of(System.getProperty("java.io.tmpdir"), "sealpack-verify");
        try (Pinned pinned = Authentication.first(source, trusted, spool, limits, "verifying");
                InputStream in = source.open("verifying");
                SealReader reader = Authentication.second(source, pinned, in, trusted)) {
            return FullCheck.run(
                    source,
                    reader,
                    keys,
                    passphrases,
                    trusted,
                    UnverifiedSink.DISCARD,
                    limits,
                    checks);
        } catch (IOException e) {
            throw unreadable(e, source);
        }
    }

    /**
     * A failure to report as it is, or, for an I/O error reading the source, as an input failure.
     */
    static RuntimeException unreadable(Throwable e, Source source) {
        if (e instanceof IOException io) {
            return new InputException(
                    "cannot read " + source.name() + ": " + io.getMessage(),
                    "check the path and permissions");
        }
        Pipeline.rethrow(e);
        return new IllegalStateException(e);
    }
}
