package org.sealpack.pgp;

import static org.sealpack.pgp.ReadFailures.ALTERED_HINT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.NotRecipientException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.TamperedDataException;
import org.sealpack.failure.WeakCryptoException;

/**
 * The inner layer of a sealed file (docs/FORMAT.md section 2): its recipients, the decryption with
 * the key of one of them, the inner literal data (the tar, unverified until the integrity tag and
 * the outer signature have passed) and, at its end, the integrity tag and nothing after it.
 */
final class EncryptedMessage {
    private final PGPEncryptedDataList encrypted;

    /** The stream the message is read from, which must end with it. */
    private final InputStream source;

    private final List<SealReader.Recipient> recipients = new ArrayList<>();

    /** Whether any encrypted data packet lacks integrity protection (old SED data). */
    final boolean unprotected;

    private PGPPublicKeyEncryptedData chosen;

    /** The decrypted inner message, and within it the inflated data when it is compressed. */
    private InputStream clear;

    private InputStream inflated;
    private InputStream plaintext;
    private SecretKey opener;

    /**
     * Whether the sender is unknown while decrypting (an anonymous file): then inflation is bounded
     * by ratio.
     */
    private final boolean anonymous;

    /**
     * Bytes this process decrypted (plaintext handed out by a decryptor), for --debug and the
     * tests.
     */
    static final AtomicLong DECRYPTED = new AtomicLong();

    EncryptedMessage(PGPEncryptedDataList encrypted, InputStream source, boolean anonymous) {
        this.encrypted = encrypted;
        this.source = source;
        this.anonymous = anonymous;
        boolean weak = false;
        for (PGPEncryptedData d : encrypted) {
            weak |= !d.isIntegrityProtected();
            if (d instanceof PGPPublicKeyEncryptedData pk) {
                var id = pk.getKeyIdentifier();
                String shown =
                        id.isWildcard()
                                ? "hidden (anonymous recipient)"
                                : id.getFingerprint() != null
                                        ? Hex.of(id.getFingerprint())
                                        : Hex.keyId(id.getKeyId());
                recipients.add(new SealReader.Recipient(shown, Names.publicKey(pk.getAlgorithm())));
            } else if (d instanceof PGPPBEEncryptedData) {
                recipients.add(new SealReader.Recipient("passphrase", "symmetric"));
            }
        }
        this.unprotected = weak;
    }

    List<SealReader.Recipient> recipients() {
        return List.copyOf(recipients);
    }

    /** How many encrypted session keys (PKESK and SKESK packets) the message holds. */
    int sessionKeys() {
        int n = 0;
        for (PGPEncryptedData d : encrypted) {
            n += d instanceof PGPPublicKeyEncryptedData || d instanceof PGPPBEEncryptedData ? 1 : 0;
        }
        return n;
    }

    /** The recipient key that decrypted the file, after {@link #decrypt}. */
    Certificate openedBy() {
        return opener == null ? null : opener.certificate();
    }

