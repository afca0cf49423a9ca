package org.sealpack.pgp;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.NotRecipientException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.TamperedDataException;
import org.sealpack.failure.WeakCryptoException;

/**
 * Reads a sealed file in one pass: the outer one-pass-signed literal data, the recipients of the inner
 * message, and (with a recipient key) the decrypted inner literal data. Nothing it returns is trusted
 * until {@link #checkIntegrity()} and {@link #verifyOuter(List)} have passed: plaintext handed out by
 * {@link #decrypt(UnlockedKey)} must be held back by the caller until then.
 */
public final class SealReader implements AutoCloseable {
    private static final String NOT_SEALED_HINT = "check that this is a .sealed file made by sealpack";
    private static final String ALTERED_HINT = "the file was altered or damaged in transit; ask the sender for a new copy";

    private final CountingInputStream file;
    /** The file as OpenPGP packets (dearmored when armored), whose outer signature packet is recorded. */
    private final CountingInputStream decoded;
    private final PGPObjectFactory outerFactory;
    private final boolean anonymous;
    private final PGPOnePassSignature onePass;
    /** The outer literal packet's date, in seconds: not signed, so it must be 0 or the signature's time. */
    private final long literalDate;
    private final List<Candidate> candidates = new ArrayList<>();
    private final SignedInputStream body;
    private final List<Recipient> recipients = new ArrayList<>();
    private final PGPEncryptedDataList encrypted;
    private PGPPublicKeyEncryptedData chosen;
    /** Whether any encrypted data packet lacks integrity protection (old SED data). */
    private boolean unprotected;
    /** Whether the whole file was read with its structure complete: a failure after that is no truncation. */
    private boolean complete;
    private PGPObjectFactory plainFactory;
    /** The decrypted inner message, and within it the inflated data when it is compressed. */
    private InputStream clear;
    private InputStream inflated;
    private InputStream plaintext;
    private UnlockedKey opener;

    /**
     * A certificate key that the one-pass header may name, with its own running hash; {@code fast} holds
     * the hash-once verifier when there is one, whose digest then serves the digest-prefix check.
     */
    private record Candidate(Certificate certificate, PGPPublicKey key, PGPOnePassSignature hash,
                             java.util.concurrent.atomic.AtomicReference<HashOnce.Verifier> fast) {
    }

    /** Our own running digest of the signed data, to check the signature's digest prefix (BC does not). */
    private final org.bouncycastle.openpgp.operator.PGPDigestCalculator digest;

    /** One recipient of the inner message: a key ID (0 for a hidden recipient) and its algorithm. */
    public record Recipient(String keyId, String algorithm) {
    }

