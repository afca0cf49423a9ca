package org.sealpack.pgp;

import static org.sealpack.pgp.ReadFailures.ALTERED_HINT;
import static org.sealpack.pgp.ReadFailures.NOT_SEALED_HINT;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.UntrustedSignerException;

/**
 * The outer layer of a sealed file (docs/FORMAT.md section 1): the one-pass header, the literal
 * data whose body is the inner message (hashed for every trusted key the header may name as it is
 * read), and the signature that ends the file, checked against the header and verified over the
 * data.
 */
final class OuterEnvelope {
    private final CountingInput decoded;
    private final PGPObjectFactory factory;
    private final PGPOnePassSignature onePass;

    /**
     * The literal packet's date, in seconds: not signed, so it must be 0 or the signature's time.
     */
    private final long literalDate;

    private final List<Candidate> candidates = new ArrayList<>();

    /**
     * Our own running digest of the signed data, for the digest-prefix check, unless every
     * candidate has one.
     */
    private final PGPDigestCalculator digest;

    private final SignedInput body;

    /**
     * For a pass over a file an earlier pass authenticated: whether its bytes, read to the end, are
     * the ones that verified (the signed data is then not hashed again); null otherwise.
     */
    private final BooleanSupplier sameBytes;

    /**
     * Whether the whole file was read with its structure complete: a failure after that is no
     * truncation.
     */
    boolean complete;

    /**
     * A certificate key that the one-pass header may name, with its own running hash; {@code fast}
     * holds the hash-once verifier when there is one, whose digest then serves the digest-prefix
     * check.
     */
    private record Candidate(
            Certificate certificate,
            PGPPublicKey key,
            PGPOnePassSignature hash,
            AtomicReference<HashOnce.Verifier> fast) {}

    /**
     * Reads the header and the literal packet's header, leaving the body to be read.
     *
     * @param tail the signature that ends the file, read from its descriptor first (null if none)
     * @param seekable whether the file could be read from its end (false for a stream)
     * @param verifying whether the signer must be trusted (false: only looking, for inspect)
     * @param sameBytes for a file an earlier pass authenticated (see {@link #sameBytes}), else null
     */
    OuterEnvelope(
            PGPOnePassSignature onePass,
            PGPObjectFactory factory,
            CountingInput decoded,
            List<Certificate> trusted,
            PGPSignature tail,
            boolean seekable,
            boolean verifying,
            BooleanSupplier sameBytes)
            throws IOException, PGPException {
        this.onePass = onePass;
        this.factory = factory;
        this.decoded = decoded;
        this.sameBytes = sameBytes;
        if (onePass.getSignatureType() != PGPSignature.BINARY_DOCUMENT || !onePass.isContaining()) {
            throw new MalformedSealException(
                    "the outer signature header is not that of a sealed file", ALTERED_HINT);
        }
        byte[] onePassBytes = onePass.getEncoded();
        for (Certificate cert : sameBytes == null ? trusted : List.<Certificate>of()) {
            for (PGPPublicKey key : cert.ring) {
                if (onePass.getKeyIdentifier().matches(key.getKeyIdentifier())) {
                    PGPOnePassSignature copy =
                            new PGPOnePassSignature(
                                    new BCPGInputStream(new ByteArrayInputStream(onePassBytes)));
                    var fast = new AtomicReference<HashOnce.Verifier>();
                    copy.init(
                            HashOnce.verifiers(
                                    new JcaPGPContentVerifierBuilderProvider(), fast::set),
                            key);
                    candidates.add(new Candidate(cert, key, copy, fast));
                }
            }
        }
        if (verifying && sameBytes == null) {
            preflight(seekable, tail, trusted);
        }
        Object second = factory.nextObject();
        if (!(second instanceof PGPLiteralData literal)) {
            throw new MalformedSealException(
                    "the outer layer holds no literal data", NOT_SEALED_HINT);
        }
        if (literal.getFormat() != PGPLiteralData.BINARY || literal.getRawFileName().length != 0) {
            throw new MalformedSealException(
                    "the outer literal data header is not that of a sealed file (format or name changed)",
                    ALTERED_HINT);
        }
        this.literalDate = literal.getModificationTime().getTime() / 1000;
        boolean ownDigest = candidates.stream().anyMatch(c -> c.fast().get() == null);
        this.digest = ownDigest ? Crypto.digests().get(onePass.getHashAlgorithm()) : null;
        if (digest != null && onePass.getVersion() == 6) {
            digest.getOutputStream().write(onePass.getSalt());
        }
        OutputStream hashes =
                new Hashes(
                        candidates.stream().map(Candidate::hash).toList(),
                        digest == null ? OutputStreams.NULL : digest.getOutputStream());
        this.body = new SignedInput(literal.getInputStream(), hashes);
    }

