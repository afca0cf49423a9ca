package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.ExitCode;

/**
 * README.md is for people (short, the two commands at the top, pointing to the guide);
 * docs/GUIDE.md, the reference it links, has the exit-code table the code uses and what each
 * command may write.
 */
class ReadmeTest {
    static final Path GUIDE = Path.of("docs/GUIDE.md");

    @Test
    void readmeIsShortStartsWithTheTwoCommandsAndLinksTheGuides() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        assertThat(lines.size())
                .as("README is read once through: about 200 lines")
                .isLessThanOrEqualTo(230);
        String top = String.join("\n", lines.subList(0, 30));
        assertThat(top)
                .contains(
                        "    mvn -B -q package -DskipTests && ./examples/run-demo.sh",
                        "    mvn -B verify");
        assertThat(String.join("\n", lines))
                .contains(
                        "docs/GUIDE.md",
                        "docs/DEVELOPING.md",
                        "docs/FORMAT.md",
                        "docs/THREATS.md",
                        ".lost.rev.asc",
                        ".compromised.rev.asc",
                        "sealpack_0.1.0_amd64.deb",
                        "sealpack-0.1.0-linux-x64.tar.gz");
    }

    @Test
    void theGuideListsExactlyTheExitCodesOfTheCodeWithTheirMeanings() throws IOException {
        String readme = Files.readString(GUIDE);
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.*) \\|$").matcher(readme);
        List<String> documented =
                m.results().map(r -> r.group(1) + " " + r.group(2).replace("`", "")).toList();
        List<String> table =
                java.util.Arrays.stream(ExitCode.values())
                        .map(c -> c.code + " " + c.meaning)
                        .toList();
        assertThat(documented).isEqualTo(table);
    }

    /** The table of what each command may write or delete names every command. */
    @Test
    void theGuideSaysWhatEveryCommandMayWriteOrDelete() throws IOException {
        String readme = Files.readString(GUIDE);
        int start = readme.indexOf("## What each command may write or delete");
        assertThat(start).isPositive();
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        assertThat(section)
                .contains("no command deletes or replaces anything it did not create in this run");
        List<String> rows =
                section.lines()
                        .filter(l -> l.startsWith("| ") && !l.startsWith("| command"))
                        .toList();
        for (String command :
                new String[] {
                    "`pack -o OUT`",
                    "`open -o DIR`",
                    "`verify`",
                    "`inspect`",
                    "`validate`",
                    "`keys generate`",
                    "`keys import`",
                    "`keys revoke`",
                    "`keys passwd`",
                    "`keys delete ID`",
                    "`keys export -o FILE`",
                    "`--receipt FILE`",
                    "`bin/sealpack`"
                }) {
            assertThat(rows)
                    .as(command)
                    .anyMatch(row -> row.substring(0, row.indexOf(" |", 2)).contains(command));
        }
        for (String sub :
                SealpackCommand.SUBCOMMANDS.keySet().stream()
                        .filter(c -> !c.equals("help"))
                        .toList()) {
            assertThat(section).as("the command '" + sub + "' has a row").contains("`" + sub);
        }
    }
}