    private SealReader(CountingInputStream file, List<Certificate> trusted, java.nio.file.Path path, boolean verifying)
            throws IOException, PGPException {
        this.file = file;
        // The packets are recorded above the armor decoder: an armored copy of a sealed file is checked
        // over its dearmored bytes, as the signature covers them.
        this.decoded = new CountingInputStream(PGPUtil.getDecoderStream(file));
        this.outerFactory = new PGPObjectFactory(decoded, Crypto.fingerprints());
        Object first = outerFactory.nextObject();
        if (first instanceof PGPEncryptedDataList anonymousList && !anonymousList.isEmpty()) {
            // Seizure mode: no outer layer; the file is the encrypted message alone.
            this.anonymous = true;
            this.onePass = null;
            this.literalDate = 0;
            this.digest = null;
            this.body = null;
            this.encrypted = anonymousList;
            listRecipients();
            return;
        }
        this.anonymous = false;
        if (!(first instanceof PGPOnePassSignatureList list) || list.size() != 1) {
            throw new MalformedSealException("this is not a sealed file: it does not start with a one-pass signature",
                    NOT_SEALED_HINT);
        }
        onePass = list.get(0);
        if (onePass.getSignatureType() != PGPSignature.BINARY_DOCUMENT || !onePass.isContaining()) {
            throw new MalformedSealException("the outer signature header is not that of a sealed file", ALTERED_HINT);
        }
        byte[] onePassBytes = onePass.getEncoded();
        for (Certificate cert : trusted) {
            for (PGPPublicKey key : cert.ring) {
                if (onePass.getKeyIdentifier().matches(key.getKeyIdentifier())) {
                    PGPOnePassSignature copy = new PGPOnePassSignature(
                            new BCPGInputStream(new ByteArrayInputStream(onePassBytes)));
                    var fast = new java.util.concurrent.atomic.AtomicReference<HashOnce.Verifier>();
                    copy.init(HashOnce.verifiers(new org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider(),
                            fast::set), key);
                    candidates.add(new Candidate(cert, key, copy, fast));
                }
            }
        }
        if (verifying) {
            preflight(path == null ? null : OuterTail.read(path), trusted);
        }
        Object second = outerFactory.nextObject();
        if (!(second instanceof PGPLiteralData literal)) {
            throw new MalformedSealException("the outer layer holds no literal data", NOT_SEALED_HINT);
        }
        if (literal.getFormat() != PGPLiteralData.BINARY || literal.getRawFileName().length != 0) {
            throw new MalformedSealException(
                    "the outer literal data header is not that of a sealed file (format or name changed)",
                    ALTERED_HINT);
        }
        this.literalDate = literal.getModificationTime().getTime() / 1000;
        // Our own digest for the prefix check, unless every candidate's verifier computes it anyway.
        boolean ownDigest = candidates.stream().anyMatch(c -> c.fast().get() == null);
        this.digest = ownDigest ? Crypto.digests().get(onePass.getHashAlgorithm()) : null;
        if (digest != null && onePass.getVersion() == 6) {
            digest.getOutputStream().write(onePass.getSalt());
        }
        this.body = new SignedInputStream(literal.getInputStream(), candidates,
                digest == null ? OutputStreams.NULL : digest.getOutputStream());
        PGPObjectFactory inner = new PGPObjectFactory(body, Crypto.fingerprints());
        Object message = inner.nextObject();
        if (!(message instanceof PGPEncryptedDataList dataList) || dataList.isEmpty()) {
            throw new MalformedSealException("the sealed file holds no encrypted message", NOT_SEALED_HINT);
        }
        this.encrypted = dataList;
        listRecipients();
    }

    /**
     * Before anything is decrypted: the signer must be trusted. For a file on disk, its outer signature
     * is read from its end: one that disagrees with the one-pass header is an alteration (21), one by a
     * signer not trusted is refused (22), a weak one too (26), at the cost of reading the file's first
     * and last kilobytes. For a stream, the one-pass header's key ID must be a trusted signer's. The
     * signature itself is verified at the end, over the data, as always.
     */
    private void preflight(PGPSignature tail, List<Certificate> trusted) {
        if (tail != null) {
            checkHeaderAgrees(tail);
            Signatures.resolve(tail, trusted, "the outer signature");
        } else if (candidates.isEmpty()) {
            throw new org.sealpack.failure.UntrustedSignerException("the file names key ID " + Hex.keyId(onePass.getKeyID())
                    + " as its signer (in its one-pass signature header), which is none of the trusted signers' keys",
                    "if you trust this sender, compare the fingerprint with them over another channel and name their certificate with --signer");
        }
    }

    private void listRecipients() {
        for (PGPEncryptedData d : encrypted) {
            unprotected |= !d.isIntegrityProtected();
            if (d instanceof PGPPublicKeyEncryptedData pk) {
                var id = pk.getKeyIdentifier();
                String shown = id.isWildcard() ? "hidden (anonymous recipient)"
                        : id.getFingerprint() != null ? Hex.of(id.getFingerprint()) : Hex.keyId(id.getKeyId());
                recipients.add(new Recipient(shown, Names.publicKey(pk.getAlgorithm())));
            } else if (d instanceof PGPPBEEncryptedData) {
                recipients.add(new Recipient("passphrase", "symmetric"));
            }
        }
    }

    /**
     * Starts reading a sealed file.
     *
     * @param trusted the certificates whose signatures the caller will accept; may be empty to only look
     */
    public static SealReader open(InputStream in, List<Certificate> trusted) {
        return open(in, trusted, null);
    }