    /**
     * Before anything is decrypted: the signer must be trusted. For a file on disk, its outer
     * signature is read from its end: one that disagrees with the one-pass header is an alteration
     * (21), one by a signer not trusted is refused (22), a weak one too (26), at the cost of
     * reading the file's first and last kilobytes. For a stream, the one-pass header's key ID must
     * be a trusted signer's. The signature itself is verified at the end, over the data, as always.
     */
    private void preflight(boolean seekable, PGPSignature tail, List<Certificate> trusted) {
        if (seekable && tail != null) {
            checkHeaderAgrees(tail);
            Signatures.resolve(tail, trusted, "the outer signature");
        } else if (candidates.isEmpty()) {
            throw new UntrustedSignerException(
                    "the file names key ID "
                            + Hex.keyId(onePass.getKeyID())
                            + " as its signer (in its one-pass signature header), which is none of the trusted signers' keys",
                    "if you trust this sender, compare the fingerprint with them over another channel, then import their"
                            + " certificate (`sealpack keys import THEIR-CERT.asc`) or name it with --signer THEIR-CERT.asc");
        }
    }

    /** The literal body: the inner message, hashed as it is read. */
    InputStream body() {
        return body;
    }

    long bodyBytes() {
        return body.count;
    }

    /** The key ID the unverified one-pass header names as the signer. */
    String claimedSignerKeyId() {
        return Hex.keyId(onePass.getKeyID());
    }

    /**
     * Reads the rest of the body and the signature, requires that nothing follows, and verifies it
     * (docs/FORMAT.md section 1, steps 4 to 11).
     */
    SignatureCheck verify(List<Certificate> trusted) throws IOException, PGPException {
        if (sameBytes == null) {
            return checked(trusted);
        }
        try {
            return checked(trusted);
        } catch (IOException | PGPException | RuntimeException e) {
            // Whatever went wrong over bytes that changed since they verified, that is the news.
            if (!sameBytes.getAsBoolean()) {
                throw changed();
            }
            throw e;
        }
    }

    private static BadSignatureException changed() {
        return new BadSignatureException(
                "the file changed while it was read: its bytes are no longer those whose outer"
                        + " signature verified; it was altered",
                ALTERED_HINT);
    }

