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

/** The exit-code table in README.md is the one the code uses. */
class ReadmeTest {
    @Test
    void readmeListsExactlyTheExitCodesOfTheCodeWithTheirMeanings() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.*) \\|$").matcher(readme);
        List<String> documented = m.results().map(r -> r.group(1) + " " + r.group(2).replace("`", "")).toList();
        List<String> table = java.util.Arrays.stream(ExitCode.values()).map(c -> c.code + " " + c.meaning).toList();
        assertThat(documented).isEqualTo(table);
    }

    /** The table of what each command may write or delete names every command. */
    @Test
    void readmeSaysWhatEveryCommandMayWriteOrDelete() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### What each command may write or delete");
        assertThat(start).isPositive();
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        assertThat(section).contains("no command deletes or replaces anything it did not create in this run");
        List<String> rows = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| command")).toList();
        for (String command : new String[] {"`pack -o OUT`", "`open -o DIR`", "`verify`", "`inspect`", "`validate`",
            "`keys generate`", "`keys import`", "`keys revoke`", "`keys passwd`", "`keys delete ID`", "`keys export -o FILE`",
            "`--receipt FILE`", "`bin/sealpack`"}) {
            assertThat(rows).as(command).anyMatch(row -> row.substring(0, row.indexOf(" |", 2)).contains(command));
        }
        for (String sub : SealpackCommand.SUBCOMMANDS.keySet().stream().filter(c -> !c.equals("help")).toList()) {
            assertThat(section).as("the command '" + sub + "' has a row").contains("`" + sub);
        }
    }
}