    /** Starts reading a sealed file only to look at it (inspect): nothing is checked, nothing decrypted. */
    public static SealReader inspect(InputStream in) {
        CountingInputStream file = counting(in);
        try {
            return new SealReader(file, List.of(), null, false);
        } catch (IOException | PGPException | RuntimeException e) {
            throw failure(e, file, false, false, "the file is not a readable sealed file");
        }
    }

    /** Mark support below the counter, so that the armor decoder's look-ahead is counted right. */
    private static CountingInputStream counting(InputStream in) {
        return new CountingInputStream(in.markSupported() ? in : new java.io.BufferedInputStream(in, 1 << 16));
    }

    /**
     * As {@link #open(InputStream, List)}, the stream being the content of {@code file} (null for a
     * stream that is no file): its outer signature is then looked at first, from the file's end, and a
     * file whose signer is not trusted is refused before anything is decrypted.
     */
    public static SealReader open(InputStream in, List<Certificate> trusted, java.nio.file.Path path) {
        CountingInputStream file = counting(in);
        try {
            return new SealReader(file, trusted, path, true);
        } catch (IOException | PGPException | RuntimeException e) {
            throw failure(e, file, false, false, "the file is not a readable sealed file");
        }
    }

    public List<Recipient> recipients() {
        return List.copyOf(recipients);
    }

    /** The key ID the unverified one-pass header names as the signer, or null for an anonymous file. */
    public String claimedSignerKeyId() {
        return anonymous ? null : Hex.keyId(onePass.getKeyID());
    }

    /** Whether this is an anonymous (seizure-mode) file: no outer signature, hidden recipients. */
    public boolean isAnonymous() {
        return anonymous;
    }

    /** Bytes of the file read so far. */
    public long fileBytesRead() {
        return file.count;
    }

    /** Bytes of the encrypted inner message read so far. */
    public long innerBytesRead() {
        return anonymous ? file.count : body.count;
    }

    /**
     * Decrypts the inner message with the first of the keys that is a recipient, unlocking only that
     * one; for hidden recipients (wildcard key IDs) each key is unlocked and tried in turn. Returns the
     * plaintext (the tar), unverified until {@link #checkIntegrity()} and {@link #verifyOuter(List)} pass.
     */
    public InputStream decrypt(List<Key> keys,
                               java.util.function.BiFunction<Key, java.util.function.LongPredicate, UnlockedKey> unlock) {
        try {
            for (PGPEncryptedData d : encrypted) {
                if (d instanceof PGPPublicKeyEncryptedData pk && !pk.getKeyIdentifier().isWildcard()) {
                    for (Key key : keys) {
                        if (key.hasSecretFor(pk.getKeyID())) {
                            long part = pk.getKeyID();
                            UnlockedKey unlocked = unlock.apply(key, id -> id == part);
                            return open(pk, unlocked, unlocked.privateKey(part));
                        }
                    }
                }
            }
            boolean hidden = false;
            for (PGPEncryptedData d : encrypted) {
                if (d instanceof PGPPublicKeyEncryptedData pk && pk.getKeyIdentifier().isWildcard()) {
                    hidden = true;
                    for (Key key : keys) {
                        UnlockedKey unlocked = unlock.apply(key, id -> true);
                        for (PGPPrivateKey candidate : unlocked.privateKeys()) {
                            try {
                                pk.getSessionKey(new BcPublicKeyDataDecryptorFactory(candidate));
                            } catch (PGPException | RuntimeException wrongKey) {
                                continue;
                            }
                            return open(pk, unlocked, candidate);
                        }
                    }
                }
            }
            if (hidden && recipients.stream().allMatch(r -> r.keyId().startsWith("hidden"))) {
                throw new NotRecipientException("none of your keys can open this file",
                        "it is not addressed to any secret key you gave or hold in your keyring");
            }
            List<String> ids = recipients.stream().map(Recipient::keyId).toList();
            String given = keys.stream().map(k -> k.certificate().describe()).collect(java.util.stream.Collectors.joining(", "));
            throw new NotRecipientException((keys.size() == 1 ? "the key " + given + " is not a recipient"
                    : "none of the keys " + (keys.isEmpty() ? "" : given + " ") + "is a recipient")
                    + " of this file; it is encrypted to key IDs " + String.join(", ", ids),
                    "open it with the secret key of one of those recipients");
        } catch (IOException | PGPException | RuntimeException e) {
            throw failure(e, "the inner message cannot be decrypted");
        }
    }

