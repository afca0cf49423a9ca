package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.failure.InputException;
import org.sealpack.failure.KeyException;

class KeyFilesTest {
    static final Key KEY =
            KeyGenerator.generate(
                    org.sealpack.pgp.Profile.DEFAULT,
                    "Files <f@example.org>",
                    "pw".toCharArray(),
                    Instant.now(),
                    null);

    @TempDir Path dir;

    @Test
    void armoredAndBinaryFilesReadBack() throws IOException {
        Path armored = dir.resolve("k.asc");
        Files.writeString(armored, KEY.armored());
        assertThat(KeyFiles.readSecretKey(armored).fingerprint()).isEqualTo(KEY.fingerprint());
        Path binary = dir.resolve("c.pgp");
        Files.write(binary, Craft.encoded(KEY.certificate()));
        assertThat(KeyFiles.readCertificate(binary)).isEqualTo(KEY.certificate());
        assertThat(KeyFiles.readCertificate(armored))
                .as("a secret key serves as its certificate")
                .isEqualTo(KEY.certificate());
    }

    @Test
    void wrongKindMissingCorruptAndTruncatedFilesAreClearErrors() throws IOException {
        Path cert = dir.resolve("c.asc");
        Files.writeString(cert, KEY.certificate().armored());
        assertThatThrownBy(() -> KeyFiles.readSecretKey(cert))
                .isInstanceOf(org.sealpack.failure.CertificateNotKeyException.class)
                .hasMessageContaining("is a certificate (public key), but a secret key is needed");
        assertThatThrownBy(() -> KeyFiles.readSecretKey(dir.resolve("none.asc")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not found");
        Path text = dir.resolve("text.asc");
        Files.writeString(text, "hello\n");
        assertThatThrownBy(() -> KeyFiles.readCertificate(text)).isInstanceOf(KeyException.class);

        byte[] binary = Craft.encoded(KEY.certificate());
        Path truncated = dir.resolve("t.pgp");
        Files.write(truncated, java.util.Arrays.copyOf(binary, binary.length / 2));
        assertThatThrownBy(() -> KeyFiles.readCertificate(truncated))
                .isInstanceOf(KeyException.class);

        byte[] flipped = binary.clone();
        flipped[binary.length - 10] ^= 0x01;
        Path corrupt = dir.resolve("x.pgp");
        Files.write(corrupt, flipped);
        Throwable t =
                org.assertj.core.api.Assertions.catchThrowable(
                        () ->
                                KeyFiles.readCertificate(corrupt)
                                        .encryptionKey(new java.util.Date()));
        assertThat(t)
                .as("a flipped byte in a binding signature leaves no usable key")
                .isInstanceOf(KeyException.class);
    }
}
