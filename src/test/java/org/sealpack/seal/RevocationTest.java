package org.sealpack.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.TestKeys;
import org.sealpack.failure.SignerExpiredException;
import org.sealpack.failure.SignerRevokedException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.KeyGenerator;

/** RFC 9580 revocation semantics, and expiry judged at the signature's time. */
class RevocationTest {
    static final Instant NOW = Instant.now();

    @TempDir Path dir;

    static Reports.Outer custody(Path sealed, List<Certificate> trusted) {
        return Verifier.custody(Source.file(sealed), trusted, new Checks()).report();
    }

    Path sealAt(Key signer, Instant when, String name) throws IOException {
        Path out = dir.resolve(name + ".sealed");
        Path payload = dir.resolve("statement.txt");
        if (!payload.toFile().exists()) {
            SealFixture.statement(dir);
        }
        Packer.pack(
                PackRequest.to(out, signer)
                        .payload(List.of(payload))
                        .recipients(List.of(TestKeys.cert("alice")))
                        .at(when)
                        .build(),
                k -> "pw".toCharArray(),
                Progress.NONE,
                n -> {});
        return out;
    }

    @Test
    void aSoftRevocationVoidsOnlyLaterSignaturesAndAHardOneVoidsAll() throws IOException {
        Key key =
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT,
                        "Rev <rev@example.org>",
                        "pw".toCharArray(),
                        NOW.minus(Duration.ofDays(3)),
                        null);
        Path before = sealAt(key, NOW.minus(Duration.ofDays(2)), "before");
        Path after = sealAt(key, NOW.minus(Duration.ofHours(12)), "after");

        Certificate superseded =
                KeyEditor.revoke(
                                key,
                                key.unlock("pw".toCharArray()),
                                KeyEditor.Reason.SUPERSEDED,
                                "new key",
                                NOW.minus(Duration.ofDays(1)))
                        .certificate();
        Reports.Outer good = custody(before, List.of(superseded));
        assertThat(good.signer()).isEqualTo(superseded);
        assertThat(good.notes())
                .singleElement()
                .asString()
                .contains("(superseded), after it signed");
        assertThatThrownBy(() -> custody(after, List.of(superseded)))
                .isInstanceOf(SignerRevokedException.class)
                .hasMessageContaining("superseded");

        Certificate compromised =
                KeyEditor.revoke(
                                key,
                                key.unlock("pw".toCharArray()),
                                KeyEditor.Reason.COMPROMISED,
                                "stolen",
                                NOW)
                        .certificate();
        assertThatThrownBy(() -> custody(before, List.of(compromised)))
                .isInstanceOf(SignerRevokedException.class)
                .hasMessageContaining("compromised");
        assertThatThrownBy(
                        () -> SealFixture.open(before, "alice", TestKeys.SIGNER, dir.resolve("x")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void expiryIsJudgedAtTheSignaturesTime() throws IOException {
        Key key =
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT,
                        "Exp <exp@example.org>",
                        "pw".toCharArray(),
                        NOW.minus(Duration.ofDays(10)),
                        Duration.ofDays(5));
        Path inTime = sealAt(key, NOW.minus(Duration.ofDays(8)), "in-time");
        Reports.Outer outer = custody(inTime, List.of(key.certificate()));
        assertThat(outer.signer()).isEqualTo(key.certificate());
        assertThat(outer.notes())
                .as("a key that expired after it signed: good, and said so")
                .singleElement()
                .asString()
                .contains("expired on", "after it signed", "stays good");
        assertThatThrownBy(() -> sealAt(key, NOW, "late"))
                .isInstanceOf(SignerExpiredException.class)
                .hasMessageContaining("expired on");
    }

    /**
     * A signing subkey revoked as compromised voids its signatures, even earlier ones: exit 14, as
     * for a key.
     */
    @Test
    void aCompromisedSigningSubkeyIsARevokedSigner() throws Exception {
        Key key =
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.RFC9580,
                        "Sub <sub@example.org>",
                        "pw".toCharArray(),
                        NOW.minus(Duration.ofDays(3)),
                        null);
        Path sealed = sealAt(key, NOW.minus(Duration.ofDays(2)), "by-subkey");
        assertThat(custody(sealed, List.of(key.certificate())).signer())
                .isEqualTo(key.certificate());
        Certificate revoked =
                org.sealpack.pgp.SubkeyRevocation.revokeSigningSubkey(
                        key,
                        "pw".toCharArray(),
                        KeyEditor.Reason.COMPROMISED,
                        NOW.minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> custody(sealed, List.of(revoked)))
                .isInstanceOf(SignerRevokedException.class)
                .hasMessageContaining("signing subkey", "compromised");
        Certificate retired =
                org.sealpack.pgp.SubkeyRevocation.revokeSigningSubkey(
                        key,
                        "pw".toCharArray(),
                        KeyEditor.Reason.RETIRED,
                        NOW.minus(Duration.ofHours(1)));
        assertThat(custody(sealed, List.of(retired)).signer())
                .as("retired after it signed")
                .isEqualTo(retired);
    }
}