    private InputStream open(PGPPublicKeyEncryptedData match, UnlockedKey key, PGPPrivateKey privateKey)
            throws IOException, PGPException {
        // Session key recovery (a few hundred bytes) on Bouncy Castle's own code, which needs no JCA
        // provider; the bulk decryption on the JDK's AES.
        PublicKeyDataDecryptorFactory factory = BulkCfb.wrap(new BcPublicKeyDataDecryptorFactory(privateKey));
        if (!match.isIntegrityProtected()) {
            throw new WeakCryptoException("the inner message is encrypted without integrity protection",
                    "ask the sender to seal it again with sealpack");
        }
        if (match.isAEAD() && key.certificate().version() < 6) {
            throw new MalformedSealException("the inner message is AEAD-encrypted (SEIPD v2) to a v4 key; a sealed file"
                    + " uses SEIPD v1 unless every recipient holds a v6 key (docs/FORMAT.md section 7)", ALTERED_HINT);
        }
        clear = match.getDataStream(factory);
        if (!match.isAEAD()) {
            Policy.checkCipher(match.getSymmetricAlgorithm(factory));
        }
        chosen = match;
        opener = key;
        plainFactory = new PGPObjectFactory(clear, Crypto.fingerprints());
        Object o = plainFactory.nextObject();
        if (o instanceof PGPCompressedData compressed) {
            int algorithm = compressed.getAlgorithm();
            if (algorithm != org.bouncycastle.bcpg.CompressionAlgorithmTags.ZLIB
                    && algorithm != org.bouncycastle.bcpg.CompressionAlgorithmTags.ZIP) {
                throw new MalformedSealException("the inner message is compressed with " + Names.compression(algorithm)
                        + "; a sealed file uses ZLIB or ZIP only (docs/FORMAT.md section 2)", ALTERED_HINT);
            }
            inflated = compressed.getDataStream();
            plainFactory = new PGPObjectFactory(inflated, Crypto.fingerprints());
            o = plainFactory.nextObject();
        }
        if (!(o instanceof PGPLiteralData literal)) {
            throw new MalformedSealException("the inner message holds no literal data", ALTERED_HINT);
        }
        checkInnerLiteral(literal);
        plaintext = literal.getInputStream();
        return plaintext;
    }

    /**
     * The inner literal data's header (covered by the integrity tag, not by a signature): binary, and named
     * NAME.tar (a plain name, no directory) or nothing in seizure mode. Its date is not used: gpg cannot
     * write the 0 that sealpack writes.
     */
    private void checkInnerLiteral(PGPLiteralData literal) {
        if (literal.getFormat() != PGPLiteralData.BINARY) {
            throw new MalformedSealException("the inner literal data is in text mode ('" + (char) literal.getFormat()
                    + "'); a sealed file's is binary ('b')", ALTERED_HINT);
        }
        String name = new String(literal.getRawFileName(), java.nio.charset.StandardCharsets.UTF_8);
        boolean plain = name.isEmpty() || name.endsWith(".tar") && name.length() > 4 && !name.contains("/")
                && !name.contains("\\") && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (!plain) {
            throw new MalformedSealException("the inner literal data is named '" + name + "'; a sealed file's is"
                    + " NAME.tar or empty", ALTERED_HINT);
        }
    }

    /** The recipient key that decrypted the file, after {@link #decrypt(UnlockedKey)}. */
    public Certificate openedBy() {
        return opener == null ? null : opener.certificate();
    }

