package org.sealpack.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sealpack.spec.Pins;

/**
 * The bad records of src/test/resources/receipts against docs/receipt.schema.json as a generic JSON
 * Schema validator reads them: it refuses every one except those whose rule JSON Schema cannot say
 * (a name twice, a second value after the object, a comment, a date that does not exist or is
 * before 1970), which is why sealpack reads records by its own rules too (docs/FORMAT.md R11.6). A
 * record that contradicts itself (R11.15: its verdict, job and checks in a combination sealpack
 * never writes) is held by sealpack's own rules, whatever the generic validator says of it.
 */
class ReceiptCorpusSchemaTest {
    static final Set<String> BEYOND_JSON_SCHEMA =
            Set.of(
                    "duplicate-key",
                    "duplicate-key-nested",
                    "trailing-object",
                    "comment",
                    "no-such-day",
                    "leap-second",
                    "before-1970");

    @Test
    @Pins("R11.6")
    void aGenericValidatorRefusesEveryBadRecordThatJsonSchemaCanDescribe() throws Exception {
        JsonSchema schema;
        try (var in = Files.newInputStream(Path.of("docs/receipt.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<String> accepted = new ArrayList<>();
        List<Path> vectors;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/receipts"))) {
            vectors =
                    s.filter(
                                    p ->
                                            p.toString().endsWith(".md")
                                                    && !p.getFileName()
                                                            .toString()
                                                            .equals("README.md"))
                            .sorted()
                            .toList();
        }
        for (Path md : vectors) {
            String text = Files.readString(md);
            String json =
                    text.substring(
                            text.lastIndexOf("```json sealpack-receipt-1\n") + 27,
                            text.length() - 4);
            String name = md.getFileName().toString().replace(".md", "");
            boolean refused;
            try {
                refused = !schema.validate(mapper.readTree(json)).isEmpty();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                refused = false; // not JSON to a generic reader either way; sealpack names why
            }
            if (!refused) {
                accepted.add(name);
            }
        }
        assertThat(vectors).hasSizeGreaterThan(25);
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(BEYOND_JSON_SCHEMA);
    }
}