    /**
     * Decrypts with the first of the keys that is a named recipient, unlocking only that one; for
     * hidden recipients (wildcard key IDs) each key is unlocked and tried in turn. Returns the
     * unverified plaintext (the tar).
     */
    InputStream decrypt(
            List<? extends KeyHandle> keys, BiFunction<KeyHandle, LongPredicate, SecretKey> unlock)
            throws IOException, PGPException {
        List<KeyHandle> given =
                keys.stream()
                        .filter(k -> !(k instanceof GnuPGKeys))
                        .map(k -> (KeyHandle) k)
                        .toList();
        InputStream named = named(given, unlock);
        if (named == null && given.size() < keys.size()) {
            // No key given or in the keyring is a recipient: GnuPG's agent may hold one.
            List<Long> ids = new ArrayList<>();
            for (PGPEncryptedData d : encrypted) {
                if (d instanceof PGPPublicKeyEncryptedData pk
                        && !pk.getKeyIdentifier().isWildcard()) {
                    ids.add(pk.getKeyID());
                }
            }
            named = named(GnuPGKeys.forRecipients(ids), unlock);
        }
        if (named != null) {
            return named;
        }
        boolean hidden = false;
        // Each key is unlocked (its passphrase's S2K run) at most once, however many hidden
        // recipients.
        Map<KeyHandle, SecretKey> unlockedKeys = new IdentityHashMap<>();
        for (PGPEncryptedData d : encrypted) {
            if (d instanceof PGPPublicKeyEncryptedData pk && pk.getKeyIdentifier().isWildcard()) {
                hidden = true;
                for (KeyHandle key : given) {
                    SecretKey unlocked =
                            unlockedKeys.computeIfAbsent(key, k -> unlock.apply(k, id -> true));
                    for (PGPPublicKey candidate : unlocked.usableParts()) {
                        if (candidate.getAlgorithm() != pk.getAlgorithm()) {
                            continue;
                        }
                        try {
                            pk.getSessionKey(SessionKeys.of(unlocked, candidate));
                        } catch (PGPException | RuntimeException wrongKey) {
                            if (wrongKey instanceof SealpackException s) {
                                throw s;
                            }
                            continue;
                        }
                        return open(pk, unlocked, candidate);
                    }
                }
            }
        }
        if (hidden && recipients.stream().allMatch(r -> r.keyId().startsWith("hidden"))) {
            throw new NotRecipientException(
                    "none of your keys can open this file",
                    "it is not addressed to any secret key you gave or hold in your keyring");
        }
        List<String> ids = recipients.stream().map(SealReader.Recipient::keyId).toList();
        String names =
                given.stream()
                        .map(k -> k.certificate().describe())
                        .collect(Collectors.joining(", "));
        throw new NotRecipientException(
                (given.size() == 1
                                ? "the key " + names + " is not a recipient"
                                : "none of the keys "
                                        + (given.isEmpty() ? "" : names + " ")
                                        + "is a recipient")
                        + " of this file",
                ids,
                "open it with the secret key of one of those recipients (`sealpack keys list` shows yours)");
    }

    /** Decrypts with the first key that a named (not hidden) recipient is, or returns null. */
    private InputStream named(
            List<? extends KeyHandle> keys, BiFunction<KeyHandle, LongPredicate, SecretKey> unlock)
            throws IOException, PGPException {
        for (PGPEncryptedData d : encrypted) {
            if (d instanceof PGPPublicKeyEncryptedData pk && !pk.getKeyIdentifier().isWildcard()) {
                for (KeyHandle key : keys) {
                    if (key.hasSecretFor(pk.getKeyID())) {
                        long part = pk.getKeyID();
                        SecretKey unlocked = unlock.apply(key, id -> id == part);
                        return open(pk, unlocked, unlocked.certificate().ring.getPublicKey(part));
                    }
                }
            }
        }
        return null;
    }

    /**
     * Who holds the secret of the key that decrypted the file ("sealpack", "GnuPG"), after {@link
     * #decrypt}.
     */
    String openedHeldBy() {
        return opener == null ? null : opener.heldBy();
    }

