package org.sealpack.pgp;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.operator.KeyFingerPrintCalculator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;

/**
 * The JCA set-up shared by every operation. Bulk work (AES, SHA-2) runs on the JDK's own providers,
 * which use the processor's AES and SHA instructions; Bouncy Castle's provider is added last, only for
 * what the JDK lacks. No provider is named on any operator, so the JCA picks the first that has it.
 */
final class Crypto {
    private static volatile boolean ready;

    private Crypto() {
    }

    static void init() {
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
        init();
        try {
            return new JcaPGPDigestCalculatorProviderBuilder().build();
        } catch (org.bouncycastle.openpgp.PGPException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    static org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider verifiers() {
        init();
        return HashOnce.verifiers(new JcaPGPContentVerifierBuilderProvider());
    }
}
