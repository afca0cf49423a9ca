package org.sealpack.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/FORMAT.md and its vectors agree: every block of sections 1 to 9 that says MUST or SHOULD
 * carries a rule tag such as [R1.6]; every tag is named by at least one vector ({@code rule:} in an
 * {@code .expect} of src/test/resources/conformance, hostile or vectors) or by a test that checks
 * it ({@link Pins}); every vector names a rule, and only rules that exist.
 */
class FormatRulesTest {
    static final Path FORMAT = Path.of("docs/FORMAT.md");
    static final List<Path> VECTOR_DIRS =
            List.of(
                    Path.of("src/test/resources/conformance"),
                    Path.of("src/test/resources/hostile"),
                    Path.of("src/test/resources/vectors"),
                    Path.of("src/test/resources/receipts"));
    static final Pattern TAG = Pattern.compile("\\[(R\\d+\\.\\d+)\\]");
    static final Pattern KEYWORD = Pattern.compile("\\b(MUST|SHOULD)\\b");

    /**
     * The normative part (sections 1 to 9) cut into blocks: paragraphs and list items, code left
     * out.
     */
    static List<String> blocks() throws IOException {
        String text = Files.readString(FORMAT);
        String normative =
                text.substring(text.indexOf("\n## 1. "), text.indexOf("\n## Appendix A"));
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        boolean code = false;
        for (String line : normative.split("\n")) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                continue;
            }
            boolean starts =
                    line.isBlank()
                            || line.startsWith("#")
                            || line.startsWith("- ")
                            || line.matches("\\d+\\. .*")
                            || line.startsWith("|");
            if (starts && block.length() > 0) {
                blocks.add(block.toString());
                block.setLength(0);
            }
            if (!line.isBlank()) {
                block.append(line).append('\n');
            }
        }
        blocks.add(block.toString());
        return blocks;
    }

    static Set<String> tags() throws IOException {
        Set<String> tags = new TreeSet<>();
        Matcher m = TAG.matcher(Files.readString(FORMAT));
        while (m.find()) {
            assertThat(tags.add(m.group(1)))
                    .as("tag %s used once in FORMAT.md", m.group(1))
                    .isTrue();
        }
        return tags;
    }

    /** Each rule, with the vectors and tests that name it. */
    static Map<String, List<String>> coverage() throws IOException {
        Map<String, List<String>> covered = new TreeMap<>();
        for (Path d : VECTOR_DIRS) {
            try (Stream<Path> s = Files.list(d)) {
                for (Path e : s.filter(p -> p.toString().endsWith(".expect")).sorted().toList()) {
                    String rule =
                            Files.readAllLines(e).stream()
                                    .filter(l -> l.startsWith("rule: "))
                                    .findFirst()
                                    .orElse(null);
                    assertThat(rule)
                            .as("%s names the rule of docs/FORMAT.md it tests", e)
                            .isNotNull();
                    for (String r : rule.substring(6).trim().split("\\s+")) {
                        covered.computeIfAbsent(r, k -> new ArrayList<>())
                                .add(d.getFileName() + "/" + e.getFileName());
                    }
                }
            }
        }
        Pattern pins = Pattern.compile("@Pins\\(\\{?([^)}]*)\\}?\\)");
        try (Stream<Path> s = Files.walk(Path.of("src/test/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = pins.matcher(Files.readString(java));
                while (m.find()) {
                    for (String r : m.group(1).replace("\"", "").split(",")) {
                        covered.computeIfAbsent(r.trim(), k -> new ArrayList<>())
                                .add(java.getFileName().toString());
                    }
                }
            }
        }
        return covered;
    }

    @Test
    void everyBlockThatSaysMustOrShouldCarriesARuleTag() throws IOException {
        // A lead-in that ends with a colon ("A verifier MUST, in this order:") is tagged in its
        // items.
        List<String> untagged =
                blocks().stream()
                        .filter(
                                b ->
                                        KEYWORD.matcher(b).find()
                                                && !TAG.matcher(b).find()
                                                && !b.strip().endsWith(":"))
                        .toList();
        assertThat(untagged)
                .as("blocks of FORMAT.md with MUST or SHOULD but no [Rn.m] tag")
                .isEmpty();
        long normative = blocks().stream().filter(b -> KEYWORD.matcher(b).find()).count();
        assertThat(normative).as("the parser finds the normative blocks").isGreaterThan(20);
    }

    @Test
    void everyRuleHasAVectorOrATestAndEveryVectorARuleThatExists() throws IOException {
        Set<String> tags = tags();
        Map<String, List<String>> covered = coverage();
        assertThat(tags)
                .as("rules of FORMAT.md that no vector or test names")
                .allMatch(covered::containsKey);
        assertThat(covered.keySet())
                .as("rules named by vectors or tests that FORMAT.md does not have")
                .isSubsetOf(tags);
        Map<String, int[]> perSection = new TreeMap<>();
        covered.forEach(
                (rule, by) -> {
                    int[] counts =
                            perSection.computeIfAbsent(
                                    rule.substring(1, rule.indexOf('.')), k -> new int[2]);
                    counts[0] += (int) by.stream().filter(b -> b.endsWith(".expect")).count();
                    counts[1] += (int) by.stream().filter(b -> b.endsWith(".java")).count();
                });
        StringBuilder report =
                new StringBuilder(
                        "FORMAT.md rules: " + tags.size() + "; per section (vector lines, tests):");
        perSection.forEach(
                (section, c) ->
                        report.append(" ")
                                .append(section)
                                .append(": ")
                                .append(c[0])
                                .append("/")
                                .append(c[1]));
        System.out.println(report);
    }
}
