package org.sealpack.pgp;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sealpack.failure.AgentProtocolException;
import org.sealpack.failure.CertificateNotKeyException;
import org.sealpack.failure.KeyException;
import org.sealpack.gnupg.Agent;
import org.sealpack.gnupg.GnuPG;
import org.sealpack.gnupg.SExpression;

/**
 * A secret key GnuPG's agent holds (in its store, or on an OpenPGP card behind it): named {@code
 * gpg:SELECTOR}, its certificate exported by gpg, each secret operation asked of the agent by the
 * part's keygrip. sealpack never sees the secret nor the passphrase or PIN (the agent's pinentry
 * asks). Every signature the agent makes is verified against the certificate before it is used.
 */
public final class AgentKey implements KeyHandle, SecretKey {
    private final Certificate certificate;

    /** Keygrips of the parts whose secret the agent holds, by key ID. */
    private final Map<Long, String> held;

    private AgentKey(Certificate certificate, Map<Long, String> held) {
        this.certificate = certificate;
        this.held = Map.copyOf(held);
    }

    /**
     * The key GnuPG holds that the selector (after "gpg:") names, with the parts its agent holds.
     */
    public static AgentKey find(String selector) {
        GnuPG.Listed listed = GnuPG.find(selector, "key");
        Certificate certificate = exported(listed);
        AgentKey key;
        try (Agent agent = Agent.connect()) {
            key = held(certificate, listed, agent);
        }
        if (key == null) {
            throw new CertificateNotKeyException(
                    "GnuPG holds only the certificate (public key) of "
                            + certificate.describe()
                            + ": its agent has no secret key for it",
                    "import the secret key into GnuPG, or insert the card that holds it and run `gpg --card-status`");
        }
        return key;
    }

    /** The key with the parts the agent holds, or null when it holds none. */
    static AgentKey held(Certificate certificate, GnuPG.Listed listed, Agent agent) {
        Map<Long, String> held = new LinkedHashMap<>();
        for (PGPPublicKey part : certificate.ring) {
            String grip = listed.keygrips().get(Hex.of(part.getFingerprint()));
            if (grip != null && agent.hasKey(grip)) {
                held.put(part.getKeyID(), grip);
            }
        }
        return held.isEmpty() ? null : new AgentKey(certificate, held);
    }

    /**
     * The certificate GnuPG holds that the selector (after "gpg:") names: trusted for this run
     * because it was named.
     */
    public static Certificate certificate(String selector) {
        return exported(GnuPG.find(selector, "certificate"));
    }

    static Certificate exported(GnuPG.Listed listed) {
        byte[] bytes = GnuPG.export(listed.fingerprint());
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try {
            PGPObjectFactory factory = new PGPObjectFactory(bytes, Crypto.fingerprints());
            Object o;
            while ((o = factory.nextObject()) != null) {
                if (!(o instanceof PGPPublicKeyRing ring)) {
                    throw new IOException("not a certificate");
                }
                rings.add(ring);
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyException(
                    "gpg exported an unreadable certificate for " + listed.fingerprint(),
                    "check it with `gpg --export "
                            + listed.fingerprint()
                            + " | gpg --list-packets`",
                    e);
        }
        if (rings.size() != 1
                || !Hex.of(rings.get(0).getPublicKey().getFingerprint())
                        .equals(listed.fingerprint())) {
            throw new KeyException(
                    "gpg exported "
                            + rings.size()
                            + " certificates for "
                            + listed.fingerprint()
                            + ", not that one",
                    "check it with `gpg --export "
                            + listed.fingerprint()
                            + " | gpg --list-packets`");
        }
        return new Certificate(rings.get(0));
    }

    static AgentKey of(Certificate certificate, Map<Long, String> held) {
        return new AgentKey(certificate, held);
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public String describe() {
        return certificate.describe();
    }

    @Override
    public String heldBy() {
        return "GnuPG";
    }

    @Override
    public boolean needsPassphrase() {
        return false;
    }

    @Override
    public boolean hasSecretFor(long keyId) {
        return held.containsKey(keyId);
    }

    @Override
    public boolean canUse(long keyId) {
        return held.containsKey(keyId);
    }

    @Override
    public SecretKey unlock(char[] passphrase, LongPredicate wanted) {
        return this;
    }

    private String grip(PGPPublicKey part) {
        String grip = held.get(part.getKeyID());
        if (grip == null) {
            throw new KeyException(
                    "GnuPG's agent holds no secret for the part "
                            + Hex.keyId(part.getKeyID())
                            + " of "
                            + describe(),
                    null);
        }
        return grip;
    }

    private String description(String doing) {
        return "sealpack wants to " + doing + " with the OpenPGP key\n" + describe();
    }

    @Override
    public byte[] signDigest(PGPPublicKey part, int hashAlgorithm, byte[] digest) {
        String jdk = DigestSigner.jdkName(hashAlgorithm);
        if (jdk == null) {
            throw new KeyException("sealpack asks GnuPG's agent for SHA-2 signatures only", null);
        }
        String hash = jdk.replace("-", "").toLowerCase(Locale.ROOT); // SETHASH --hash=sha256

        SExpression.Node answer;
        try (Agent agent = Agent.connect()) {
            answer = agent.sign(grip(part), hash, digest, description("sign"));
        }
        byte[] signature = AgentSignatures.fromAgent(answer, part);
        if (!AgentSignatures.verifies(part, hashAlgorithm, digest, signature)) {
            throw new AgentProtocolException(
                    "GnuPG's agent returned a signature that does not verify with the certificate"
                            + " of "
                            + describe()
                            + "; nothing was signed",
                    "restart it with `gpgconf --kill gpg-agent`; check what listens on its socket");
        }
        return signature;
    }

    @Override
    public byte[] rsaDecrypt(PGPPublicKey part, byte[] ciphertext) {
        byte[] c =
                new BigInteger(1, ciphertext)
                        .toByteArray(); // a leading zero when the top bit is set
        byte[] sexp = SExpression.write("enc-val", new Object[] {"rsa", new Object[] {"a", c}});
        Agent.Decrypted d;
        try (Agent agent = Agent.connect()) {
            d = agent.decrypt(grip(part), sexp, description("decrypt"));
        }
        return d.padded() ? AgentSignatures.unpadPkcs1(d.value()) : d.value();
    }

    @Override
    public byte[] agree(PGPPublicKey part, byte[] ephemeral) {
        byte[] e = ephemeral;
        if (part.getAlgorithm() != PublicKeyAlgorithmTags.ECDH) {
            throw new KeyException(
                    "GnuPG's agent is asked for ECDH (legacy, algorithm 18) only, not algorithm "
                            + part.getAlgorithm(),
                    null);
        }
        byte[] sexp = SExpression.write("enc-val", new Object[] {"ecdh", new Object[] {"e", e}});
        Agent.Decrypted d;
        try (Agent agent = Agent.connect()) {
            d = agent.decrypt(grip(part), sexp, description("decrypt"));
        }
        return AgentSignatures.sharedX(d.value(), part);
    }
}
