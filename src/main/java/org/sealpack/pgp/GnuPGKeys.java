package org.sealpack.pgp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.sealpack.failure.KeyException;
import org.sealpack.gnupg.Agent;
import org.sealpack.gnupg.GnuPG;

/**
 * "A key GnuPG's agent holds": what {@code open} and {@code verify} try, after every key of the
 * keyring, when no --key is given. Only when none of those is a recipient is GnuPG asked (gpg lists
 * the keys with a recipient's key ID; the agent is asked by keygrip whether it holds the secret).
 * Without GnuPG, or when GnuPG knows none of the recipients, nothing is found and nothing changes.
 */
public final class GnuPGKeys implements KeyHandle {
    private static final GnuPGKeys ANY = new GnuPGKeys();

    private GnuPGKeys() {}

    /**
     * The candidate to add after the keyring's keys: resolved only if none of them is a recipient.
     */
    public static GnuPGKeys any() {
        return ANY;
    }

    /**
     * The keys the agent holds a secret for, among GnuPG's keys with a part of one of those key
     * IDs.
     */
    static List<AgentKey> forRecipients(List<Long> keyIds) {
        List<String> ids = keyIds.stream().map(id -> String.format("%016X", id)).toList();
        List<GnuPG.Listed> listed = GnuPG.withKeyIds(ids);
        List<AgentKey> found = new ArrayList<>();
        if (listed.isEmpty()) {
            return found;
        }
        try (Agent agent = Agent.connect()) {
            for (GnuPG.Listed key : listed) {
                AgentKey held = AgentKey.held(AgentKey.exported(key), key, agent);
                if (held != null && keyIds.stream().anyMatch(held::hasSecretFor)) {
                    found.add(held);
                }
            }
        }
        return found;
    }

    @Override
    public Certificate certificate() {
        throw new KeyException("no particular key of GnuPG is meant here", null);
    }

    @Override
    public String fingerprint() {
        return "";
    }

    @Override
    public String describe() {
        return "a key held by GnuPG";
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
        return false;
    }

    @Override
    public LongPredicate signingParts(Instant at) {
        return id -> false;
    }

    @Override
    public SecretKey unlock(char[] passphrase, LongPredicate wanted) {
        throw new KeyException("no particular key of GnuPG is meant here", null);
    }
}
