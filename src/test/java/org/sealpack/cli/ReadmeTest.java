package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The exit-code table in README.md is the one the code uses. */
class ReadmeTest {
    @Test
    void readmeListsExactlyTheExitCodesOfTheCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(readme);
        List<Integer> documented = m.results().map(r -> Integer.parseInt(r.group(1))).toList();
        List<Integer> table = java.util.Arrays.stream(ExitCodes.TABLE).map(l -> Integer.parseInt(l.trim().split(" ")[0])).toList();
        assertThat(documented).isEqualTo(table);
    }
}
