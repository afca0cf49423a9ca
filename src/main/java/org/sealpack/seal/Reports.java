package org.sealpack.seal;

import java.time.Instant;
import java.util.List;
import org.sealpack.bag.Manifest;
import org.sealpack.bag.Metadata;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.SealReader;
import org.sealpack.text.Untrusted;

/** What verify, open and inspect found. */
public final class Reports {
    private Reports() {}

    /**
     * The outer layer: who signed the file (verified), when, and to which keys it is encrypted. For
     * an anonymous file there is no outer signature: signer and time are then those of the bag
     * signature. The notes say what changed about the signer's key since it signed without voiding
     * the signature.
     */
    public record Outer(
            Certificate signer,
            Instant signed,
            List<SealReader.Recipient> recipients,
            long fileBytes,
            long encryptedBytes,
            boolean anonymous,
            List<Untrusted> notes) {
        public Outer {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Everything, after decryption: the outer check, the bag signature, and the bag.
     *
     * @param openedHeldBy who held the secret of the key that opened it: "sealpack" (its keyring or
     *     a key file), or "GnuPG" (its agent, or a card behind it)
     * @param manifest the payload files, each with its SHA-512 and size
     * @param warnings things that passed but deserve a word (for example no intended recipients
     *     listed)
     */
    public record Full(
            Outer outer,
            Certificate openedBy,
            String openedHeldBy,
            Instant bagSigned,
            List<String> intendedRecipients,
            String bagName,
            Metadata bagInfo,
            Manifest manifest,
            long payloadBytes,
            List<String> warnings,
            String tagManifestSha512) {}

    /** What can be learnt with no key: all of it unverified. */
    public record Inspection(
            long fileBytes,
            String claimedSignerKeyId,
            SealReader.ClaimedSignature claimedSignature,
            List<SealReader.Recipient> recipients,
            long encryptedBytes,
            boolean anonymous) {}
}
