package org.sealpack.pgp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.RecipientUnusableException;
import org.sealpack.failure.SignerExpiredException;
import org.sealpack.failure.SignerRevokedException;

/**
 * Whether a certificate's key may act at a given time (docs/FORMAT.md section 1, step 10): expiry,
 * revocation of the primary key or of a signing subkey (hard ones for all time, soft ones from
 * their date on), and what changed after it signed that leaves a signature good.
 */
final class KeyValidity {
    private KeyValidity() {}

    /**
     * Fails unless this key may act in the role at the time: not expired then, not revoked for then
     * (a hard revocation covers all time, a soft one from its date on), and already created.
     */
    static void checkUsableAt(Certificate cert, Instant at, Certificate.Role role) {
        String who =
                switch (role) {
                            case SIGNER -> "the signer's key ";
                            case SENDER -> "your key ";
                            case RECIPIENT -> "the recipient's certificate ";
                        }
                        + cert.describe();
        Optional<Certificate.Revocation> revoked = cert.revocation();
        if (revoked.isPresent() && (revoked.get().hard() || !revoked.get().at().isAfter(at))) {
            Certificate.Revocation r = revoked.get();
            String message =
                    who
                            + " was revoked on "
                            + r.at()
                            + " ("
                            + r.reasonName()
                            + (r.description().isBlank() ? "" : ": " + r.description())
                            + ")"
                            + (r.hard() ? ", which voids all its signatures" : "");
            String hint =
                    switch (role) {
                        case SIGNER ->
                                "do not trust what it signed; ask the sender for their current key";
                        case SENDER ->
                                "it can no longer seal: make a new key (sealpack keys generate) and give its certificate"
                                        + " to your recipients";
                        case RECIPIENT -> "ask the recipient for their current certificate";
                    };
            throw role != Certificate.Role.RECIPIENT
                    ? new SignerRevokedException(message, hint)
                    : new RecipientUnusableException(message, hint);
        }
        Optional<Instant> expiry = cert.expires();
        if (expiry.isPresent() && !expiry.get().isAfter(at)) {
            String message =
                    who
                            + " expired on "
                            + expiry.get()
                            + (role == Certificate.Role.SIGNER
                                            && at.isBefore(Instant.now().minusSeconds(60))
                                    ? ", before it signed at " + at
                                    : "");
            String hint =
                    switch (role) {
                        case SIGNER ->
                                "ask the sender to extend their key's validity and seal again";
                        case SENDER ->
                                "make a new key (sealpack keys generate) and give its certificate to your recipients";
                        case RECIPIENT ->
                                "ask the recipient for a certificate with a later expiry date";
                    };
            throw role != Certificate.Role.RECIPIENT
                    ? new SignerExpiredException(message, hint)
                    : new RecipientUnusableException(message, hint);
        }
        if (cert.created().isAfter(at.plusSeconds(60))) {
            throw new KeyException(
                    who + " was created on " + cert.created() + ", after " + at,
                    "check the computer's clock");
        }
    }

    /**
     * Fails unless the subkey was not revoked for the time: a revocation of the subkey itself (a
     * subkey revocation signature by the primary key) counts as the primary key's would: a hard one
     * (compromised, or no reason) for all time, a soft one from its date on.
     */
    static void checkSubkeyUsableAt(Certificate cert, PGPPublicKey subkey, Instant at) {
        PGPPublicKey primary = cert.ring.getPublicKey();
        for (Iterator<PGPSignature> it = subkey.getSignaturesOfType(PGPSignature.SUBKEY_REVOCATION);
                it.hasNext(); ) {
            PGPSignature sig = it.next();
            try {
                sig.init(Crypto.verifiers(), primary);
                if (!sig.verifyCertification(primary, subkey)) {
                    continue;
                }
            } catch (PGPException | RuntimeException e) {
                continue;
            }
            var reasonPacket =
                    sig.getHashedSubPackets() == null
                            ? null
                            : sig.getHashedSubPackets().getRevocationReason();
            int reason = reasonPacket == null ? 0 : reasonPacket.getRevocationReason();
            Certificate.Revocation r =
                    new Certificate.Revocation(
                            sig.getCreationTime().toInstant(),
                            reason,
                            reasonPacket == null ? "" : reasonPacket.getRevocationDescription(),
                            reason != 1 && reason != 3);
            if (r.hard() || !r.at().isAfter(at)) {
                throw new SignerRevokedException(
                        "the signing subkey "
                                + Hex.keyId(subkey.getKeyID())
                                + " of "
                                + cert.describe()
                                + " was revoked on "
                                + r.at()
                                + " ("
                                + r.reasonName()
                                + (r.description().isBlank() ? "" : ": " + r.description())
                                + ")"
                                + (r.hard()
                                        ? ", which voids all its signatures"
                                        : ", before it signed at " + at),
                        "do not trust what it signed; ask the sender for their current key");
            }
        }
    }

    /**
     * What happened to the key after it signed at {@code signed} that leaves the signature good: it
     * expired since, or was retired or superseded since. Sentences for the user, none when nothing
     * did.
     */
    static List<String> changesSince(Certificate cert, Instant signed, Instant now) {
        List<String> notes = new ArrayList<>();
        cert.expires()
                .filter(e -> e.isAfter(signed) && !e.isAfter(now))
                .ifPresent(
                        e ->
                                notes.add(
                                        "the signer's key "
                                                + cert.describe()
                                                + " expired on "
                                                + e
                                                + ", after it signed on "
                                                + signed
                                                + ": the signature was made while the key was valid and stays good"));
        cert.revocation()
                .filter(r -> !r.hard() && r.at().isAfter(signed))
                .ifPresent(
                        r ->
                                notes.add(
                                        "the signer's key "
                                                + cert.describe()
                                                + " was revoked on "
                                                + r.at()
                                                + " ("
                                                + r.reasonName()
                                                + "), after it signed on "
                                                + signed
                                                + ": a "
                                                + r.reasonName()
                                                + " key's earlier signatures stay good"));
        return notes;
    }
}
