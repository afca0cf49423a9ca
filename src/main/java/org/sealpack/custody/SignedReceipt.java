package org.sealpack.custody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.FutureSignatureException;
import org.sealpack.failure.InputException;
import org.sealpack.failure.ReceiptAlteredException;
import org.sealpack.failure.ReceiptTimeException;
import org.sealpack.failure.ReceiptUntrustedException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.SignerExpiredException;
import org.sealpack.failure.SignerRevokedException;
import org.sealpack.failure.UntrustedSignerException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.DetachedSignature;
import org.sealpack.pgp.KeyHandle;
import org.sealpack.pgp.SecretKey;
import org.sealpack.pgp.SignatureCheck;
import org.sealpack.pgp.SignedMessageReader;
import org.sealpack.report.People;

/**
 * One receipt read and its signature checked (docs/FORMAT.md R11.2, R11.7, R11.8): the receipt with
 * FILE.asc beside it, or a return copy FILE.pgp as it arrived (decrypted, its inline signature
 * checked as a detached one). The record is read first (a malformed one is refused, 3, before its
 * signature is judged); then the signature by a trusted custodian, the custodian it names, and its
 * time.
 */
public final class SignedReceipt {
    /** How far a receipt's checkedAt may lie from its signature's creation time (R11.8). */
    public static final Duration TIME_TOLERANCE = Duration.ofMinutes(15);

    private SignedReceipt() {}

    /**
     * A receipt read and verified: its SHA-256, record, the custodian whose signature verified, and
     * when it signed.
     */
    public record Read(
            Path path,
            String sha256,
            ReceiptRecord record,
            Certificate custodian,
            Instant signed,
            boolean returned) {
        public Instant checkedAt() {
            return Instant.parse(record.checkedAt());
        }
    }

    /**
     * The secret keys a return copy (FILE.pgp) may be decrypted with, unlocked only when one is
     * given.
     */
    public interface ReturnKeys {
        List<? extends KeyHandle> keys();

        SecretKey unlock(KeyHandle key, LongPredicate parts);
    }

    public static Read read(Path file, List<Certificate> trusted, ReturnKeys keys) {
        if (ReceiptFile.isReturnCopy(file)) {
            SignedMessageReader.Opened opened;
            try (InputStream message =
                    ReceiptReader.open(file, ReceiptFile.MAX_RETURN_BYTES, "return receipt")) {
                opened =
                        SignedMessageReader.open(
                                message,
                                keys.keys(),
                                keys::unlock,
                                ReceiptFile.MAX_BYTES,
                                "the return receipt " + file);
            } catch (IOException e) {
                throw new InputException(
                        "cannot read the return receipt " + file + ": " + e.getMessage(),
                        "check its permissions");
            }
            Pending signature =
                    new Pending(
                            file,
                            () ->
                                    opened.signature(
                                            trusted, "the signature of return receipt " + file));
            ReceiptReader.Content content = ReceiptReader.read(file, opened, signature.signature);
            SignatureCheck check = signature.verify();
            List<String> intended = check.intendedRecipients();
            if (intended.isEmpty()) {
                String receipt = file.getFileName().toString().replaceAll("\\.pgp$", "");
                throw new ReceiptAlteredException(
                        "return receipt "
                                + file
                                + " names no intended recipient in its signature (no Intended"
                                + " Recipient Fingerprint, as stock gpg signs): it cannot show that"
                                + " it was sent to the key that decrypted it ("
                                + opened.openedBy().describe()
                                + ") rather than forwarded",
                        "ask its custodian for the copy `sealpack --receipt-to` writes, or for "
                                + receipt
                                + " and "
                                + receipt
                                + ".asc, and give that pair (`gpg --decrypt "
                                + file.getFileName()
                                + "` shows its text and signature meanwhile)");
            }
            if (!intended.contains(opened.openedBy().fingerprint())) {
                throw new ReceiptAlteredException(
                        "return receipt "
                                + file
                                + " was signed for "
                                + String.join(
                                        ", ", intended.stream().map(People::fingerprint).toList())
                                + ", not for the key that decrypted it ("
                                + opened.openedBy().describe()
                                + "): it was forwarded",
                        "do not rely on it; ask its custodian for the copy they sent you");
            }
            Read read = verified(file, content, check, true);
            ReceiptReader.holdToRecord(file, opened.document(), content.record());
            return read;
        }
        Path asc = ReceiptFile.signatureOf(file);
        if (!Files.exists(asc, LinkOption.NOFOLLOW_LINKS)) {
            ReceiptReader.read(file, null);
            throw new ReceiptUntrustedException(
                    "receipt " + file + " is not signed (no " + asc.getFileName() + " beside it)",
                    "ask its custodian for the signed receipt (--sign-receipt)");
        }
        byte[] bytes =
                ReceiptReader.readSmall(asc, ReceiptFile.MAX_SIGNATURE_BYTES, "receipt signature");
        Pending signature =
                new Pending(
                        file,
                        () ->
                                DetachedSignature.armored(
                                        bytes, trusted, "the signature of receipt " + file));
        ReceiptReader.Content content = ReceiptReader.read(file, signature.signature);
        Read read = verified(file, content, signature.verify(), false);
        ReceiptReader.holdToRecord(file, content.sha256(), content.record());
        return read;
    }

