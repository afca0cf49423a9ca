package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.bag.BagRules;
import org.sealpack.bag.DirectoryContent;
import org.sealpack.spec.Pins;

/**
 * Every bag of the corpus (src/test/resources/bags/, written by BagCorpus) gets the verdict its
 * expect file gives from sealpack's rules (any-bag level) and from `sealpack validate`, and the
 * Library of Congress's bagit-java 5.2.0 gives the same verdict, except where the expect file names
 * a deliberate difference and why.
 */
class BagCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bags");
    static final Map<String, Integer> COUNTS = new TreeMap<>();

    @TempDir static Path work;

    @TestFactory
    @Pins("R4.11")
    Stream<DynamicTest> everyBagHasItsVerdictWithSealpackAndWithBagitJava() throws IOException {
        List<Path> expects;
        try (Stream<Path> s = Files.list(CORPUS)) {
            expects = s.filter(p -> p.toString().endsWith(".expect")).sorted().toList();
        }
        assertThat(expects).hasSizeGreaterThanOrEqualTo(40);
        return expects.stream()
                .map(e -> DynamicTest.dynamicTest(e.getFileName().toString(), () -> check(e)));
    }

    static void check(Path expectFile) throws Exception {
        Map<String, String> expect = Cli.expectations(expectFile);
        String name = expectFile.getFileName().toString().replace(".expect", "");
        Path bag = copy(CORPUS.resolve(name), work.resolve(name));
        for (String line : Files.readAllLines(expectFile)) {
            if (line.startsWith("setup: mkdir ")) {
                Files.createDirectories(bag.resolve(line.substring("setup: mkdir ".length())));
            } else if (line.startsWith("setup: symlink ")) {
                String[] parts = line.substring("setup: symlink ".length()).split(" ");
                Files.createSymbolicLink(bag.resolve(parts[0]), Path.of(parts[1]));
            }
        }
        BagRules.Verdict verdict =
                BagRules.check(new DirectoryContent(bag), BagRules.Level.ANY_BAG);
        String ours = !verdict.valid() ? "invalid" : !verdict.complete() ? "holey" : "valid";
        assertThat(ours)
                .as(name + ": " + verdict.problems() + " to fetch " + verdict.toFetch())
                .isEqualTo(expect.get("verdict"));
        if (expect.containsKey("problem")) {
            assertThat(verdict.valid() ? verdict.toFetch() : verdict.problems())
                    .as(name)
                    .anyMatch(p -> p.contains(expect.get("problem")));
        }
        Cli.Run cli = Cli.run("validate", bag.toString());
        assertThat(cli.exit())
                .as(name + ": " + cli.err())
                .isEqualTo(
                        switch (ours) {
                            case "valid" -> 0;
                            case "holey" -> 28;
                            default -> 24;
                        });
        if (cli.exit() != 0) {
            assertThat(cli.err().lines().count()).as(cli.err()).isEqualTo(1);
        }
        String theirs = bagitJava(bag);
        String expected = expect.getOrDefault("bagit-java", ours);
        assertThat(theirs)
                .as(
                        name
                                + ": bagit-java"
                                + (expect.containsKey("difference")
                                        ? " (documented difference: "
                                                + expect.get("difference")
                                                + ")"
                                        : ""))
                .isEqualTo(expected);
        synchronized (COUNTS) {
            COUNTS.merge(ours, 1, Integer::sum);
            COUNTS.merge(theirs.equals(ours) ? "agree" : "documented differences", 1, Integer::sum);
        }
    }

    /**
     * bagit-java's verdict: valid, or invalid for any exception it throws reading or verifying the
     * bag.
     */
    static String bagitJava(Path bag) {
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(new BagReader().read(bag), false);
            return "valid";
        } catch (Exception | LinkageError e) {
            return "invalid";
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @AfterAll
    static void counts() {
        System.out.println("bag corpus: " + COUNTS);
    }
}
