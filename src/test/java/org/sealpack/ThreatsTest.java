package org.sealpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/THREATS.md names, for every input surface, the tests that pin its guarantee, and they exist:
 * each section {@code ## Tn. ...} has the four fields; its {@code **Pinned by:**} names at least
 * one test in backticks, each of which is a test class under src/test/java ({@code SignalIT} or
 * {@code org.sealpack.cli.SignalIT}), a test method of one ({@code
 * SignalIT#anInterruptLeavesNothing}), or a path under src/test/resources (a glob such as {@code
 * src/test/resources/hostile/leftover-*} must match at least one). A section not filled in yet says
 * TODO in its Pinned by field, and then may say nothing else there; a filled section has no TODO
 * left in any field.
 */
class ThreatsTest {
    static final Path THREATS = Path.of("docs/THREATS.md");
    static final Path TEST_SOURCES = Path.of("src/test/java");
    static final Path TEST_RESOURCES = Path.of("src/test/resources");
    static final List<String> FIELDS =
            List.of("Who controls it", "What they can do", "Guarantee", "Pinned by");
    static final Pattern SECTION = Pattern.compile("^## (T\\d+)\\. (.+)$");
    static final Pattern FIELD = Pattern.compile("^- \\*\\*([^*]+):\\*\\*(.*)$");
    static final Pattern REFERENCE = Pattern.compile("`([^`]*)`");
    static final Pattern TODO = Pattern.compile("^TODO\\b.*");

    /** One section: its id, title and the text of each field (continuation lines joined). */
    record Section(String id, String title, Map<String, String> fields) {}

    @Test
    void everySectionNamesTestsThatExist() throws IOException {
        List<Section> sections = sections(Files.readString(THREATS));
        assertThat(sections).as("sections of %s", THREATS).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            assertThat(sections.get(i).id())
                    .as("sections numbered T1, T2, ... in order")
                    .isEqualTo("T" + (i + 1));
            problems.addAll(problems(sections.get(i)));
        }
        assertThat(problems).as("problems in %s", THREATS).isEmpty();
    }

    @Test
    void theCheckCatchesEveryKindOfWrongReference() {
        String head =
                "## T1. A surface\n- **Who controls it:** anyone\n- **What they can do:** much\n"
                        + "- **Guarantee:** refused\n";
        assertThat(
                        problems(
                                head
                                        + "- **Pinned by:** `ThreatsTest`, `ThreatsTest#everySectionNamesTestsThatExist`,\n"
                                        + "  `org.sealpack.ThreatsTest`, `src/test/resources/hostile/*.expect`\n"))
                .isEmpty();
        assertThat(problems(head + "- **Pinned by:** TODO (issue 99)\n")).isEmpty();
        assertThat(problems(head + "- **Pinned by:** nothing yet\n"))
                .singleElement()
                .asString()
                .contains("names no test");
        assertThat(problems(head + "- **Pinned by:** `NoSuchIT`\n"))
                .singleElement()
                .asString()
                .contains("NoSuchIT");
        assertThat(problems(head + "- **Pinned by:** `ThreatsTest#noSuchMethod`\n"))
                .singleElement()
                .asString()
                .contains("noSuchMethod");
        assertThat(problems(head + "- **Pinned by:** `ThreatsTest#problems`\n"))
                .singleElement()
                .asString()
                .contains("not a test");
        assertThat(problems(head + "- **Pinned by:** `src/test/resources/no/such.sealed`\n"))
                .singleElement()
                .asString()
                .contains("no/such.sealed");
        assertThat(problems(head + "- **Pinned by:** `src/test/resources/hostile/zz-none-*`\n"))
                .singleElement()
                .asString()
                .contains("matches nothing");
        assertThat(problems(head + "- **Pinned by:** `ThreatsTest` and TODO\n"))
                .singleElement()
                .asString()
                .contains("TODO");
        assertThat(problems(head.replace("much", "TODO") + "- **Pinned by:** `ThreatsTest`\n"))
                .singleElement()
                .asString()
                .contains("What they can do");
        assertThat(
                        problems(
                                "## T1. A surface\n- **Who controls it:** anyone\n- **Pinned by:** `ThreatsTest`\n"))
                .hasSize(2);
    }

    private static List<String> problems(String text) {
        List<Section> sections = sections(text);
        assertThat(sections).hasSize(1);
        return problems(sections.get(0));
    }

    static List<Section> sections(String text) {
        List<Section> sections = new ArrayList<>();
        Map<String, String> fields = null;
        String field = null;
        for (String line : text.split("\n", -1)) {
            Matcher s = SECTION.matcher(line);
            Matcher f = FIELD.matcher(line);
            if (s.matches()) {
                fields = new LinkedHashMap<>();
                sections.add(new Section(s.group(1), s.group(2), fields));
                field = null;
            } else if (line.startsWith("#") || line.isBlank()) {
                field = null;
                if (line.startsWith("#")) {
                    fields = null;
                }
            } else if (fields != null && f.matches()) {
                field = f.group(1).trim();
                fields.put(field, f.group(2).trim());
            } else if (fields != null && field != null && line.startsWith("  ")) {
                fields.put(field, fields.get(field) + " " + line.trim());
            }
        }
        return sections;
    }

    static List<String> problems(Section section) {
        List<String> problems = new ArrayList<>();
        String where = section.id() + " (" + section.title() + ")";
        for (String name : FIELDS) {
            if (!section.fields().containsKey(name)) {
                problems.add(where + " has no '" + name + "' field");
            }
        }
        String pinned = section.fields().get("Pinned by");
        if (pinned == null) {
            return problems;
        }
        if (TODO.matcher(pinned).matches()) {
            if (REFERENCE.matcher(pinned).find()) {
                problems.add(where + " says TODO and names tests: either it is done or it is not");
            }
            return problems; // not filled in yet: allowed while it says so
        }
        for (var e : section.fields().entrySet()) {
            if (e.getValue().contains("TODO")) {
                problems.add(
                        where
                                + " names its tests but its '"
                                + e.getKey()
                                + "' field still says TODO");
            }
        }
        Matcher m = REFERENCE.matcher(pinned);
        int named = 0;
        while (m.find()) {
            named++;
            String problem = checkReference(m.group(1).trim());
            if (problem != null) {
                problems.add(where + ": " + problem);
            }
        }
        if (named == 0) {
            problems.add(where + " names no test (Pinned by: " + pinned + ")");
        }
        return problems;
    }

    /**
     * Null if the reference names an existing test class, test method or test resource; else why
     * not.
     */
    static String checkReference(String reference) {
        if (reference.startsWith(TEST_RESOURCES + "/")) {
            return resourceProblem(reference);
        }
        int hash = reference.indexOf('#');
        String className = hash < 0 ? reference : reference.substring(0, hash);
        if (!className.matches("[A-Za-z_][\\w.]*")) {
            return "'"
                    + reference
                    + "' is neither a test class, Class#method, nor a path under "
                    + TEST_RESOURCES;
        }
        Class<?> type = testClass(className);
        if (type == null) {
            return "no test class '" + className + "' under " + TEST_SOURCES;
        }
        if (hash < 0) {
            return null;
        }
        String method = reference.substring(hash + 1);
        List<Method> named =
                Arrays.stream(type.getDeclaredMethods())
                        .filter(x -> x.getName().equals(method))
                        .toList();
        if (named.isEmpty()) {
            return "'" + reference + "': " + type.getSimpleName() + " has no method " + method;
        }
        boolean test =
                named.stream()
                        .flatMap(x -> Arrays.stream(x.getAnnotations()))
                        .map(a -> a.annotationType().getName())
                        .anyMatch(
                                n ->
                                        n.startsWith("org.junit.jupiter")
                                                && (n.endsWith("Test")
                                                        || n.endsWith("TestFactory")
                                                        || n.endsWith("TestTemplate")));
        return test
                ? null
                : "'" + reference + "' is not a test method (no @Test, @ParameterizedTest, ...)";
    }

    private static String resourceProblem(String reference) {
        if (!reference.contains("*") && !reference.contains("?")) {
            return Files.exists(Path.of(reference)) ? null : "'" + reference + "' does not exist";
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + reference);
        try (Stream<Path> all = Files.walk(TEST_RESOURCES)) {
            return all.anyMatch(glob::matches) ? null : "'" + reference + "' matches nothing";
        } catch (IOException e) {
            return "'" + reference + "' cannot be looked for: " + e.getMessage();
        }
    }

    /**
     * The class of a test source under src/test/java, by simple or qualified name; null if there is
     * none.
     */
    private static Class<?> testClass(String name) {
        Path source;
        if (name.contains(".")) {
            source = TEST_SOURCES.resolve(name.replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                return null;
            }
        } else {
            try (Stream<Path> all = Files.walk(TEST_SOURCES)) {
                List<Path> found =
                        all.filter(p -> p.getFileName().toString().equals(name + ".java")).toList();
                if (found.size() != 1) {
                    return null;
                }
                source = found.get(0);
            } catch (IOException e) {
                return null;
            }
        }
        String qualified =
                TEST_SOURCES
                        .relativize(source)
                        .toString()
                        .replaceAll("\\.java$", "")
                        .replace('/', '.');
        try {
            return Class.forName(qualified, false, ThreatsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
