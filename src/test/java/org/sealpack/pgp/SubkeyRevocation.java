package org.sealpack.pgp;

import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;

/** Test helper: a certificate whose signing subkey carries a revocation by the primary key. */
public final class SubkeyRevocation {
    private SubkeyRevocation() {}

    public static Certificate revokeSigningSubkey(
            Key key, char[] passphrase, KeyEditor.Reason reason, Instant at) throws Exception {
        Crypto.bouncyCastle();
        UnlockedKey unlocked = key.unlock(passphrase);
        PGPPublicKey primary = key.ring.getPublicKey();
        PGPPublicKey subkey = unlocked.signingKey(Date.from(at));
        PGPSignatureGenerator generator =
                new PGPSignatureGenerator(
                        new JcaPGPContentSignerBuilder(
                                primary.getAlgorithm(), HashAlgorithmTags.SHA512),
                        primary);
        generator.init(PGPSignature.SUBKEY_REVOCATION, unlocked.privateKey(primary.getKeyID()));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(at));
        hashed.setIssuerFingerprint(false, primary);
        hashed.setRevocationReason(false, (byte) reason.code, "test");
        generator.setHashedSubpackets(hashed.generate());
        PGPSignature revocation = generator.generateCertification(primary, subkey);
        PGPPublicKey revokedSubkey = PGPPublicKey.addCertification(subkey, revocation);
        return new Certificate(
                PGPPublicKeyRing.insertPublicKey(key.certificate().ring, revokedSubkey));
    }
}
