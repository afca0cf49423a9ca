package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Cli;

/** A value picocli cannot take is a usage error (exit 2), one line, naming the option and the values it takes. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "keys generate --name X --profile rfc4880 | '--profile' | DEFAULT, RFC9580",
            "keys generate --name X --expires 3w | '--expires' | 2y, 18m, 90d or never",
            "keys revoke someone --reason stolen | '--reason' | compromised",
            "open x.sealed --max-entries many | '--max-entries' | many"})
    void aWrongValueIsAUsageErrorNamingWhatItTakes(String line, String option, String takes) {
        String[] args = (line + " --home " + dir.resolve("home")).split(" ");
        Cli.Run r = Cli.run(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE.code);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("sealpack: error: ").contains(option, takes, "hint: see 'sealpack ");
    }
}
