package org.sealpack.seal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.sealpack.archive.Limits;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.UntrustedSignerException;
import org.sealpack.io.Pipeline;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealReader;

/**
 * Authenticate before decrypting (docs/FORMAT.md section 5): the outer signature of a signed sealed
 * file is verified over the whole file before a byte of it is decrypted. The source is pinned first
 * (a file held open, or a stream spooled as ciphertext into a staged file), then read once to
 * verify its outer signature; the decrypting pass reads the same descriptor again and verifies the
 * signature again over what it decrypted, so bytes changed in place between the passes are still
 * refused. An anonymous file has no signature to check first: its costs are bounded instead
 * (recipients, one unlock per key, inflation), and it is read once.
 */
final class Authentication {
    private Authentication() {}

    /**
     * Pins the source (spooling a stream beside {@code spoolBeside}) and, for a signed file,
     * verifies its outer signature over every byte; throws the outer failure, before anything was
     * decrypted or staged. The caller closes the returned handle when done with the source.
     */
    static Pinned first(
            Source source,
            List<Certificate> trusted,
            Path spoolBeside,
            Limits limits,
            String what) {
        Pinned pinned =
                source.pin(
                        spoolBeside,
                        limits.maxSealedBytes(),
                        what,
                        head -> refuseEarly(head, trusted, source));
        if (!pinned.readable()) {
            return pinned; // an anonymous file from a stream: read once, its costs bounded as it is
            // read
        }
        try {
            boolean anonymous;
            try (InputStream start = source.firstPass(null);
                    SealReader peek =
                            SealReader.open(
                                    start,
                                    trusted,
                                    pinned.path,
                                    SealReader.Tail.of(pinned.channel))) {
                anonymous = peek.isAnonymous();
                peek.checkRecipients(limits.maxRecipients());
            }
            if (!anonymous) {
                verifyOuter(source, trusted, pinned);
            }
            return pinned;
        } catch (IOException | RuntimeException e) {
            pinned.close();
            throw Verifier.unreadable(e, source);
        }
    }

    /**
     * Before a stream is copied: its first bytes are read as a sealed file's start, so a one-pass
     * header naming no trusted signer, or bytes that are no sealed file at all, are refused at once
     * (docs/FORMAT.md R1.20) instead of after an unbounded copy. A failure that only says the bytes
     * looked at ended (a stream longer than them) is not a judgement: the copy goes on, and the
     * whole file is judged from it.
     */
    private static void refuseEarly(byte[] head, List<Certificate> trusted, Source source) {
        boolean whole = head.length < Source.HEAD_BYTES;
        EndWatch in = new EndWatch(head);
        try (SealReader peek = SealReader.open(in, trusted, null, null)) {
            peek.isAnonymous();
        } catch (UntrustedSignerException e) {
            throw e;
        } catch (SealpackException e) {
            if (whole || !in.ended) {
                throw e;
            }
        } catch (RuntimeException e) {
            if (whole || !in.ended) {
                throw Verifier.unreadable(e, source);
            }
        }
    }

    /** The bytes looked at, saying whether a reader went past their end. */
    private static final class EndWatch extends ByteArrayInputStream {
        boolean ended;

        EndWatch(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            ended |= n < 0 || (len > 0 && pos >= count);
            return n;
        }
    }

    /**
     * The reader of the decrypting pass over {@code in} (what {@link Source#open} gave after {@link
     * #first}): a file the first pass authenticated is not hashed again, its bytes are compared
     * with those that verified instead ({@link Source#sameBytes}); any other is read as it comes.
     */
    static SealReader second(
            Source source, Pinned pinned, InputStream in, List<Certificate> trusted) {
        if (pinned.verified()) {
            return SealReader.openAuthenticated(in, trusted, source.seekable(), source::sameBytes);
        }
        return SealReader.open(in, trusted, source.seekable(), SealReader.Tail.of(pinned.channel));
    }

    /**
     * The reader, once an anonymous file's recipients are within the limit (checked before anything
     * is staged).
     */
    static SealReader bounded(SealReader reader, Limits limits) {
        try {
            reader.checkRecipients(limits.maxRecipients());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * The outer signature over the whole file: one thread reads it, this one hashes and verifies.
     */
    private static void verifyOuter(Source source, List<Certificate> trusted, Pinned pinned)
            throws IOException {
        InputStream file = source.authenticatingPass("authenticating");
        Pipeline pipeline = Pipeline.readingAhead("sealpack-authenticate", file);
        try (SealReader reader =
                SealReader.open(
                        pipeline.aheadInput(),
                        trusted,
                        pinned.path,
                        SealReader.Tail.of(pinned.channel))) {
            reader.verifyOuter(trusted);
            pipeline.finish();
            pinned.verifiedFirstPass();
        } catch (IOException | RuntimeException e) {
            throw Verifier.unreadable(pipeline.failed(e), source);
        }
    }
}