    /** The custodian the record names signed it, and signed it when the record says it was made. */
    private static Read verified(
            Path file, ReceiptReader.Content content, SignatureCheck check, boolean returned) {
        ReceiptRecord record = content.record();
        ReceiptRecord.Party named = record.custodian();
        if (named == null || !check.signer().fingerprint().equalsIgnoreCase(named.fingerprint())) {
            throw new ReceiptAlteredException(
                    "receipt "
                            + file
                            + " names "
                            + (named == null
                                    ? "no custodian"
                                    : "the custodian " + People.fingerprint(named.fingerprint()))
                            + " but is signed by "
                            + check.signer().describe(),
                    "do not rely on it; ask its custodian");
        }
        if (named.userId() != null && !check.signer().userIds().contains(named.userId())) {
            throw new ReceiptAlteredException(
                    "receipt "
                            + file
                            + " names its custodian \""
                            + named.userId()
                            + "\", which is not a user ID of the key that signed it ("
                            + People.fingerprint(check.signer().fingerprint())
                            + ")",
                    "do not rely on it: a reader of its record would take the custodian for"
                            + " someone else; ask its custodian");
        }
        Instant checkedAt = Instant.parse(record.checkedAt());
        if (Duration.between(check.created(), checkedAt).abs().compareTo(TIME_TOLERANCE) > 0) {
            throw new ReceiptTimeException(
                    "receipt "
                            + file
                            + " says it was made at "
                            + checkedAt
                            + " but its signature"
                            + " was made at "
                            + check.created()
                            + ", more than "
                            + TIME_TOLERANCE.toMinutes()
                            + " minutes apart"
                            + " (a receipt is signed when it is written)",
                    "do not rely on it: its time is not the time it was"
                            + " signed; ask its custodian ("
                            + check.signer().describe()
                            + ") about their clock and for a new receipt");
        }
        return new Read(file, content.sha256(), record, check.signer(), check.created(), returned);
    }

    /**
     * A receipt's signature, made ready before its record is read (its signer resolved); a failure
     * then is kept and reported after the record, so a malformed record is named first whatever its
     * signature.
     */
    private static final class Pending {
        private final Path file;
        private final DetachedSignature signature;
        private final SealpackException failure;

        Pending(Path file, Supplier<DetachedSignature> make) {
            this.file = file;
            DetachedSignature made = null;
            SealpackException failed = null;
            try {
                made = make.get();
            } catch (SealpackException e) {
                failed = e;
            }
            this.signature = made;
            this.failure = failed;
        }

        SignatureCheck verify() {
            try {
                if (failure != null) {
                    throw failure;
                }
                return signature.verify();
            } catch (FutureSignatureException e) {
                throw new ReceiptTimeException(
                        "receipt "
                                + file
                                + " is post-dated: "
                                + e.getMessage()
                                + "; a receipt is signed when it is written, so its custodian's clock"
                                + " was ahead or the receipt was post-dated",
                        "ask its custodian about their clock and for a new receipt; if this"
                                + " computer's clock is behind, set it right and check again");
            } catch (BadSignatureException e) {
                throw new ReceiptAlteredException(
                        "receipt "
                                + file
                                + " was altered after it was signed ("
                                + e.getMessage()
                                + ")",
                        "do not rely on it; ask its custodian for their copy");
            } catch (UntrustedSignerException e) {
                throw new ReceiptUntrustedException(
                        "receipt "
                                + file
                                + " is signed by a custodian not trusted: "
                                + e.getMessage(),
                        "compare the custodian's fingerprint with them, then `sealpack keys import"
                                + " THEIR-CERT.asc` or name it with --signer");
            } catch (SignerRevokedException e) {
                throw new SignerRevokedException(
                        "receipt "
                                + file
                                + " is signed by the custodian "
                                + signature.signer().describe()
                                + ", whose key is revoked ("
                                + e.getMessage()
                                + ")",
                        "do not rely on that receipt; ask that custodian (or their organisation) since when their key"
                                + " was compromised, and for that hand's check to be redone and signed with their new key");
            } catch (SignerExpiredException e) {
                throw new SignerExpiredException(
                        "receipt "
                                + file
                                + " is signed by the custodian "
                                + signature.signer().describe()
                                + ", whose key had expired when it signed ("
                                + e.getMessage()
                                + ")",
                        "ask that custodian to extend their key's validity and sign that hand's receipt again");
            }
        }
    }
}
