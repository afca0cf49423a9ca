package org.sealpack.pgp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.MalformedSealException;
import org.sealpack.failure.NotRecipientException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.TamperedDataException;
import org.sealpack.failure.WeakCryptoException;

/**
 * Reads what {@link SignedMessage} writes (a receipt sent back to the sender): an OpenPGP message
 * encrypted to one of our keys holding exactly a one-pass signature, one binary literal data packet
 * and its signature, and nothing after. The document comes back unverified, with its signature
 * ready to be checked over it as a detached one ({@link Opened#signature}).
 */
public final class SignedMessageReader {
    private SignedMessageReader() {}

    /**
     * A decrypted signed message: the literal data's name and bytes, the key that opened it, its
     * signature.
     */
    public static final class Opened {
        private final String name;
        private final byte[] document;
        private final Certificate openedBy;
        private final PGPSignature signature;

        private Opened(String name, byte[] document, Certificate openedBy, PGPSignature signature) {
            this.name = name;
            this.document = document;
            this.openedBy = openedBy;
            this.signature = signature;
        }

        public String name() {
            return name;
        }

        /**
         * The literal data (not a copy), not yet verified: check {@link #signature} over it before
         * relying on it.
         */
        public byte[] document() {
            return document;
        }

        public Certificate openedBy() {
            return openedBy;
        }

        /**
         * The message's signature, its signer resolved among the trusted certificates, to check
         * over the document.
         */
        public DetachedSignature signature(List<Certificate> trusted, String what) {
            return DetachedSignature.of(signature, trusted, what);
        }
    }

    /**
     * @param message the message as it arrived, ASCII-armored or binary, read once and not held
     * @param maxDocument the most bytes the literal data may hold (more is refused, not read)
     * @param what names the message in messages, for example "the return receipt r.md.pgp"
     */
    public static Opened open(
            InputStream message,
            List<? extends KeyHandle> keys,
            BiFunction<KeyHandle, LongPredicate, SecretKey> unlock,
            long maxDocument,
            String what) {
        try (InputStream in =
                Armor.decoder(new BufferedInputStream(message), Armor.MESSAGE, what)) {
            PGPObjectFactory outer = new PGPObjectFactory(in, Crypto.fingerprints());
            if (!(outer.nextObject() instanceof PGPEncryptedDataList list)) {
                throw notOne(what, "it is not an encrypted OpenPGP message");
            }
            for (Object o : list) {
                if (o instanceof PGPPublicKeyEncryptedData pk
                        && !pk.getKeyIdentifier().isWildcard()) {
                    for (KeyHandle key : keys) {
                        if (key.hasSecretFor(pk.getKeyID())) {
                            long part = pk.getKeyID();
                            SecretKey unlocked = unlock.apply(key, id -> id == part);
                            Opened opened = read(pk, unlocked, part, maxDocument, what);
                            if (outer.nextObject() != null || in.read() >= 0) {
                                throw notOne(what, "it has data after its encrypted message");
                            }
                            return opened;
                        }
                    }
                }
            }
            List<String> named =
                    keys.stream()
                            .filter(k -> !(k instanceof GnuPGKeys))
                            .map(k -> k.certificate().describe())
                            .toList();
            String given =
                    named.isEmpty()
                            ? "no secret key was given and none is in the keyring"
                            : "none of the keys " + String.join(", ", named) + " is a recipient";
            throw new NotRecipientException(
                    what + " cannot be decrypted: " + given,
                    "give the secret key it was sent to (the sender's) with --key KEY");
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof MalformedSealException armor) {
                // strict armor as for a .asc: nothing before or after it, no header lines
                String m = armor.getMessage();
                throw notOne(
                        what,
                        "its armor" + (m.startsWith(what) ? m.substring(what.length()) : " " + m));
            }
            if (e instanceof SealpackException s) {
                throw s;
            }
            throw notOne(what, "it is unreadable (" + e.getMessage() + ")");
        }
    }

    private static Opened read(
            PGPPublicKeyEncryptedData pk, SecretKey key, long part, long maxDocument, String what)
            throws IOException, PGPException {
        if (!pk.isIntegrityProtected()) {
            throw new WeakCryptoException(
                    what + " is encrypted without integrity protection",
                    "ask its custodian for a new copy");
        }
        PublicKeyDataDecryptorFactory factory =
                SessionKeys.of(key, key.certificate().ring.getPublicKey(part));
        if (!pk.isAEAD()) {
            InputStream clear = pk.getDataStream(factory);
            Policy.checkCipher(pk.getSymmetricAlgorithm(factory));
            return read(pk, clear, key, maxDocument, what);
        }
        // AEAD (SEIPD v2): a chunk is handed out only once its tag matched, so a failure to start
        // or to read is an altered copy (the session key was decrypted with the recipient's key)
        try {
            return read(pk, pk.getDataStream(factory), key, maxDocument, what);
        } catch (PGPException | IOException e) {
            throw new TamperedDataException(
                    what + " failed its integrity check (AEAD): it was altered",
                    "do not rely on it; ask its custodian for their copy");
        }
    }

    private static Opened read(
            PGPPublicKeyEncryptedData pk,
            InputStream clear,
            SecretKey key,
            long maxDocument,
            String what)
            throws IOException, PGPException {
        PGPObjectFactory inner = new PGPObjectFactory(clear, Crypto.fingerprints());
        if (!(inner.nextObject() instanceof PGPOnePassSignatureList ops) || ops.size() != 1) {
            throw notOne(
                    what,
                    "it does not begin with one one-pass signature (not signed as sealpack signs it)");
        }
        if (!(inner.nextObject() instanceof PGPLiteralData literal)
                || literal.getFormat() != PGPLiteralData.BINARY) {
            throw notOne(what, "it holds no binary literal data after its one-pass signature");
        }
        byte[] document =
                literal.getInputStream()
                        .readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocument + 1));
        if (document.length > maxDocument) {
            throw new InputException(
                    what + " holds more than " + maxDocument + " bytes, more than any receipt",
                    "it is not a sealpack receipt; ask its custodian what it is");
        }
        if (!(inner.nextObject() instanceof PGPSignatureList signatures)
                || signatures.size() != 1
                || inner.nextObject() != null
                || clear.read() >= 0) {
            throw notOne(what, "it does not end with exactly one signature after its literal data");
        }
        if (!pk.isAEAD() && !pk.verify()) {
            throw new TamperedDataException(
                    what + " failed its integrity check (MDC): it was altered",
                    "do not rely on it; ask its custodian for their copy");
        }
        PGPOnePassSignature header = ops.get(0);
        PGPSignature signature = signatures.get(0);
        if (header.getKeyID() != signature.getKeyID()
                || header.getHashAlgorithm() != signature.getHashAlgorithm()
                || header.getSignatureType() != signature.getSignatureType()) {
            throw new BadSignatureException(
                    what + "'s one-pass header names another key or hash than its signature",
                    "do not rely on it; ask its custodian for their copy");
        }
        return new Opened(literal.getFileName(), document, key.certificate(), signature);
    }

    private static InputException notOne(String what, String why) {
        return new InputException(
                what + " is not a return receipt as sealpack writes it: " + why,
                "give the FILE.pgp that `--receipt-to` wrote, as it arrived");
    }
}
