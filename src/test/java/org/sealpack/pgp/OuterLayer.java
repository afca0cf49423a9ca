package org.sealpack.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;

/**
 * Test helper: wraps arbitrary bytes in sealpack's outer layer (one-pass signed literal data), for
 * crafted vectors.
 */
public final class OuterLayer {
    private OuterLayer() {}

    public static void sign(OutputStream out, byte[] inner, UnlockedKey signer)
            throws IOException, PGPException {
        sign(out, inner, signer, new Date(), 0);
    }

    /** As above, the signature made at {@code created}, with a lifetime in seconds (0: none). */
    public static void sign(
            OutputStream out, byte[] inner, UnlockedKey signer, Date created, long lifetime)
            throws IOException, PGPException {
        Date now = created;
        PGPPublicKey key = signer.signingKey(new Date());
        PGPSignatureGenerator generator =
                new PGPSignatureGenerator(
                        new JcaPGPContentSignerBuilder(
                                key.getAlgorithm(), HashAlgorithmTags.SHA256),
                        key);
        generator.init(PGPSignature.BINARY_DOCUMENT, signer.privateKey(key.getKeyID()));
        PGPSignatureSubpacketGenerator hashed = Signatures.baseSubpackets(key, now);
        if (lifetime > 0) {
            hashed.setSignatureExpirationTime(false, lifetime);
        }
        generator.setHashedSubpackets(hashed.generate());
        generator.setUnhashedSubpackets(new PGPSignatureSubpacketGenerator().generate());
        generator.generateOnePassVersion(false).encode(out);
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        try (OutputStream body =
                literal.open(out, PGPLiteralData.BINARY, "", new Date(0), new byte[1 << 16])) {
            body.write(inner);
        }
        generator.update(inner);
        generator.generate().encode(out);
    }
}
