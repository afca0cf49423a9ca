package org.sealpack.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.KeyFiles;

/**
 * Walks files sealpack writes, and the committed golden vectors, with {@link Walker} (not
 * sealpack's parser) and checks every field of the outer and inner layers that docs/FORMAT.md
 * sections 1, 2, 7 and 8 pin. What is inside the encryption is walked by the GnuPG test, which
 * decrypts with gpg.
 */
class WalkerTest {
    static final Path KEYS = Path.of("src/test/resources/keys");
    static final Path VECTORS = Path.of("src/test/resources/vectors");

    @TempDir Path dir;

    static Certificate cert(String name) {
        return KeyFiles.readCertificate(KEYS.resolve(name + ".cert.asc"));
    }

    Path pack(String signer, List<String> recipients, String... extra) {
        return pack(Path.of("examples/statement.txt"), signer, recipients, extra);
    }

    Path pack(Path payload, String signer, List<String> recipients, String... extra) {
        Path out =
                dir.resolve(signer + recipients + extra.length + payload.getFileName() + ".sealed");
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "pack",
                                payload.toString(),
                                "--metadata",
                                "examples/statement.metadata",
                                "--signer",
                                KEYS.resolve(signer + ".key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve(signer + ".passphrase").toString(),
                                "-o",
                                out.toString(),
                                "--home",
                                dir.resolve("home").toString()));
        recipients.forEach(
                r -> args.addAll(List.of("--recipient", KEYS.resolve(r + ".cert.asc").toString())));
        args.addAll(List.of(extra));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }

    /**
     * Section 1 (and 7 for v6): the outer layer's three packets and every field pinned; returns the
     * inner message.
     */
    static byte[] outer(byte[] file, Certificate signer) {
        List<Walker.Packet> packets = Walker.packets(file);
        assertThat(packets)
                .extracting(Walker.Packet::tag)
                .as("R1.1: exactly OPS, literal, signature")
                .containsExactly(4, 11, 2);
        boolean v6 = signer.version() == 6;
        Walker.OnePass ops = Walker.onePass(packets.get(0));
        assertThat(ops.version()).as("R1.2 one-pass version").isEqualTo(v6 ? 6 : 3);
        assertThat(ops.type()).as("R1.2 type").isZero();
        assertThat(ops.nested()).as("R1.2 nested flag").isEqualTo(1);
        assertThat(ops.hash()).as("R1.6 SHA-256").isEqualTo(8);
        Walker.Literal literal = Walker.literal(packets.get(1));
        assertThat(literal.format()).as("R1.3 format").isEqualTo('b');
        assertThat(literal.name()).as("R1.3 name").isEmpty();
        assertThat(literal.date()).as("R1.3 date").isZero();
        assertThat(packets.get(1).partial() || literal.body().length <= 1 << 16)
                .as(
                        "R1.4 partial body lengths (a body within the writer's 64 KiB buffer may have its definite length)")
                .isTrue();
        Walker.Signature sig = Walker.signature(packets.get(2));
        assertThat(sig.version()).as("R1.5 version").isEqualTo(v6 ? 6 : 4);
        assertThat(sig.type()).as("R1.5 type").isZero();
        assertThat(sig.hash()).isEqualTo(ops.hash());
        assertThat(sig.publicKey()).isEqualTo(ops.publicKey()).isEqualTo(v6 ? 27 : 22);
        assertThat(sig.hashed()).as("R1.7 nothing critical").noneMatch(Walker.Subpacket::critical);
        assertThat(sig.hashedTypes())
                .as("R1.7 hashed subpackets")
                .containsExactlyInAnyOrderElementsOf(v6 ? List.of(2, 33) : List.of(2, 33, 16));
        assertThat(sig.unhashed()).as("R1.7 unhashed area empty").isEmpty();
        byte[] fingerprint = sig.first(33);
        assertThat(fingerprint[0]).as("R1.7 fingerprint version").isEqualTo((byte) (v6 ? 6 : 4));
        String issuer =
                Walker.hex(Walker.slice(fingerprint, 1, fingerprint.length - 1))
                        .toUpperCase(Locale.ROOT);
        if (v6) {
            assertThat(Walker.hex(ops.issuer()).toUpperCase(Locale.ROOT))
                    .as("R7.1 one-pass names the signing key")
                    .isEqualTo(issuer);
            assertThat(signer.fingerprint())
                    .isNotEqualTo(issuer); // a v6 key signs with its signing subkey
        } else {
            assertThat(issuer).as("R1.6 the sender's primary key").isEqualTo(signer.fingerprint());
            assertThat(Walker.hex(sig.first(16)))
                    .isEqualToIgnoringCase(issuer.substring(24))
                    .isEqualToIgnoringCase(Walker.hex(ops.issuer()));
        }
        return literal.body();
    }

    /** Section 2 (7 for v6, 8 for anonymous): the PKESKs and the encrypted data's header. */
    static void inner(byte[] inner, List<Certificate> recipients, boolean anonymous) {
        List<Walker.Packet> packets = Walker.packets(inner);
        boolean v6 = recipients.stream().allMatch(c -> c.version() == 6);
        assertThat(packets.get(packets.size() - 1).tag()).as("R2.2 SEIPD last").isEqualTo(18);
        List<Walker.Packet> pkesks = packets.subList(0, packets.size() - 1);
        assertThat(pkesks)
                .extracting(Walker.Packet::tag)
                .as("R2.1 one PKESK per recipient")
                .hasSize(recipients.size())
                .containsOnly(1);
        Set<String> named = new HashSet<>();
        for (Walker.Packet p : pkesks) {
            Walker.Pkesk k = Walker.pkesk(p);
            assertThat(k.version()).as("R2.1 / R7.2 PKESK version").isEqualTo(v6 ? 6 : 3);
            assertThat(k.publicKey()).as("ECDH (v4 keys) or X25519 (v6 keys)").isIn(18, 25);
            if (anonymous) {
                assertThat(k.recipient()).as("R8.1 wildcard recipient").containsOnly((byte) 0);
            } else {
                named.add(
                        Walker.hex(v6 ? Walker.slice(k.recipient(), 0, 8) : k.recipient())
                                .toUpperCase(Locale.ROOT));
            }
        }
        if (!anonymous) {
            Set<String> keys = new HashSet<>();
            recipients.forEach(
                    c ->
                            keys.addAll(
                                    org.sealpack.pgp.Craft.keyIds(c)
                                            .subList(1, org.sealpack.pgp.Craft.keyIds(c).size())));
            assertThat(keys)
                    .as("R2.1 subkeys of the recipients, each named once")
                    .containsAll(named);
            assertThat(named).hasSize(recipients.size());
        }
        Walker.Seipd seipd = Walker.seipd(packets.get(packets.size() - 1));
        if (v6) {
            assertThat(seipd.version()).as("R7.2 SEIPD v2").isEqualTo(2);
            assertThat(seipd.cipher()).as("R7.2 AES-256").isEqualTo(9);
            assertThat(seipd.aead()).as("R7.2 OCB").isEqualTo(2);
            assertThat(seipd.chunkOctet()).as("R7.2 chunk size octet").isEqualTo(12);
        } else {
            assertThat(seipd.version()).as("R2.2 SEIPD v1").isEqualTo(1);
        }
    }

    @Test
    @Pins({"R1.2", "R1.3", "R1.4", "R1.5", "R1.6", "R1.7", "R2.1", "R2.2"})
    void aFileSealpackWritesHasEveryPinnedFieldOfTheDefaultProfile() throws IOException {
        Path sealed = pack("signer", List.of("recipient", "other"));
        inner(
                outer(Files.readAllBytes(sealed), cert("signer")),
                List.of(cert("recipient"), cert("other"), cert("signer")),
                false);
        Path once = pack("signer", List.of("recipient", "recipient", "signer"));
        inner(
                outer(Files.readAllBytes(once), cert("signer")),
                List.of(cert("recipient"), cert("signer")),
                false);
        byte[] large = new byte[300_000];
        new java.util.Random(15).nextBytes(large);
        Path big = Files.write(dir.resolve("large.bin"), large);
        byte[] file = Files.readAllBytes(pack(big, "signer", List.of("recipient")));
        assertThat(Walker.packets(file).get(1).partial())
                .as("R1.4 written in one pass, in partial body lengths")
                .isTrue();
        inner(outer(file, cert("signer")), List.of(cert("recipient"), cert("signer")), false);
    }

    @Test
    @Pins({"R7.1", "R7.2", "R7.3"})
    void aFileOfTheRfc9580ProfileHasV6PacketsAndChunkOctet12() throws IOException {
        Path sealed = pack("v6-signer", List.of("v6-recipient"));
        inner(
                outer(Files.readAllBytes(sealed), cert("v6-signer")),
                List.of(cert("v6-recipient"), cert("v6-signer")),
                false);
        Path mixed = pack("v6-signer", List.of("recipient"));
        inner(
                outer(Files.readAllBytes(mixed), cert("v6-signer")),
                List.of(cert("recipient"), cert("v6-signer")),
                false);
    }

    @Test
    @Pins("R8.1")
    void anAnonymousFileIsTheInnerMessageAloneWithWildcardRecipients() throws IOException {
        Path sealed = pack("signer", List.of("recipient"), "--anonymous");
        byte[] bytes = Files.readAllBytes(sealed);
        assertThat(Walker.packets(bytes).get(0).tag()).as("R8.1 no outer layer").isEqualTo(1);
        inner(bytes, List.of(cert("recipient"), cert("signer")), true);
    }

    @Test
    void theGoldenVectorsHaveTheFieldsTheirFormatPinned() throws IOException {
        inner(
                outer(
                        Files.readAllBytes(VECTORS.resolve("v1-one-recipient.sealed")),
                        cert("signer")),
                List.of(cert("recipient"), cert("signer")),
                false);
        inner(
                outer(
                        Files.readAllBytes(VECTORS.resolve("v1-rfc9580-exact.sealed")),
                        cert("v6-signer")),
                List.of(cert("v6-recipient"), cert("v6-signer")),
                false);
        inner(
                Files.readAllBytes(VECTORS.resolve("v1-seizure-mode.sealed")),
                List.of(cert("recipient"), cert("signer")),
                true);
    }
}
