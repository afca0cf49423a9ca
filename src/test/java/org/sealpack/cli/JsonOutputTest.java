package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.failure.ExitCode;

/**
 * Every --json document validates against docs/sealpack.schema.json and carries the right values.
 */
class JsonOutputTest {
    static final Path KEYS = org.sealpack.Proc.testKeys();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static JsonSchema schema;

    @TempDir static Path dir;
    static Path sealed;

    static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @BeforeAll
    static void setUp() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docs/sealpack.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        sealed = dir.resolve("example.sealed");
        run(
                0,
                "pack",
                "examples/statement.txt",
                "--metadata",
                "examples/statement.metadata",
                "--signer",
                KEYS.resolve("signer.key.asc").toString(),
                "--passphrase-file",
                KEYS.resolve("signer.passphrase").toString(),
                "--recipient",
                KEYS.resolve("recipient.cert.asc").toString(),
                "-o",
                sealed.toString(),
                "--home",
                dir.resolve("h").toString());
    }

    static JsonNode valid(String json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        Set<ValidationMessage> errors = schema.validate(node);
        assertThat(errors).as(json).isEmpty();
        return node;
    }

    @Test
    void verifyOpenInspectValidateAndKeysListFollowTheSchema() throws IOException {
        String signer = KEYS.resolve("signer.cert.asc").toString();
        JsonNode outer =
                valid(
                        run(
                                0,
                                "verify",
                                sealed.toString(),
                                "--signer",
                                signer,
                                "--json",
                                "--home",
                                dir.resolve("h").toString()));
        assertThat(outer.get("outer").get("signer").get("fingerprint").asText())
                .isEqualTo("DC9B89FD61CBC73261925824B4F6059BFC8787CE");

        JsonNode full =
                valid(
                        run(
                                0,
                                "verify",
                                sealed.toString(),
                                "--signer",
                                signer,
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--json",
                                "--home",
                                dir.resolve("h").toString()));
        assertThat(full.get("bag").get("files").get(0).get("path").asText())
                .isEqualTo("data/statement.txt");
        assertThat(full.get("bag").get("files").get(0).get("bytes").asLong()).isEqualTo(2985);

        Path opened = dir.resolve("opened");
        JsonNode open =
                valid(
                        run(
                                0,
                                "open",
                                sealed.toString(),
                                "--signer",
                                signer,
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "-o",
                                opened.toString(),
                                "--json",
                                "--home",
                                dir.resolve("h").toString()));
        assertThat(open.get("kind").asText()).isEqualTo("open");
        assertThat(open.get("destination").asText()).isEqualTo(opened.toString());

        JsonNode inspect = valid(run(0, "inspect", sealed.toString(), "--json"));
        assertThat(inspect.get("verified").asBoolean()).isFalse();

        JsonNode validate = valid(run(0, "validate", opened.toString(), "--json"));
        assertThat(validate.get("verdict").asText()).isEqualTo("good");
        Files.writeString(opened.resolve("data/extra.txt"), "x");
        JsonNode invalid =
                valid(run(ExitCode.BAG_INVALID.code, "validate", opened.toString(), "--json"));
        assertThat(invalid.get("problems").toString()).contains("data/extra.txt");

        run(
                0,
                "keys",
                "import",
                signer,
                KEYS.resolve("recipient.key.asc").toString(),
                "--home",
                dir.resolve("h").toString());
        JsonNode keys =
                valid(run(0, "keys", "list", "--json", "--home", dir.resolve("h").toString()));
        assertThat(keys.get("keys")).hasSize(2);
    }

    /**
     * A check that fails still gives its document and its receipt: what failed (exit code, kind,
     * message, hint), what had passed before it, and the SHA-256 of the file, for the case file.
     */
    @Test
    void aFailedCheckGivesAFailureDocumentAndAFailureReceipt() throws IOException {
        String signer = KEYS.resolve("signer.cert.asc").toString();
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length / 2] ^= 0x01;
        Path altered = Files.write(dir.resolve("altered.sealed"), bytes);
        Path receipt = dir.resolve("altered-receipt.md");
        JsonNode outer =
                valid(
                        run(
                                ExitCode.BAD_SIGNATURE.code,
                                "verify",
                                altered.toString(),
                                "--signer",
                                signer,
                                "--json",
                                "--receipt",
                                receipt.toString(),
                                "-q",
                                "--home",
                                dir.resolve("h").toString()));
        assertThat(outer.get("verdict").asText()).isEqualTo("failed");
        assertThat(outer.get("exit").asInt()).isEqualTo(21);
        assertThat(outer.get("error").asText()).isEqualTo("bad-signature");
        assertThat(outer.get("passed")).isEmpty();
        String sha256 = java.util.HexFormat.of().formatHex(sha256(bytes));
        assertThat(outer.get("fileSha256").asText()).isEqualTo(sha256);
        assertThat(Files.readString(receipt))
                .contains(
                        "| Verdict | **FAILED: a signature is bad",
                        "(exit 21)",
                        "`" + sha256 + "`",
                        "## What failed",
                        "## Checks that passed before it",
                        "None.");

        // A bag that fails its manifest after every signature passed: the document lists what
        // passed.
        Path wrongHash = Path.of("src/test/resources/hostile/wrong-hash.sealed");
        Path receipt2 = dir.resolve("wrong-hash-receipt.md");
        JsonNode full =
                valid(
                        run(
                                ExitCode.BAG_INVALID.code,
                                "verify",
                                wrongHash.toString(),
                                "--signer",
                                signer,
                                "--key",
                                KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                KEYS.resolve("recipient.passphrase").toString(),
                                "--json",
                                "--receipt",
                                receipt2.toString(),
                                "--home",
                                dir.resolve("h").toString()));
        assertThat(full.get("error").asText()).isEqualTo("bag-invalid");
        assertThat(MAPPER.convertValue(full.get("passed"), java.util.List.class))
                .containsExactly(
                        "integrity", "outer-signature", "bag-signature", "intended-recipient");
        assertThat(Files.readString(receipt2))
                .contains("(exit 24)", "- integrity", "- bag-signature", "checksum");
    }

    static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
