package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * SEIPD v2 packets written by Bouncy Castle's own encryptor (AES-OCB, every key size, small and
 * large chunks, lengths around the chunk edges) read back through {@link OcbDecryptor} give the
 * plaintext; an altered, truncated, extended or reordered packet fails, and no byte of a chunk
 * whose tag failed is handed out.
 */
class OcbDecryptorTest {
    private static final Random RANDOM = new Random(7253_9580L);

    @Test
    void readsWhatBouncyCastleWrites() throws Exception {
        int[] algorithms = {
            SymmetricKeyAlgorithmTags.AES_128,
            SymmetricKeyAlgorithmTags.AES_192,
            SymmetricKeyAlgorithmTags.AES_256
        };
        for (int algorithm : algorithms) {
            for (int exponent : new int[] {6, 12}) {
                for (int length :
                        new int[] {0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 4096, 20_001}) {
                    byte[] plain = bytes(length);
                    Packet packet = packet(algorithm, exponent, plain);
                    assertThat(read(packet, packet.body, false))
                            .as("algorithm %d, chunks 2^%d, %d bytes", algorithm, exponent, length)
                            .isEqualTo(plain);
                    assertThat(read(packet, packet.body, true))
                            .as("byte by byte: algorithm %d, 2^%d, %d", algorithm, exponent, length)
                            .isEqualTo(plain);
                }
            }
        }
    }

    @Test
    void anAlteredByteFailsAndNothingOfItsChunkIsHandedOut() throws Exception {
        byte[] plain = bytes(64 * 5 + 20);
        Packet packet = packet(SymmetricKeyAlgorithmTags.AES_256, 6, plain);
        int sealedChunk = 64 + 16;
        for (int at = 0; at < packet.body.length; at++) {
            byte[] altered = packet.body.clone();
            altered[at] ^= 0x01;
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            int position = at;
            assertThatThrownBy(() -> readInto(packet, altered, got))
                    .as("byte %d altered", position)
                    .isInstanceOf(IOException.class);
            // Whole chunks before the altered one at most: never a byte of it or after it.
            assertThat(got.size())
                    .as("byte %d altered", at)
                    .isLessThanOrEqualTo(at / sealedChunk * 64);
            assertThat(got.toByteArray()).isEqualTo(Arrays.copyOf(plain, got.size()));
        }
    }

    @Test
    void aTruncatedExtendedOrReorderedPacketFails() throws Exception {
        byte[] plain = bytes(64 * 3 + 5);
        Packet packet = packet(SymmetricKeyAlgorithmTags.AES_256, 6, plain);
        for (int length = 0; length < packet.body.length; length++) {
            byte[] cut = Arrays.copyOf(packet.body, length);
            int n = length;
            assertThatThrownBy(() -> read(packet, cut, false))
                    .as("cut to %d of %d bytes", n, packet.body.length)
                    .isInstanceOf(IOException.class);
        }
        for (int extra : new int[] {1, 15, 16, 17, 80}) {
            byte[] longer = Arrays.copyOf(packet.body, packet.body.length + extra);
            assertThatThrownBy(() -> read(packet, longer, false))
                    .as("%d bytes added", extra)
                    .isInstanceOf(IOException.class);
        }
        byte[] swapped = packet.body.clone();
        System.arraycopy(packet.body, 0, swapped, 80, 80);
        System.arraycopy(packet.body, 80, swapped, 0, 80);
        assertThatThrownBy(() -> read(packet, swapped, false)).isInstanceOf(IOException.class);
        byte[] chunkDropped = new byte[packet.body.length - 80];
        System.arraycopy(packet.body, 0, chunkDropped, 0, 80);
        System.arraycopy(packet.body, 160, chunkDropped, 80, chunkDropped.length - 80);
        assertThatThrownBy(() -> read(packet, chunkDropped, false)).isInstanceOf(IOException.class);
    }

    /** A SEIPD v2 packet's header, its body (the chunks and tags), and its session key. */
    private record Packet(SymmetricEncIntegrityPacket header, byte[] body, PGPSessionKey key) {}

    private static Packet packet(int algorithm, int exponent, byte[] plain) throws Exception {
        Crypto.bouncyCastle(); // the reference writer needs Bouncy Castle's OCB
        JcePGPDataEncryptorBuilder builder = new JcePGPDataEncryptorBuilder(algorithm);
        builder.setWithIntegrityPacket(true);
        builder.setWithAEAD(AEADAlgorithmTags.OCB, exponent);
        builder.setUseV6AEAD();
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(builder);
        generator.addMethod(new JcePBEKeyEncryptionMethodGenerator("test".toCharArray()));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = generator.open(sink, new byte[1 << 16])) {
            out.write(plain);
        }
        byte[] message = sink.toByteArray();
        PGPEncryptedDataList list =
                (PGPEncryptedDataList)
                        new PGPObjectFactory(message, new BcKeyFingerprintCalculator())
                                .nextObject();
        PGPSessionKey key =
                ((PGPPBEEncryptedData) list.get(0))
                        .getSessionKey(
                                new JcePBEDataDecryptorFactoryBuilder(
                                                new JcaPGPDigestCalculatorProviderBuilder().build())
                                        .build("test".toCharArray()));
        BCPGInputStream packets = new BCPGInputStream(new ByteArrayInputStream(message));
        packets.readPacket(); // the SKESK
        SymmetricEncIntegrityPacket seipd = (SymmetricEncIntegrityPacket) packets.readPacket();
        byte[] body = seipd.getInputStream().readAllBytes();
        return new Packet(seipd, body, key);
    }

    private static byte[] read(Packet packet, byte[] body, boolean byteByByte) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (byteByByte) {
            try (InputStream in = stream(packet, body)) {
                int b;
                while ((b = in.read()) >= 0) {
                    out.write(b);
                }
            }
            return out.toByteArray();
        }
        readInto(packet, body, out);
        return out.toByteArray();
    }

    private static void readInto(Packet packet, byte[] body, ByteArrayOutputStream out)
            throws Exception {
        try (InputStream in = stream(packet, body)) {
            byte[] buffer = new byte[1 + RANDOM.nextInt(200)];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static InputStream stream(Packet packet, byte[] body) throws Exception {
        assertThat(OcbDecryptor.reads(packet.header)).isTrue();
        return OcbDecryptor.decryptor(packet.header, packet.key)
                .getInputStream(new ByteArrayInputStream(body));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
