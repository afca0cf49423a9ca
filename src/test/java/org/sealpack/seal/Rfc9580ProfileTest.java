package org.sealpack.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.archive.Limits;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyGenerator;
import org.sealpack.pgp.Profile;

/** v6 keys (RFC 9580 profile) work end to end within sealpack, alone and mixed with v4 keys. */
class Rfc9580ProfileTest {
    static final Key SENDER =
            KeyGenerator.generate(
                    Profile.RFC9580,
                    "v6 sender",
                    "s6".toCharArray(),
                    Instant.now().minusSeconds(60),
                    null);
    static final Key RECIPIENT =
            KeyGenerator.generate(
                    Profile.RFC9580,
                    "v6 recipient",
                    "r6".toCharArray(),
                    Instant.now().minusSeconds(60),
                    null);

    @TempDir Path dir;

    @Test
    void v6KeysAreVersion6AndSealAndOpenEndToEnd() throws IOException {
        assertThat(SENDER.certificate().version()).isEqualTo(6);
        Path sealed = dir.resolve("v6.sealed");
        Packer.pack(
                PackRequest.to(sealed, SENDER)
                        .payload(List.of(SealFixture.statement(dir)))
                        .recipients(List.of(RECIPIENT.certificate()))
                        .build(),
                k -> "s6".toCharArray(),
                Progress.NONE,
                n -> {});
        Reports.Outer outer =
                Verifier.custody(Source.file(sealed), List.of(SENDER.certificate()), new Checks())
                        .report();
        assertThat(outer.signer()).isEqualTo(SENDER.certificate());
        Reports.Full full =
                Opener.open(
                                Source.file(sealed),
                                List.of(SENDER.certificate()),
                                List.of(RECIPIENT),
                                k -> "r6".toCharArray(),
                                Opener.Destination.of(dir.resolve("out")),
                                Limits.DEFAULT,
                                new Checks())
                        .report();
        assertThat(full.intendedRecipients()).contains(RECIPIENT.certificate().fingerprint());
        assertThat(Files.readAllBytes(dir.resolve("out/data/statement.txt")))
                .isEqualTo(Files.readAllBytes(dir.resolve("statement.txt")));
        byte[] bytes = Files.readAllBytes(sealed);
        assertThat(indexOfSeipdV2(bytes)).as("an AEAD (SEIPD v2) packet").isPositive();
    }

    @Test
    void aV6SenderCanSealToAV4RecipientWithSeipdV1() throws IOException {
        Path sealed = dir.resolve("mixed.sealed");
        Packer.pack(
                PackRequest.to(sealed, SENDER)
                        .payload(List.of(SealFixture.statement(dir)))
                        .recipients(List.of(org.sealpack.TestKeys.cert("alice")))
                        .build(),
                k -> "s6".toCharArray(),
                Progress.NONE,
                n -> {});
        Opener.open(
                Source.file(sealed),
                List.of(SENDER.certificate()),
                List.of(org.sealpack.TestKeys.key("alice")),
                org.sealpack.TestKeys.passphrases("alice"),
                Opener.Destination.of(dir.resolve("out")),
                Limits.DEFAULT,
                new Checks());
        assertThat(dir.resolve("out/data/statement.txt")).exists();
    }

    /** Position of a new-format tag-18 packet whose first body octet is version 2, or -1. */
    static int indexOfSeipdV2(byte[] b) {
        for (int i = 0; i + 7 < b.length; i++) {
            if ((b[i] & 0xff) == 0xd2) {
                int first = b[i + 1] & 0xff;
                int bodyStart =
                        first < 192 ? i + 2 : first < 224 ? i + 3 : first == 255 ? i + 6 : i + 2;
                if (b[bodyStart] == 2 && b[bodyStart + 1] == 9 && b[bodyStart + 2] == 2) {
                    return i;
                }
            }
        }
        return -1;
    }
}