    private SignatureCheck checked(List<Certificate> trusted) throws IOException, PGPException {
        CountingInput.drain(body);
        decoded.record();
        Object o = factory.nextObject();
        if (!(o instanceof PGPSignatureList list) || list.size() != 1) {
            throw new MalformedSealException("the outer signature is missing", ALTERED_HINT);
        }
        if (factory.nextObject() != null) {
            throw new MalformedSealException(
                    "the file has data after its outer signature", ALTERED_HINT);
        }
        complete = true;
        PGPSignature signature = list.get(0);
        String what = "the outer signature";
        if (!Arrays.equals(decoded.recorded(), signature.getEncoded())) {
            throw new BadSignatureException(
                    what + " is not encoded as it was made: it was altered", ALTERED_HINT);
        }
        checkHeaderAgrees(signature);
        Signatures.Verified verified = Signatures.resolve(signature, trusted, what);
        long signed = signature.getCreationTime().getTime() / 1000;
        if (literalDate != 0 && literalDate != signed) {
            throw new MalformedSealException(
                    "the outer literal data date is neither 0 nor the signature's time: "
                            + "it was altered",
                    ALTERED_HINT);
        }
        if (sameBytes != null) {
            // Authenticated by the earlier pass: these bytes are those, or nothing is given.
            if (!sameBytes.getAsBoolean()) {
                throw changed();
            }
            return new SignatureCheck(
                    verified.certificate(),
                    signature.getCreationTime().toInstant(),
                    List.of(),
                    Signatures.checkKeyAt(verified, signature, what));
        }
        for (Candidate c : candidates) {
            if (c.key().getKeyID() == verified.key().getKeyID()
                    && Arrays.equals(c.key().getFingerprint(), verified.key().getFingerprint())) {
                if (!c.hash().verify(signature)) {
                    throw new BadSignatureException(
                            what + " does not match the file: it was altered", ALTERED_HINT);
                }
                if (c.fast().get() != null) {
                    Signatures.checkDigestPrefix(signature, c.fast().get().digest(), what);
                } else {
                    Signatures.checkDigestPrefix(signature, digest, what);
                }
                List<String> notes = Signatures.checkKeyAt(verified, signature, what);
                return new SignatureCheck(
                        verified.certificate(),
                        signature.getCreationTime().toInstant(),
                        List.of(),
                        notes);
            }
        }
        throw new BadSignatureException(what + " does not match its one-pass header", ALTERED_HINT);
    }

    /**
     * The signature must be the one its one-pass header announced: the same type and algorithms,
     * and every issuer it names (the key ID, the fingerprint and the key ID within it) the header's
     * key. A change in any of them is an alteration, reported as such rather than as an untrusted
     * signer.
     */
    private void checkHeaderAgrees(PGPSignature signature) {
        boolean agrees =
                signature.getSignatureType() == onePass.getSignatureType()
                        && signature.getHashAlgorithm() == onePass.getHashAlgorithm()
                        && signature.getKeyAlgorithm() == onePass.getKeyAlgorithm();
        KeyIdentifier header = onePass.getKeyIdentifier();
        for (KeyIdentifier issuer : signature.getKeyIdentifiers()) {
            agrees &= issuer.matches(header) || header.matches(issuer);
        }
        if (!agrees || signature.getKeyIdentifiers().isEmpty()) {
            throw new BadSignatureException(
                    "the outer signature does not match its one-pass header: it was altered",
                    ALTERED_HINT);
        }
    }

    /** Reads the rest without checking anything (inspect): what the signature claims. */
    SealReader.ClaimedSignature skipToEnd() throws IOException {
        CountingInput.drain(body);
        Object o = factory.nextObject();
        if (!(o instanceof PGPSignatureList list) || list.size() != 1) {
            throw new MalformedSealException("the outer signature is missing", ALTERED_HINT);
        }
        PGPSignature signature = list.get(0);
        String issuer =
                signature.getHashedKeyIdentifiers().stream()
                        .filter(k -> k.getFingerprint() != null)
                        .map(k -> Hex.of(k.getFingerprint()))
                        .findFirst()
                        .orElse(Hex.keyId(signature.getKeyID()));
        return new SealReader.ClaimedSignature(
                issuer,
                signature.getCreationTime().toInstant(),
                Names.hash(signature.getHashAlgorithm()),
                Names.publicKey(signature.getKeyAlgorithm()));
    }

    /** Every candidate signature hash, and our own digest. */
    private static final class Hashes extends OutputStream {
        private final List<PGPOnePassSignature> hashes;
        private final OutputStream digest;

        Hashes(List<PGPOnePassSignature> hashes, OutputStream digest) {
            this.hashes = hashes;
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            digest.write(b);
            for (PGPOnePassSignature h : hashes) {
                h.update((byte) b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.write(b, off, len);
            for (PGPOnePassSignature h : hashes) {
                h.update(b, off, len);
            }
        }
    }

    /** The literal data, handed to the hashes (or to the thread that hashes it) as it is read. */
    private static final class SignedInput extends FilterInputStream {
        private final OutputStream hashes;
        long count;

        SignedInput(InputStream in, OutputStream hashes) {
            super(in);
            this.hashes = hashes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
                hashes.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                hashes.write(b, off, n);
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
