package org.sealpack.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sealpack.cli.Main;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.pgp.UnlockedKey;

/**
 * Writes the golden vectors into src/test/resources/vectors/: one scenario per sealed file, with a
 * side file NAME.expect stating the key that opens it and the expected outcome. Run once per format
 * version with {@code mvn test -Dtest=GoldenVectors -Dsealpack.generate=vectors}; it never
 * overwrites a vector. A format change adds new vectors; {@link GoldenVectorsTest} keeps opening
 * the old ones.
 */
class GoldenVectors {
    static final Path DIR = Path.of("src/test/resources/vectors");
    static final Path KEYS = Path.of("src/test/resources/keys");
    static final String PAYLOAD = "examples/statement.txt";

    static String key(String name) {
        return KEYS.resolve(name + ".key.asc").toString();
    }

    static String cert(String name) {
        return KEYS.resolve(name + ".cert.asc").toString();
    }

    static String pass(String name) {
        return KEYS.resolve(name + ".passphrase").toString();
    }

    static void pack(Path out, String signer, List<String> recipients, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "pack",
                                PAYLOAD,
                                "--metadata",
                                "examples/statement.metadata",
                                "--signer",
                                key(signer),
                                "--passphrase-file",
                                pass(signer),
                                "-o",
                                out.toString(),
                                "--home",
                                "target/vector-home"));
        for (String r : recipients) {
            args.add("--recipient");
            args.add(cert(r));
        }
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int exit =
                Main.run(
                        args.toArray(String[]::new),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
    }

    static void expect(String name, String description, String key, int exit, String message)
            throws IOException {
        Files.writeString(
                DIR.resolve(name + ".expect"),
                "# "
                        + description
                        + "\nkey: "
                        + key
                        + "\nexpect: "
                        + (exit == 0 ? "ok" : message)
                        + "\nexit: "
                        + exit
                        + "\n",
                StandardCharsets.UTF_8);
    }

    boolean fresh(String name) {
        return !Files.exists(DIR.resolve(name + ".sealed"));
    }

    @Test
    @EnabledIfSystemProperty(named = "sealpack.generate", matches = "vectors")
    void generate() throws Exception {
        Files.createDirectories(DIR);
        if (fresh("v1-one-recipient")) {
            pack(DIR.resolve("v1-one-recipient.sealed"), "signer", List.of("recipient"));
            expect(
                    "v1-one-recipient",
                    "format 1, default profile, one recipient",
                    "recipient",
                    0,
                    null);
        }
        if (fresh("v1-three-recipients")) {
            pack(
                    DIR.resolve("v1-three-recipients.sealed"),
                    "signer",
                    List.of("other", "fuzz", "recipient"));
            expect(
                    "v1-three-recipients",
                    "format 1, three recipients; opened by the third",
                    "recipient",
                    0,
                    null);
        }
        if (fresh("v1-seizure-mode")) {
            pack(
                    DIR.resolve("v1-seizure-mode.sealed"),
                    "signer",
                    List.of("recipient"),
                    "--anonymous");
            expect(
                    "v1-seizure-mode",
                    "format 1, anonymous: no outer signature, wildcard recipients",
                    "recipient",
                    0,
                    null);
        }
        if (fresh("v1-compressed")) {
            pack(DIR.resolve("v1-compressed.sealed"), "signer", List.of("recipient"), "--compress");
            expect("v1-compressed", "format 1, ZLIB inside the encryption", "recipient", 0, null);
        }
        if (fresh("v1-rfc9580")) {
            pack(DIR.resolve("v1-rfc9580.sealed"), "v6-signer", List.of("v6-recipient"));
            expect(
                    "v1-rfc9580",
                    "format 1, rfc9580 profile: v6 keys, SEIPD v2 (AES-256, OCB)",
                    "v6-recipient",
                    0,
                    null);
        }
        if (fresh("v1-rfc9580-exact")) {
            pack(DIR.resolve("v1-rfc9580-exact.sealed"), "v6-signer", List.of("v6-recipient"));
            expect(
                    "v1-rfc9580-exact",
                    "format 1, rfc9580 profile as RFC 9580 has it (sealpack 0.2): no Issuer Key ID"
                            + " in v6 signatures, SEIPD v2 chunk size octet 12",
                    "v6-recipient",
                    0,
                    null);
        }
        if (fresh("v1-not-a-recipient")) {
            pack(DIR.resolve("v1-not-a-recipient.sealed"), "signer", List.of("other"));
            expect(
                    "v1-not-a-recipient",
                    "sealed to another key only",
                    "recipient",
                    12,
                    "not a recipient");
        }
        if (fresh("v1-untrusted-signer")) {
            pack(DIR.resolve("v1-untrusted-signer.sealed"), "other", List.of("recipient"));
            expect(
                    "v1-untrusted-signer",
                    "signed by a key the opener does not trust",
                    "recipient",
                    22,
                    "not a trusted signer");
        }
        if (fresh("v1-bad-outer-signature")) {
            Path tmp = DIR.resolve("tmp.sealed");
            pack(tmp, "signer", List.of("recipient"));
            byte[] bytes = Files.readAllBytes(tmp);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(DIR.resolve("v1-bad-outer-signature.sealed"), bytes);
            Files.delete(tmp);
            expect(
                    "v1-bad-outer-signature",
                    "one bit changed in the middle after signing",
                    "recipient",
                    21,
                    "outer signature does not match");
        }
        if (fresh("v1-truncated")) {
            Path tmp = DIR.resolve("tmp.sealed");
            pack(tmp, "signer", List.of("recipient"));
            byte[] bytes = Files.readAllBytes(tmp);
            Files.write(
                    DIR.resolve("v1-truncated.sealed"),
                    java.util.Arrays.copyOf(bytes, bytes.length / 2));
            Files.delete(tmp);
            expect("v1-truncated", "cut in half", "recipient", 20, "truncated");
        }
        if (fresh("v1-tampered-ciphertext")) {
            tamperedCiphertext(DIR.resolve("v1-tampered-ciphertext.sealed"));
            expect(
                    "v1-tampered-ciphertext",
                    "a bit of the encrypted data changed, then validly signed outside",
                    "recipient",
                    23,
                    "integrity check");
        }
    }

    /**
     * The inner message with one bit changed in its encrypted data, then signed outside as sealpack
     * does.
     */
    static void tamperedCiphertext(Path out) throws Exception {
        UnlockedKey signer =
                KeyFiles.readSecretKey(KEYS.resolve("signer.key.asc"))
                        .unlock(
                                Files.readString(KEYS.resolve("signer.passphrase"))
                                        .strip()
                                        .toCharArray());
        // An anonymous file is exactly an inner message: seal one, change a bit of its MDC, sign it
        // outside.
        Path inner = DIR.resolve("tmp-inner.sealed");
        pack(inner, "signer", List.of("recipient"), "--anonymous");
        byte[] message = Files.readAllBytes(inner);
        Files.delete(inner);
        message[message.length - 5] ^= 0x01;
        try (OutputStream file = Files.newOutputStream(out)) {
            org.sealpack.pgp.OuterLayer.sign(file, message, signer);
        }
    }
}
