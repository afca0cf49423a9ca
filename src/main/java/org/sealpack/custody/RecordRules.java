package org.sealpack.custody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sealpack.failure.InputException;

/**
 * The record of a receipt read as docs/receipt.schema.json describes it, strictly (docs/FORMAT.md
 * R11.6): one JSON object and nothing after it, no name twice in an object, integers only where the
 * schema has numbers, every field it requires and none it does not name, each of the type, enum,
 * pattern and range it gives. Each rule broken is refused (exit 3) with its own message, so that a
 * record reads one way only: the same for sealpack as for any other reader.
 */
final class RecordRules {
    static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern HEX128 = Pattern.compile("[0-9a-f]{128}");
    static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}([0-9A-F]{24})?");
    static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter STRICT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
                    .withResolverStyle(ResolverStyle.STRICT);
    static final List<String> JOBS = List.of("verify", "verify --key", "open", ReceiptRecord.CARRY);
    static final List<String> VERDICTS =
            List.of(ReceiptRecord.GOOD, ReceiptRecord.FAILED, ReceiptRecord.CARRIED);
    static final List<String> CHECKS =
            List.of(
                    "outer-signature",
                    "integrity",
                    "bag-signature",
                    "intended-recipient",
                    "manifest",
                    "tag-manifest",
                    "decryption",
                    "format");
    static final List<String> RESULTS = List.of("passed", "failed", "not checked");
    private static final List<String> FIELDS =
            List.of(
                    "format",
                    "job",
                    "checkedAt",
                    "software",
                    "custodian",
                    "note",
                    "sealedFile",
                    "signer",
                    "recipients",
                    "tagManifestSha512",
                    "checks",
                    "verdict",
                    "exitCode",
                    "error",
                    "after");
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;

    private RecordRules(String name) {
        this.name = name;
    }

    /** The record's JSON text as a tree, after every rule of the schema was checked. */
    static JsonNode check(String json, String receipt) {
        RecordRules rules = new RecordRules(receipt);
        rules.shape(json);
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw rules.fail("is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        rules.fields(root);
        return root;
    }

    /**
     * One object, nothing after it, no name twice in an object, no number that is not an integer.
     */
    private void shape(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw fail("is not a JSON object");
            }
            Deque<Set<String>> names = new ArrayDeque<>();
            names.push(new HashSet<>());
            int depth = 1;
            String field = "the record";
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw fail("ends before its JSON object does");
                }
                switch (t) {
                    case START_OBJECT -> {
                        names.push(new HashSet<>());
                        depth++;
                    }
                    case START_ARRAY -> depth++;
                    case END_ARRAY -> depth--;
                    case END_OBJECT -> {
                        names.pop();
                        depth--;
                    }
                    case FIELD_NAME -> {
                        field = p.currentName();
                        if (!names.peek().add(field)) {
                            throw fail(
                                    "names the field \""
                                            + field
                                            + "\" twice in one object (readers disagree on"
                                            + " which one counts)");
                        }
                    }
                    case VALUE_NUMBER_FLOAT ->
                            throw fail(
                                    "has "
                                            + field
                                            + " = "
                                            + p.getText()
                                            + ", which is not an integer (the schema has integers only)");
                    default -> {}
                }
            }
            if (p.nextToken() != null) {
                throw fail(
                        "has more after its JSON object (a second value), which the schema does not allow");
            }
        } catch (JsonProcessingException e) {
            throw fail("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fields(JsonNode r) {
        object(r, "the record", FIELDS, FIELDS);
        if (!ReceiptRecord.FORMAT.equals(r.get("format").asText(null))
                || !r.get("format").isTextual()) {
            throw fail("is of format " + r.get("format") + ", not " + ReceiptRecord.FORMAT);
        }
        oneOf(r.get("job"), "job", JOBS);
        time(r.get("checkedAt"));
        if (!r.get("software").isTextual() || !r.get("software").asText().startsWith("sealpack ")) {
            throw fail("has software " + r.get("software") + ", not \"sealpack VERSION\"");
        }
        party(r.get("custodian"), "custodian");
        text(r.get("note"), "note", true);
        JsonNode file = r.get("sealedFile");
        object(
                file,
                "sealedFile",
                List.of("name", "sha256", "bytes"),
                List.of("name", "sha256", "bytes"));
        text(file.get("name"), "sealedFile.name", true);
        pattern(file.get("sha256"), "sealedFile.sha256", HEX64, true);
        integer(file.get("bytes"), "sealedFile.bytes", Long.MAX_VALUE, true);
        party(r.get("signer"), "signer");
        for (JsonNode recipient : array(r.get("recipients"), "recipients")) {
            object(
                    recipient,
                    "a recipient",
                    List.of("keyId", "algorithm"),
                    List.of("keyId", "algorithm"));
            text(recipient.get("keyId"), "a recipient's keyId", false);
            text(recipient.get("algorithm"), "a recipient's algorithm", false);
        }
        pattern(r.get("tagManifestSha512"), "tagManifestSha512", HEX128, true);
        for (JsonNode check : array(r.get("checks"), "checks")) {
            object(check, "a check", List.of("check", "result"), List.of("check", "result"));
            oneOf(check.get("check"), "a check's name", CHECKS);
            oneOf(check.get("result"), "a check's result", RESULTS);
        }
        oneOf(r.get("verdict"), "verdict", VERDICTS);
        integer(r.get("exitCode"), "exitCode", 255, false);
        text(r.get("error"), "error", true);
        Set<String> links = new HashSet<>();
        for (JsonNode link : array(r.get("after"), "after")) {
            pattern(link, "a link in after", HEX64, false);
            if (!links.add(link.asText())) {
                throw fail("lists the link " + link.asText() + " twice in after");
            }
        }
        consistent(r);
    }

    /** A verdict agrees with its exit code, error and job (the schema's if/then). */
    private void consistent(JsonNode r) {
        String verdict = r.get("verdict").asText();
        boolean carry = ReceiptRecord.CARRY.equals(r.get("job").asText());
        boolean failed = ReceiptRecord.FAILED.equals(verdict);
        if (failed != (r.get("exitCode").asInt() != 0) || !failed && !r.get("error").isNull()) {
            throw fail(
                    "has verdict "
                            + verdict
                            + " with exitCode "
                            + r.get("exitCode")
                            + " and error "
                            + shown(r.get("error"))
                            + " (GOOD and CARRIED have exit code 0 and no error; FAILED has an exit code)");
        }
        if (carry != ReceiptRecord.CARRIED.equals(verdict)) {
            throw fail(
                    "has job "
                            + shown(r.get("job"))
                            + " with verdict "
                            + verdict
                            + " (a carry, and only a carry, is CARRIED)");
        }
        if (carry && !r.get("signer").isNull()) {
            throw fail(
                    "is a carry (CARRIED) that names the file's signer"
                            + " (a hand that only carried the file checked no signature: a carry"
                            + " names no signer)");
        }
        RecordCoherence.check(r, this::fail);
    }

    private void object(JsonNode node, String what, List<String> allowed, List<String> required) {
        if (node == null || !node.isObject()) {
            throw fail("has " + what + " that is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!allowed.contains(field)) {
                throw fail("has a field the schema does not name: \"" + field + "\" in " + what);
            }
        }
        for (String field : required) {
            if (!node.has(field)) {
                throw fail("lacks the field \"" + field + "\" in " + what);
            }
        }
    }

    private void oneOf(JsonNode node, String what, List<String> values) {
        if (!node.isTextual() || !values.contains(node.asText())) {
            throw fail(
                    "has "
                            + what
                            + " "
                            + shown(node)
                            + ", not one of "
                            + String.join(", ", values));
        }
    }

    private void time(JsonNode node) {
        if (!node.isTextual() || !TIME.matcher(node.asText()).matches()) {
            throw fail(
                    "has checkedAt "
                            + shown(node)
                            + ", not a time in UTC to the second (YYYY-MM-DDTHH:MM:SSZ)");
        }
        try {
            LocalDateTime t = LocalDateTime.parse(node.asText(), STRICT_TIME);
            if (t.getYear() < 1970) {
                throw fail("has checkedAt " + shown(node) + ", before 1970");
            }
        } catch (DateTimeParseException e) {
            throw fail(
                    "has checkedAt "
                            + shown(node)
                            + ", which is no such time (month, day, hour, minute or second out of range)");
        }
    }

    private void party(JsonNode node, String what) {
        if (node.isNull()) {
            return;
        }
        object(node, what, List.of("fingerprint", "userId"), List.of("fingerprint", "userId"));
        pattern(node.get("fingerprint"), what + ".fingerprint", FINGERPRINT, false);
        text(node.get("userId"), what + ".userId", true);
    }

    private void text(JsonNode node, String what, boolean nullable) {
        if (!(node.isTextual() || nullable && node.isNull())) {
            throw fail(
                    "has "
                            + what
                            + " "
                            + shown(node)
                            + ", not a string"
                            + (nullable ? " or null" : ""));
        }
    }

    private void pattern(JsonNode node, String what, Pattern p, boolean nullable) {
        if (nullable && node.isNull()) {
            return;
        }
        if (!node.isTextual() || !p.matcher(node.asText()).matches()) {
            throw fail("has " + what + " " + shown(node) + ", which does not match " + p.pattern());
        }
    }

    private void integer(JsonNode node, String what, long max, boolean nullable) {
        if (nullable && node.isNull()) {
            return;
        }
        if (!node.isIntegralNumber()
                || !node.canConvertToLong()
                || node.asLong() < 0
                || node.asLong() > max) {
            throw fail("has " + what + " " + shown(node) + ", not an integer from 0 to " + max);
        }
    }

    private Iterable<JsonNode> array(JsonNode node, String what) {
        if (!node.isArray()) {
            throw fail("has " + what + " " + shown(node) + ", not an array");
        }
        return node;
    }

    /** A value as JSON, cut short: it came from the receipt. */
    private static String shown(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    InputException fail(String why) {
        return new InputException(
                name + " is not a sealpack receipt: its record " + why,
                "do not rely on it; ask its custodian for the receipt as sealpack wrote it");
    }
}
