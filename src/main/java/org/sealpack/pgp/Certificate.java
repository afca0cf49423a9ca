package org.sealpack.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.sealpack.failure.KeyException;
import org.sealpack.text.Untrusted;

/**
 * An OpenPGP certificate (a public key with its user IDs and subkeys). Certificates are named by
 * their full primary-key fingerprint; key IDs are shown for information only.
 */
public final class Certificate {
    final PGPPublicKeyRing ring;
    private final OpenPGPCertificate evaluated;

    /** When this keyring received a soft revocation made ahead, at key generation; else null. */
    private final Instant revocationReceived;

    Certificate(PGPPublicKeyRing ring) {
        this(ring, null);
    }

    private Certificate(PGPPublicKeyRing ring, Instant revocationReceived) {
        this.ring = ring;
        this.evaluated = new OpenPGPCertificate(ring);
        this.revocationReceived = revocationReceived;
    }

    /**
     * This certificate, with the time the keyring received its revocation made ahead (null:
     * unknown).
     */
    Certificate revocationReceived(Instant at) {
        return at == null || at.equals(revocationReceived) ? this : new Certificate(ring, at);
    }

    /**
     * Whether a revocation signature was made ahead, with the key (within a minute of its
     * creation).
     */
    boolean madeAhead(Instant revocation) {
        return !revocation.isAfter(created().plusSeconds(60));
    }

    /** The full fingerprint of the primary key, upper-case hex. */
    public String fingerprint() {
        return Hex.of(ring.getPublicKey().getFingerprint());
    }

    public int version() {
        return ring.getPublicKey().getVersion();
    }

    public List<String> userIds() {
        List<String> ids = new ArrayList<>();
        ring.getPublicKey().getUserIDs().forEachRemaining(ids::add);
        return ids;
    }

    /** The primary user ID, or the first one, or a placeholder for a certificate without any. */
    public String primaryUserId() {
        var primary = evaluated.getPrimaryUserId();
        if (primary != null) {
            return primary.getUserId();
        }
        List<String> ids = userIds();
        return ids.isEmpty() ? "(no user ID)" : ids.get(0);
    }

    public Instant created() {
        return ring.getPublicKey().getCreationTime().toInstant();
    }

    /**
     * When the primary key expires, from its newest self-signature: the user ID's for a v4 key, the
     * direct-key signature's for a v6 key (Bouncy Castle's certificate-wide expiry reads only the
     * former, so every v6 key looked as if it never expired).
     */
    public Optional<Instant> expires() {
        if (version() >= 6) {
            return directKeyExpiry();
        }
        return Optional.ofNullable(evaluated.getExpirationTime()).map(Date::toInstant);
    }

