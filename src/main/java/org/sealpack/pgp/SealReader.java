package org.sealpack.pgp;

import static org.sealpack.pgp.ReadFailures.NOT_SEALED_HINT;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPSignature;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.NotVerifiableException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.UnsafeArchiveException;

/**
 * Reads a sealed file in one pass: the outer envelope ({@link OuterEnvelope}: one-pass signed
 * literal data, absent in an anonymous file) around the encrypted message ({@link
 * EncryptedMessage}). Nothing {@link #decrypt} returns is trusted until {@link #checkIntegrity()}
 * and {@link #verifyOuter(List)} have passed: the caller holds that plaintext in a sink for
 * unverified data until then.
 */
public final class SealReader implements AutoCloseable {
    private final CountingInput file;

    /** Null for an anonymous (seizure-mode) file. */
    private final OuterEnvelope outer;

    private final EncryptedMessage message;

    /**
     * Whether the whole file was read with its structure complete: a failure after that is no
     * truncation.
     */
    private boolean complete;

    /**
     * One recipient of the inner message: a key ID (0 for a hidden recipient) and its algorithm.
     */
    public record Recipient(String keyId, String algorithm) {}

    /** What the outer signature claims, unverified. */
    public record ClaimedSignature(String issuer, Instant created, String hash, String algorithm) {}

    private SealReader(
            CountingInput file,
            List<Certificate> trusted,
            Tail tail,
            boolean verifying,
            BooleanSupplier sameBytes,
            String name)
            throws IOException, PGPException {
        this.file = file;
        // The packets are read above the armor decoder: an armored copy of a sealed file is checked
        // over
        // its dearmored bytes, as the signature covers them.
        CountingInput decoded =
                new CountingInput(Armor.decoder(file, Armor.MESSAGE, "the armored sealed file"));
        PGPObjectFactory factory = new PGPObjectFactory(decoded, Crypto.fingerprints());
        Object first = factory.nextObject();
        MalformedSealException notSealed = NotSealed.byItsFirstPacket(first, name);
        if (notSealed != null) {
            throw notSealed;
        }
        if (first instanceof PGPEncryptedDataList anonymous && !anonymous.isEmpty()) {
            // Seizure mode: no outer layer; the file is the encrypted message alone.
            this.outer = null;
            this.message = new EncryptedMessage(anonymous, decoded, true);
            return;
        }
        if (!(first instanceof PGPOnePassSignatureList list) || list.size() != 1) {
            throw new MalformedSealException(
                    "this is not a sealed file: it does not start with a one-pass signature",
                    NOT_SEALED_HINT);
        }
        this.outer =
                new OuterEnvelope(
                        list.get(0),
                        factory,
                        decoded,
                        trusted,
                        tail == null ? null : tail.signature,
                        tail != null,
                        verifying,
                        sameBytes);
        Object inner = new PGPObjectFactory(outer.body(), Crypto.fingerprints()).nextObject();
        if (!(inner instanceof PGPEncryptedDataList encrypted) || encrypted.isEmpty()) {
            throw new MalformedSealException(
                    "the sealed file holds no encrypted message", NOT_SEALED_HINT);
        }
        this.message = new EncryptedMessage(encrypted, outer.body(), false);
    }

    /**
     * The signature packet that ends a file, as read from its open descriptor before the data is
     * read (unverified: it only says whom to refuse early). Read at once, since the descriptor may
     * be closed by whoever reads the data.
     */
    public static final class Tail {
        private final PGPSignature signature;

        private Tail(PGPSignature signature) {
            this.signature = signature;
        }

        /** Reads it from {@code channel} with positional reads; null for no channel (a stream). */
        public static Tail of(FileChannel channel) {
            return channel == null ? null : new Tail(OuterTail.read(channel));
        }
    }

    /**
     * Starts reading a sealed file.
     *
     * @param trusted the certificates whose signatures the caller will accept
     * @param path the file the stream reads, for messages (null for a stream that is no file)
     * @param tail the signature that ends that file, read from its open descriptor ({@link
     *     Tail#of}; null for a stream): looked at first, a file whose signer is not trusted is
     *     refused before anything is decrypted. Read there, never through the name, so a file
     *     renamed over the name meanwhile is not what is judged.
     */
    public static SealReader open(InputStream in, List<Certificate> trusted, Path path, Tail tail) {
        return start(in, trusted, path, tail, true, null);
    }

    /**
     * Starts reading again a sealed file whose outer signature an earlier pass verified over every
     * byte (docs/FORMAT.md R1.20): the signed data is not hashed again; instead {@link
     * #verifyOuter} gives the signature's check only if {@code sameBytes}, asked once this pass has
     * read the file to its end, says its bytes were those the earlier pass verified. An anonymous
     * file is read as by {@link #open}.
     */
    public static SealReader openAuthenticated(
            InputStream in, List<Certificate> trusted, Path path, BooleanSupplier sameBytes) {
        return start(in, trusted, path, null, true, sameBytes);
    }

    /**
     * Starts reading a sealed file only to look at it (inspect): nothing is checked, nothing
     * decrypted.
     */
    public static SealReader inspect(InputStream in, Path path) {
        return start(in, List.of(), path, null, false, null);
    }