    private InputStream open(PGPPublicKeyEncryptedData match, SecretKey key, PGPPublicKey part)
            throws IOException, PGPException {
        // Session key recovery through the key (in memory, or GnuPG's agent); the bulk decryption
        // on
        // the JDK's AES.
        PublicKeyDataDecryptorFactory factory = SessionKeys.of(key, part);
        if (!match.isIntegrityProtected()) {
            throw new WeakCryptoException(
                    "the inner message is encrypted without integrity protection",
                    "ask the sender to seal it again with sealpack");
        }
        if (match.isAEAD() && key.certificate().version() < 6) {
            throw new MalformedSealException(
                    "the inner message is AEAD-encrypted (SEIPD v2) to a v4 key; a sealed file"
                            + " uses SEIPD v1 unless every recipient holds a v6 key (docs/FORMAT.md section 7)",
                    ALTERED_HINT);
        }
        Plaintext.Counted decrypted =
                new Plaintext.Counted(match.getDataStream(factory), DECRYPTED);
        clear = decrypted;
        if (!match.isAEAD()) {
            Policy.checkCipher(match.getSymmetricAlgorithm(factory));
        }
        chosen = match;
        opener = key;
        PGPObjectFactory plainFactory = new PGPObjectFactory(clear, Crypto.fingerprints());
        Object o = plainFactory.nextObject();
        if (o instanceof PGPCompressedData compressed) {
            int algorithm = compressed.getAlgorithm();
            if (algorithm != CompressionAlgorithmTags.ZLIB
                    && algorithm != CompressionAlgorithmTags.ZIP) {
                throw new MalformedSealException(
                        "the inner message is compressed with "
                                + Names.compression(algorithm)
                                + "; a sealed file uses ZLIB or ZIP only (docs/FORMAT.md section 2)",
                        ALTERED_HINT);
            }
            inflated =
                    anonymous
                            ? new Plaintext.Bounded(compressed.getDataStream(), decrypted)
                            : compressed.getDataStream();
            plainFactory = new PGPObjectFactory(inflated, Crypto.fingerprints());
            o = plainFactory.nextObject();
        }
        if (!(o instanceof PGPLiteralData literal)) {
            throw new MalformedSealException(
                    "the inner message holds no literal data", ALTERED_HINT);
        }
        checkInnerLiteral(literal);
        plaintext = literal.getInputStream();
        return plaintext;
    }

    /**
     * The inner literal data's header (covered by the integrity tag, not by a signature): binary,
     * and named NAME.tar (a plain name, no directory) or nothing in seizure mode. Its date is not
     * used: gpg cannot write the 0 that sealpack writes.
     */
    private static void checkInnerLiteral(PGPLiteralData literal) {
        if (literal.getFormat() != PGPLiteralData.BINARY) {
            throw new MalformedSealException(
                    "the inner literal data is in text mode ('"
                            + (char) literal.getFormat()
                            + "'); a sealed file's is binary ('b')",
                    ALTERED_HINT);
        }
        String name = new String(literal.getRawFileName(), StandardCharsets.UTF_8);
        boolean plain =
                name.isEmpty()
                        || name.endsWith(".tar")
                                && name.length() > 4
                                && !name.contains("/")
                                && !name.contains("\\")
                                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (!plain) {
            throw new MalformedSealException(
                    "the inner literal data is named '"
                            + name
                            + "'; a sealed file's is"
                            + " NAME.tar or empty",
                    ALTERED_HINT);
        }
    }

    /**
     * Reads the rest of the plaintext and checks the integrity tag (MDC) of the encrypted data, and
     * that nothing follows the literal data nor the encrypted message (one byte is enough to tell,
     * and reading no further bounds the work).
     */
    void checkIntegrity() {
        if (chosen == null) {
            throw new IllegalStateException("nothing was decrypted");
        }
        try {
            CountingInput.drain(plaintext);
            if (inflated != null && inflated.read() >= 0) {
                throw new MalformedSealException(
                        "the compressed data has more after its literal data", ALTERED_HINT);
            }
            if (clear.read() >= 0) {
                throw new MalformedSealException(
                        "the inner message has data after its literal data", ALTERED_HINT);
            }
            if (!chosen.isAEAD() && !chosen.verify()) {
                throw new TamperedDataException(
                        "the encrypted data failed its integrity check (MDC): it was altered",
                        ALTERED_HINT);
            }
            if (source.read() >= 0) {
                throw new MalformedSealException(
                        "the file has data after its encrypted message", ALTERED_HINT);
            }
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof SealpackException s) {
                throw s;
            }
            throw new TamperedDataException(
                    "the encrypted data failed its integrity check: " + e.getMessage(),
                    ALTERED_HINT,
                    e);
        }
    }
}