    /**
     * A v6 key's expiry: the Key Expiration Time of its newest verified direct-key self-signature.
     */
    private Optional<Instant> directKeyExpiry() {
        PGPPublicKey primary = ring.getPublicKey();
        PGPSignature newest = null;
        for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
                it.hasNext(); ) {
            PGPSignature sig = it.next();
            try {
                sig.init(Crypto.verifiers(), primary);
                if (!sig.verifyCertification(primary)) {
                    continue;
                }
            } catch (PGPException | RuntimeException e) {
                continue;
            }
            if (newest == null || sig.getCreationTime().after(newest.getCreationTime())) {
                newest = sig;
            }
        }
        long seconds =
                newest == null || newest.getHashedSubPackets() == null
                        ? 0
                        : newest.getHashedSubPackets().getKeyExpirationTime();
        return seconds == 0 ? Optional.empty() : Optional.of(created().plusSeconds(seconds));
    }

    public boolean isRevoked() {
        return evaluated.getRevocation() != null;
    }

    /**
     * A verified revocation of the primary key. Hard ones (compromised, or no reason) void every
     * signature.
     */
    public record Revocation(Instant at, int reason, String description, boolean hard) {
        public String reasonName() {
            return switch (reason) {
                case 0 -> "no reason given";
                case 1 -> "superseded";
                case 2 -> "compromised";
                case 3 -> "retired";
                default -> "reason " + reason;
            };
        }
    }

    /**
     * What a key is checked for: having signed, signing now for its owner (pack), or being
     * encrypted to.
     */
    public enum Role {
        SIGNER,
        SENDER,
        RECIPIENT
    }

    /**
     * The strongest verified revocation of the primary key: a hard one, else the earliest soft one.
     */
    public Optional<Revocation> revocation() {
        PGPPublicKey primary = ring.getPublicKey();
        Revocation best = null;
        for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.KEY_REVOCATION);
                it.hasNext(); ) {
            PGPSignature sig = it.next();
            try {
                sig.init(Crypto.verifiers(), primary);
                if (!sig.verifyCertification(primary)) {
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
            String description =
                    reasonPacket == null ? "" : reasonPacket.getRevocationDescription();
            boolean hard = reason != 1 && reason != 3;
            Instant at = sig.getCreationTime().toInstant();
            if (!hard && revocationReceived != null && madeAhead(at)) {
                // A 'lost' revocation made at key generation: in force from when its owner gave it
                // out
                // (this keyring received it), so what the key signed until then stays good.
                at = revocationReceived.isAfter(at) ? revocationReceived : at;
            }
            Revocation r = new Revocation(at, reason, description, hard);
            if (best == null
                    || r.hard() && !best.hard()
                    || r.hard() == best.hard() && r.at().isBefore(best.at())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Fails unless this key may act in the role at the time: not expired then, not revoked for then
     * (a hard revocation covers all time, a soft one from its date on), and already created.
     */
    public void checkUsableAt(Instant at, Role role) {
        KeyValidity.checkUsableAt(this, at, role);
    }

    /** The algorithms of the primary key and subkeys, for people: "EdDSA, ECDH". */
    public String algorithms() {
        List<String> names = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(k -> names.add(Names.publicKey(k.getAlgorithm())));
        return String.join(", ", names);
    }

    /** Whether the primary key or a subkey has this key ID (16 hex digits, any case). */
    public boolean hasKey(String keyId) {
        for (PGPPublicKey k : ring) {
            if (Hex.keyId(k.getKeyID()).equalsIgnoreCase(keyId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short description for messages: primary user ID and fingerprint, in groups of four as
     * people read it.
     */
    public String describe() {
        return primaryUserId() + " (" + Hex.grouped(fingerprint()) + ")";
    }

    /**
     * {@link #describe()} for people: the user ID in it was written by whoever made the
     * certificate.
     */
    public Untrusted description() {
        return Untrusted.of(describe());
    }

    /** The primary user ID for people (see {@link #primaryUserId()}). */
    public Untrusted userId() {
        return Untrusted.of(primaryUserId());
    }

    /** Every user ID, for people. */
    public List<Untrusted> names() {
        return Untrusted.each(userIds());
    }

    public String armored() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor =
                    ArmoredOutputStream.builder()
                            .clearHeaders()
                            .addComment(primaryUserId())
                            .build(bytes)) {
                ring.encode(armor, true);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subkey to encrypt to at the given time: the newest valid encryption-capable key. */
    PGPPublicKey encryptionKey(Date at) {
        List<OpenPGPComponentKey> keys = evaluated.getEncryptionKeys(at);
        if (keys == null || keys.isEmpty()) {
            throw new KeyException(
                    "certificate " + describe() + " has no valid encryption key",
                    "check that the certificate is not expired or revoked, or ask its owner for a current one");
        }
        OpenPGPComponentKey newest = keys.get(0);
        for (OpenPGPComponentKey k : keys) {
            if (k.getCreationTime().after(newest.getCreationTime())) {
                newest = k;
            }
        }
        return newest.getPGPPublicKey();
    }

    /** The keys of this certificate that may sign at the given time, primary first. */
    List<PGPPublicKey> signingKeys(Date at) {
        List<PGPPublicKey> result = new ArrayList<>();
        List<OpenPGPComponentKey> keys = evaluated.getSigningKeys(at);
        if (keys != null) {
            keys.forEach(k -> result.add(k.getPGPPublicKey()));
        }
        return result;
    }

    /**
     * The key in this certificate that made the signature, if it may sign at that time, else null.
     */
    PGPPublicKey signingKey(KeyIdentifier issuer, Date at) {
        List<OpenPGPComponentKey> keys = evaluated.getSigningKeys(at);
        if (keys == null) {
            return null;
        }
        for (OpenPGPComponentKey k : keys) {
            if (issuer.matches(k.getKeyIdentifier())) {
                return k.getPGPPublicKey();
            }
        }
        return null;
    }

    /** Whether any key of this certificate (primary or subkey) matches the identifier. */
    boolean holds(KeyIdentifier id) {
        for (PGPPublicKey k : ring) {
            if (id.matches(k.getKeyIdentifier())) {
                return true;
            }
        }
        return false;
    }

    boolean samePrimary(Certificate other) {
        return Arrays.equals(
                ring.getPublicKey().getFingerprint(), other.ring.getPublicKey().getFingerprint());
    }

    byte[] primaryFingerprint() {
        return ring.getPublicKey().getFingerprint();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && samePrimary(c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(primaryFingerprint());
    }

    @Override
    public String toString() {
        return describe();
    }
}