    private static SealReader start(
            InputStream in,
            List<Certificate> trusted,
            Path path,
            Tail tail,
            boolean verifying,
            BooleanSupplier sameBytes) {
        // Its first bytes are looked at before any parser sees them, to say what a file that is no
        // sealed file is (empty, text, a certificate, ...).
        InputStream peeked = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        String name = NotSealed.quoted(path == null ? null : path.toString());
        byte[] head;
        try {
            peeked.mark(NotSealed.HEAD);
            head = peeked.readNBytes(NotSealed.HEAD);
            peeked.reset();
        } catch (IOException e) {
            throw ReadFailures.of(
                    e, CountingInput.over(peeked), false, false, "the file cannot be read");
        }
        MalformedSealException notSealed = NotSealed.byItsStart(head, head.length, name);
        if (notSealed != null) {
            throw notSealed;
        }
        CountingInput file = CountingInput.over(peeked);
        try {
            return new SealReader(file, trusted, tail, verifying, sameBytes, name);
        } catch (IOException | PGPException | RuntimeException e) {
            throw ReadFailures.of(e, file, false, false, "the file is not a readable sealed file");
        }
    }

    public List<Recipient> recipients() {
        return message.recipients();
    }

    /**
     * The key ID the unverified one-pass header names as the signer, or null for an anonymous file.
     */
    public String claimedSignerKeyId() {
        return outer == null ? null : outer.claimedSignerKeyId();
    }

    /** Whether this is an anonymous (seizure-mode) file: no outer signature, hidden recipients. */
    public boolean isAnonymous() {
        return outer == null;
    }

    /** Bytes of the file read so far. */
    public long fileBytesRead() {
        return file.count;
    }

    /** Bytes of the encrypted inner message read so far. */
    public long innerBytesRead() {
        return outer == null ? file.count : outer.bodyBytes();
    }

    /**
     * Decrypts the inner message with one of the keys that is a recipient (unlocking only what is
     * needed) and returns the plaintext (the tar), unverified until {@link #checkIntegrity()} and
     * {@link #verifyOuter(List)} pass.
     */
    public InputStream decrypt(
            List<? extends KeyHandle> keys,
            BiFunction<KeyHandle, LongPredicate, SecretKey> unlock,
            int maxAnonymousRecipients) {
        checkRecipients(maxAnonymousRecipients);
        try {
            return message.decrypt(keys, unlock);
        } catch (IOException | PGPException | RuntimeException e) {
            throw failure(e, "the inner message cannot be decrypted");
        }
    }

    /**
     * An anonymous file is decrypted before its sender is known, and each of its recipients costs a
     * trial decryption with every key: more than {@code max} encrypted session keys are refused
     * before any key is unlocked. A signed file is authenticated first, and is not limited here.
     */
    public void checkRecipients(int max) {
        if (outer == null && message.sessionKeys() > max) {
            throw new UnsafeArchiveException(
                    "the anonymous file holds "
                            + message.sessionKeys()
                            + " encrypted session keys (recipients), over the limit of "
                            + max
                            + "; nothing was unlocked or decrypted",
                    "do not open it if you do not expect it; if it is"
                            + " genuine, raise the limit with --max-recipients");
        }
    }

    /**
     * Bytes of plaintext every decryption in this process has handed out so far (for --debug and
     * the tests).
     */
    public static long bytesDecrypted() {
        return EncryptedMessage.DECRYPTED.get();
    }

    /** The recipient key that decrypted the file, after {@link #decrypt}. */
    public Certificate openedBy() {
        return message.openedBy();
    }

    /**
     * Who holds the secret of the key that decrypted the file: "sealpack", or "GnuPG" (its agent).
     */
    public String openedHeldBy() {
        return message.openedHeldBy();
    }

    /** Reads the rest of the plaintext and checks the integrity tag of the encrypted data. */
    public void checkIntegrity() {
        message.checkIntegrity();
        complete = outer == null;
    }

    /**
     * Reads the rest of the file and verifies the outer signature against the trusted certificates.
     * Fails if the signer is not trusted, if the signature does not verify, or if anything follows
     * it.
     */
    public SignatureCheck verifyOuter(List<Certificate> trusted) {
        if (outer == null) {
            throw new NotVerifiableException(
                    "this file is anonymous: it carries no outer signature, so only a recipient can verify it",
                    "verify it with your secret key (--key), or open it; a courier without a key records the hand-over"
                            + " with `sealpack custody carry FILE --receipt R --sign-receipt KEY`");
        }
        try {
            return outer.verify(trusted);
        } catch (IOException | PGPException | RuntimeException e) {
            throw failure(e, "the outer signature cannot be checked");
        }
    }

    /**
     * Reads the rest of the file without checking anything: for inspection. Returns the claimed
     * signature.
     */
    public ClaimedSignature skipToEnd() {
        try {
            if (outer == null) {
                CountingInput.drain(file);
                return null;
            }
            return outer.skipToEnd();
        } catch (IOException | RuntimeException e) {
            throw failure(e, "the file cannot be read to its end");
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SealpackException failure(Exception e, String context) {
        return ReadFailures.of(
                e,
                file,
                message != null && message.unprotected,
                complete || outer != null && outer.complete,
                context);
    }
}
