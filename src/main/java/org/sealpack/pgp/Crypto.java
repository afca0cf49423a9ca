package org.sealpack.pgp;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.KeyFingerPrintCalculator;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;

/**
 * The JCA set-up shared by every operation. Bulk work (AES, SHA-2) runs on the JDK's own providers,
 * which use the processor's AES and SHA instructions. Bouncy Castle's JCA provider is added (last,
 * so the JDK still serves what it has) only by the operations that need what the JDK lacks: OCB,
 * the OpenPGP ECDH key agreement names, key generation and conversion for other algorithms.
 * Registering it costs about 0.2 s of start-up, which a custodian's {@code verify} with Ed25519
 * keys never pays. No provider is named on any operator, so the JCA picks the first that has it.
 */
final class Crypto {
    private static volatile boolean ready;

    private Crypto() {}

    /** Adds Bouncy Castle's provider (once); call before an operation that needs it. */
    static void bouncyCastle() {
        if (ready) {
            return;
        }
        synchronized (Crypto.class) {
            if (!ready) {
                Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
                if (existing == null) {
                    Security.addProvider(new BouncyCastleProvider());
                }
                ready = true;
            }
        }
    }

    static KeyFingerPrintCalculator fingerprints() {
        return new BcKeyFingerprintCalculator();
    }

    static PGPDigestCalculatorProvider digests() {
        try {
            return new JcaPGPDigestCalculatorProviderBuilder().build();
        } catch (PGPException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    static PGPContentVerifierBuilderProvider verifiers() {
        return HashOnce.verifiers(new JcaPGPContentVerifierBuilderProvider());
    }
}