    /** Reads the rest of the plaintext and checks the integrity tag (MDC) of the encrypted data. */
    public void checkIntegrity() {
        if (chosen == null) {
            throw new IllegalStateException("nothing was decrypted");
        }
        try {
            drain(plaintext);
            // One byte is enough to tell: nothing may follow the literal data, inside the compression
            // or after it (a second literal packet, junk), and reading no further bounds the work.
            if (inflated != null && inflated.read() >= 0) {
                throw new MalformedSealException("the compressed data has more after its literal data", ALTERED_HINT);
            }
            if (clear.read() >= 0) {
                throw new MalformedSealException("the inner message has data after its literal data", ALTERED_HINT);
            }
            if (!chosen.isAEAD() && !chosen.verify()) {
                throw new TamperedDataException("the encrypted data failed its integrity check (MDC): it was altered",
                        ALTERED_HINT);
            }
            if (anonymous ? decoded.read() >= 0 : body.read() >= 0) {
                throw new MalformedSealException("the file has data after its encrypted message", ALTERED_HINT);
            }
            complete = anonymous;
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof SealpackException s) {
                throw s;
            }
            throw new TamperedDataException("the encrypted data failed its integrity check: " + e.getMessage(),
                    ALTERED_HINT, e);
        }
    }

    /**
     * Reads the rest of the file and verifies the outer signature against the trusted certificates.
     * Fails if the signer is not trusted, if the signature does not verify, or if anything follows it.
     */
    public SignatureCheck verifyOuter(List<Certificate> trusted) {
        if (anonymous) {
            throw new org.sealpack.failure.NotVerifiableException(
                    "this file is anonymous: it carries no outer signature, so only a recipient can verify it",
                    "verify it with your secret key (--key), or open it");
        }
        try {
            drain(body);
            decoded.record();
            Object o = outerFactory.nextObject();
            if (!(o instanceof PGPSignatureList list) || list.size() != 1) {
                throw new MalformedSealException("the outer signature is missing", ALTERED_HINT);
            }
            if (outerFactory.nextObject() != null) {
                throw new MalformedSealException("the file has data after its outer signature", ALTERED_HINT);
            }
            complete = true;
            PGPSignature signature = list.get(0);
            String what = "the outer signature";
            if (!java.util.Arrays.equals(decoded.recorded(), signature.getEncoded())) {
                throw new BadSignatureException(what + " is not encoded as it was made: it was altered", ALTERED_HINT);
            }
            checkHeaderAgrees(signature);
            Signatures.Verified verified = Signatures.resolve(signature, trusted, what);
            long signed = signature.getCreationTime().getTime() / 1000;
            if (literalDate != 0 && literalDate != signed) {
                throw new MalformedSealException("the outer literal data date is neither 0 nor the signature's time: "
                        + "it was altered", ALTERED_HINT);
            }
            for (Candidate c : candidates) {
                if (c.key().getKeyID() == verified.key().getKeyID()
                        && java.util.Arrays.equals(c.key().getFingerprint(), verified.key().getFingerprint())) {
                    if (!c.hash().verify(signature)) {
                        throw new BadSignatureException(what + " does not match the file: it was altered",
                                ALTERED_HINT);
                    }
                    if (c.fast().get() != null) {
                        Signatures.checkDigestPrefix(signature, c.fast().get().digest(), what);
                    } else {
                        Signatures.checkDigestPrefix(signature, digest, what);
                    }
                    List<String> notes = Signatures.checkKeyAt(verified, signature, what);
                    return new SignatureCheck(verified.certificate(), signature.getCreationTime().toInstant(),
                            List.of(), notes);
                }
            }
            throw new BadSignatureException(what + " does not match its one-pass header", ALTERED_HINT);
        } catch (IOException | PGPException | RuntimeException e) {
            throw failure(e, "the outer signature cannot be checked");
        }
    }

    /**
     * The signature must be the one its one-pass header announced: the same type and algorithms, and
     * every issuer it names (the key ID, the fingerprint and the key ID within it) the header's key. A
     * change in any of them is an alteration, reported as such rather than as an untrusted signer.
     */
    private void checkHeaderAgrees(PGPSignature signature) {
        boolean agrees = signature.getSignatureType() == onePass.getSignatureType()
                && signature.getHashAlgorithm() == onePass.getHashAlgorithm()
                && signature.getKeyAlgorithm() == onePass.getKeyAlgorithm();
        org.bouncycastle.bcpg.KeyIdentifier header = onePass.getKeyIdentifier();
        for (org.bouncycastle.bcpg.KeyIdentifier issuer : signature.getKeyIdentifiers()) {
            agrees &= issuer.matches(header) || header.matches(issuer);
        }
        if (!agrees || signature.getKeyIdentifiers().isEmpty()) {
            throw new BadSignatureException("the outer signature does not match its one-pass header: it was altered",
                    ALTERED_HINT);
        }
    }

    /** Reads the rest of the file without checking anything: for inspection. Returns the claimed signature. */
    public ClaimedSignature skipToEnd() {
        if (anonymous) {
            try {
                drain(file);
                return null;
            } catch (IOException e) {
                throw failure(e, "the file cannot be read to its end");
            }
        }
        try {
            drain(body);
            Object o = outerFactory.nextObject();
            if (!(o instanceof PGPSignatureList list) || list.size() != 1) {
                throw new MalformedSealException("the outer signature is missing", ALTERED_HINT);
            }
            PGPSignature signature = list.get(0);
            String issuer = signature.getHashedKeyIdentifiers().stream()
                    .filter(k -> k.getFingerprint() != null).map(k -> Hex.of(k.getFingerprint()))
                    .findFirst().orElse(Hex.keyId(signature.getKeyID()));
            return new ClaimedSignature(issuer, signature.getCreationTime().toInstant(),
                    Names.hash(signature.getHashAlgorithm()), Names.publicKey(signature.getKeyAlgorithm()));
        } catch (IOException | RuntimeException e) {
            throw failure(e, "the file cannot be read to its end");
        }
    }

    /** What the outer signature claims, unverified. */
    public record ClaimedSignature(String issuer, java.time.Instant created, String hash, String algorithm) {
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a stream to its end in large blocks (each layer below then does its work in large runs). */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 18];
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // hashed by the layers below
        }
    }

    /** Maps what Bouncy Castle and the streams throw to sealpack's own failures. */
    private SealpackException failure(Exception e, String context) {
        return failure(e, file, unprotected, complete, context);
    }

    /**
     * Maps what Bouncy Castle and the streams throw to sealpack's failures by type and by what was read,
     * never by the words of a message: the file ended before its structure did (truncated), the data
     * was encrypted without integrity protection (weak), or anything else (corrupt).
     */
    private static SealpackException failure(Exception e, CountingInputStream file, boolean unprotected, boolean complete,
                                             String context) {
        if (e instanceof SealpackException s) {
            return s;
        }
        if (!complete && (e instanceof EOFException || file.ended)) {
            return new MalformedSealException(context + ": the file is truncated", ALTERED_HINT, e);
        }
        if (unprotected) {
            return new WeakCryptoException("the inner message is encrypted without integrity protection",
                    "ask the sender to seal it again with sealpack", e);
        }
        return new MalformedSealException(context + ": it is corrupt (" + describe(e) + ")", ALTERED_HINT, e);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;
        /** Whether the end of the stream was met: a failure after that is a truncated file. */
        boolean ended;
        private long marked;
        private java.io.ByteArrayOutputStream recording;

        void record() {
            recording = new java.io.ByteArrayOutputStream();
        }

        byte[] recorded() {
            return recording == null ? new byte[0] : recording.toByteArray();
        }

        @Override
        public synchronized void mark(int limit) {
            in.mark(limit);
            marked = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            count = marked;
        }

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
                if (recording != null) {
                    recording.write(b);
                }
            } else {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (recording != null) {
                    recording.write(b, off, n);
                }
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }
    }

    /** The outer literal data, fed to every candidate signature hash as it is read. */
    private static final class SignedInputStream extends FilterInputStream {
        private final List<Candidate> candidates;
        private final java.io.OutputStream digest;
        long count;

        SignedInputStream(InputStream in, List<Candidate> candidates, java.io.OutputStream digest) {
            super(in);
            this.candidates = candidates;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
                digest.write(b);
                for (Candidate c : candidates) {
                    c.hash().update((byte) b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                digest.write(b, off, n);
                for (Candidate c : candidates) {
                    c.hash().update(b, off, n);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
