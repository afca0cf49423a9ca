package org.sealpack.pgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.IntendedRecipientFingerprint;
import org.bouncycastle.bcpg.sig.IssuerKeyID;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.FutureSignatureException;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.UntrustedSignerException;

/**
 * Detached signatures (the bag signature over the tag manifest), and the checks every signature
 * gets.
 */
public final class Signatures {
    private Signatures() {}

    /**
     * Hashed subpackets every sealpack signature carries: creation time, issuer fingerprint, and
     * for a v4 key the issuer key ID (RFC 9580 5.2.3.12: a v6 signature MUST NOT carry one).
     */
    static PGPSignatureSubpacketGenerator baseSubpackets(PGPPublicKey signingKey, Date at) {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, at);
        hashed.setIssuerFingerprint(false, signingKey);
        if (signingKey.getVersion() < 6) {
            hashed.setIssuerKeyID(false, signingKey.getKeyID());
        }
        return hashed;
    }

    /**
     * An armored detached binary signature over data, SHA-512, naming the intended recipients'
     * primary fingerprints in non-critical subpackets (gpg 2.2 calls the signature bad if they are
     * critical).
     */
    public static byte[] signDetached(
            SecretKey signer, byte[] data, List<Certificate> intendedRecipients, Instant now) {
        try {
            PGPSignatureGenerator generator =
                    SignedMessage.binaryDocument(signer, intendedRecipients, Date.from(now));
            generator.update(data);
            PGPSignature signature = generator.generate();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor =
                    ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
                signature.encode(armor);
            }
            return bytes.toByteArray();
        } catch (PGPException | IOException e) {
            throw new KeyException("cannot sign: " + e.getMessage(), null, e);
        }
    }

    /**
     * Verifies a detached signature over data against the trusted certificates.
     *
     * @param what names the signature in messages, for example "the bag signature"
     */
    public static SignatureCheck verifyDetached(
            byte[] signatureBytes, byte[] data, List<Certificate> trusted, String what) {
        DetachedSignature signature = DetachedSignature.armored(signatureBytes, trusted, what);
        signature.update(data, 0, data.length);
        return signature.verify();
    }

    /**
     * Checks the signature's "left 16 bits of the digest" against our own digest of the signed data
     * (to which the signature trailer is added here). Bouncy Castle does not check them, so without
     * this those two bytes could be changed without the signature failing.
     */
    static void checkDigestPrefix(PGPSignature signature, PGPDigestCalculator digest, String what)
            throws IOException {
        digest.getOutputStream().write(signature.getSignatureTrailer());
        checkDigestPrefix(signature, digest.getDigest(), what);
    }

    /** As above, with the digest (data and trailer) already computed by the verifier. */
    static void checkDigestPrefix(PGPSignature signature, byte[] computed, String what) {
        byte[] prefix = signature.getDigestPrefix();
        if (prefix == null
                || prefix.length != 2
                || computed[0] != prefix[0]
                || computed[1] != prefix[1]) {
            throw new BadSignatureException(
                    what + " does not match the data (digest prefix): it was altered",
                    "the file was altered or damaged in transit; ask the sender for a new copy");
        }
    }

    static byte[] salt(PGPSignature signature) throws IOException {
        Packet p =
                new BCPGInputStream(new ByteArrayInputStream(signature.getEncoded())).readPacket();
        return ((SignaturePacket) p).getSalt();
    }

    private static final String ARMOR_BEGIN = "-----BEGIN PGP SIGNATURE-----";
    private static final String ARMOR_END = "-----END PGP SIGNATURE-----";

    /**
     * One signature, ASCII-armored and nothing else (docs/FORMAT.md section 4): no text before the
     * armor or after it (a line break ends it), not binary. Text beside the armor is shown by some
     * tools and covered by nothing.
     */
    static PGPSignature readSingleSignature(byte[] bytes, String what) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf(ARMOR_END);
        String after = end < 0 ? "" : text.substring(end + ARMOR_END.length());
        if (!text.startsWith(ARMOR_BEGIN)
                || end < 0
                || !(after.isEmpty() || after.equals("\n") || after.equals("\r\n"))) {
            throw new BadSignatureException(
                    what
                            + " is not one ASCII-armored signature and nothing else (it is binary,"
                            + " or has text before or after its armor)",
                    "the archive was not made by sealpack, or was altered");
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
            byte[] raw = in.readAllBytes();
            PGPObjectFactory factory = new PGPObjectFactory(raw, Crypto.fingerprints());
            Object first = factory.nextObject();
            if (!(first instanceof PGPSignatureList list)
                    || list.size() != 1
                    || factory.nextObject() != null) {
                throw new BadSignatureException(
                        what + " is not one OpenPGP signature",
                        "the archive was not made by sealpack, or was altered");
            }
            if (!Arrays.equals(raw, list.get(0).getEncoded())) {
                throw new BadSignatureException(
                        what + " is not encoded as it was made: it was altered",
                        "the archive was altered; ask the sender for a new copy");
            }
            return list.get(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadSignatureException b) {
                throw b;
            }
            throw new BadSignatureException(
                    what + " is unreadable (corrupt)",
                    "the archive was altered; ask the sender for a new copy",
                    e);
        }
    }

    record Verified(Certificate certificate, PGPPublicKey key) {}

    /**
     * Finds the trusted certificate and key that made a signature, after the checks of
     * docs/FORMAT.md: an acceptable hash, a hashed issuer, no unhashed subpacket but a matching
     * issuer key ID. Whether the key was valid at the signature's time is judged after verification
     * ({@link #checkKeyAt}).
     */
    static Verified resolve(PGPSignature signature, List<Certificate> trusted, String what) {
        Policy.checkSignature(signature, what);
        checkSubpacketAreas(signature, what);
        List<KeyIdentifier> issuers = signature.getHashedKeyIdentifiers();
        KeyIdentifier issuer = preferFingerprint(issuers);
        if (issuer == null || issuer.getFingerprint() == null) {
            throw new BadSignatureException(
                    what
                            + " names no issuer fingerprint in its signed part (docs/FORMAT.md"
                            + " section 1 requires one; a key ID alone does not name a key)",
                    "the archive was not made by sealpack, or was altered");
        }
        for (Certificate cert : trusted) {
            if (cert.holds(issuer)) {
                for (PGPPublicKey key : cert.ring) {
                    if (issuer.matches(key.getKeyIdentifier())) {
                        return new Verified(cert, key);
                    }
                }
            }
        }
        String named =
                issuer.getFingerprint() != null
                        ? Hex.grouped(Hex.of(issuer.getFingerprint()))
                        : "key ID " + Hex.keyId(issuer.getKeyId());
        // A fingerprint no trusted key has, beside a key ID one has: the fingerprint was changed (a
        // real
        // stranger's key sharing a trusted key's 64-bit key ID is not met by chance).
        for (KeyIdentifier id : issuers) {
            for (Certificate cert : trusted) {
                for (PGPPublicKey key : cert.ring) {
                    if (key.getKeyID() == id.getKeyId()) {
                        throw new BadSignatureException(
                                what
                                        + " names the issuer "
                                        + named
                                        + ", whose key ID is that of "
                                        + cert.describe()
                                        + " but not its fingerprint: it was altered",
                                "the archive was altered; ask the sender for a new copy");
                    }
                }
            }
        }
        throw new UntrustedSignerException(
                what + " was made by " + named + ", which is not a trusted signer",
                "if you trust this sender, compare the fingerprint with them over another channel, then import their"
                        + " certificate (`sealpack keys import THEIR-CERT.asc`) or name it with --signer THEIR-CERT.asc");
    }

    private static KeyIdentifier preferFingerprint(List<KeyIdentifier> issuers) {
        KeyIdentifier found = null;
        for (KeyIdentifier id : issuers) {
            if (id.getFingerprint() != null) {
                return id;
            }
            found = id;
        }
        return found;
    }

    /** How far in the future a signature's creation time may lie: clocks differ, by minutes. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

    /**
     * After the signature verified (so its times are authentic): it must not have expired (its own
     * Signature Expiration Time), nor be made in the future beyond the clock skew allowed; and the
     * key must have been valid for signing then: not expired, not revoked for that time (the
     * primary key or the signing subkey), bound with the signing flag, strong enough. A key that
     * expired, or was retired or superseded, after it signed leaves the signature good: that is
     * said in the notes.
     */
    static List<String> checkKeyAt(Verified verified, PGPSignature signature, String what) {
        Date created = signature.getCreationTime();
        Instant now = Instant.now();
        if (created.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new FutureSignatureException(
                    what
                            + " claims to be made on "
                            + created.toInstant()
                            + ", in the future (more than "
                            + CLOCK_SKEW.toMinutes()
                            + " minutes ahead of this computer's clock)",
                    "check this computer's clock; if it is right, do not trust this archive");
        }
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        long lifetime = hashed == null ? 0 : hashed.getSignatureExpirationTime();
        if (lifetime > 0 && !created.toInstant().plusSeconds(lifetime).isAfter(now)) {
            throw new BadSignatureException(
                    what
                            + " expired on "
                            + created.toInstant().plusSeconds(lifetime)
                            + " (its signer gave it a lifetime)",
                    "ask the sender for a new copy");
        }
        Certificate cert = verified.certificate();
        cert.checkUsableAt(created.toInstant(), Certificate.Role.SIGNER);
        if (!verified.key().isMasterKey()) {
            KeyValidity.checkSubkeyUsableAt(cert, verified.key(), created.toInstant());
        }
        if (cert.signingKey(verified.key().getKeyIdentifier(), created) == null) {
            throw new BadSignatureException(
                    what
                            + " was made by "
                            + cert.describe()
                            + " with a key that was not valid for signing at "
                            + created.toInstant(),
                    "the key was expired, revoked, not yet valid or not a signing key when it signed");
        }
        Policy.checkKey(verified.key(), "the signing key of " + cert.describe());
        return KeyValidity.changesSince(cert, created.toInstant(), now);
    }

    /**
     * The unhashed area is not covered by the signature, so it may carry nothing but an issuer key
     * ID that agrees with the signed issuer; anything else there is refused as an alteration.
     */
    private static void checkSubpacketAreas(PGPSignature signature, String what) {
        PGPSignatureSubpacketVector unhashed = signature.getUnhashedSubPackets();
        if (unhashed != null) {
            for (SignatureSubpacket p : unhashed.toArray()) {
                boolean agrees =
                        p instanceof IssuerKeyID id
                                && signature.getHashedKeyIdentifiers().stream()
                                        .anyMatch(k -> k.getKeyId() == id.getKeyID());
                if (!agrees) {
                    throw new BadSignatureException(
                            what + " carries unsigned data (subpacket " + p.getType() + ")",
                            "the archive was altered; ask the sender for a new copy");
                }
            }
        }
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        if (hashed == null || hashed.getSignatureCreationTime() == null) {
            throw new BadSignatureException(
                    what + " has no signed creation time",
                    "the archive was not made by sealpack, or was altered");
        }
    }

    static List<String> intendedRecipients(PGPSignature signature) {
        List<String> result = new ArrayList<>();
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        for (SignatureSubpacket p :
                hashed.getSubpackets(SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT)) {
            result.add(Hex.of(((IntendedRecipientFingerprint) p).getFingerprint()));
        }
        return result;
    }
}
