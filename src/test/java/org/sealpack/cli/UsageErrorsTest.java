package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Cli;
import org.sealpack.failure.ExitCode;

/**
 * A value picocli cannot take is a usage error (exit 2), one line, naming the option and the values
 * it takes.
 */
class UsageErrorsTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "keys generate --name X --profile rfc4880 | '--profile' | DEFAULT, RFC9580",
                "keys generate --name X --expires 3w | '--expires' | 2y, 18m, 90d or never",
                "keys revoke someone --reason stolen | '--reason' | compromised",
                "open x.sealed --max-entries many | '--max-entries' | many"
            })
    void aWrongValueIsAUsageErrorNamingWhatItTakes(String line, String option, String takes) {
        String[] args = (line + " --home " + dir.resolve("home")).split(" ");
        Cli.Run r = Cli.run(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE.code);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("sealpack: error: ")
                .contains(option, takes, "hint: see 'sealpack ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pack statement.txt --signer k.asc --recipient r.asc | missing -o OUT (the sealed file to write) | pack",
                "pack statement.txt -o x.sealed | missing --signer KEY (who signs), --recipient CERT | pack",
                "verify | Missing required parameter: 'FILE' | verify",
                "open x.sealed --key | Missing required parameter for option '--key' | open",
                "keys list --bogus | Unknown option: '--bogus' | keys list",
                "'' | name a command: pack, verify, open, inspect, validate, keys or custody | "
            })
    void eachUsageErrorIsOneLineNamingTheOptionAndTheHelpToRead(
            String line, String says, String command) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Cli.Run r = Cli.run(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE.code);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("sealpack: error: ")
                .contains(says)
                .endsWith(
                        "hint: see 'sealpack "
                                + (command == null ? "" : command + " ")
                                + "--help'\n");
        assertThat(r.out()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void globalOptionsGoBeforeOrAfterTheCommand() {
        Cli.Run before =
                Cli.run("--home", dir.resolve("h").toString(), "-q", "keys", "list", "--json");
        Cli.Run after =
                Cli.run("keys", "list", "--json", "-q", "--home", dir.resolve("h").toString());
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).isEqualTo(after.out()).contains("[");
    }

    @org.junit.jupiter.api.Test
    void helpFitsEightyColumnsAndKeysHelpNamesTheRightCommand() {
        for (String command :
                java.util.List.of(
                        "",
                        "pack",
                        "verify",
                        "open",
                        "inspect",
                        "validate",
                        "keys",
                        "keys generate",
                        "keys list",
                        "keys import",
                        "keys export",
                        "keys delete",
                        "keys revoke",
                        "keys passwd",
                        "custody",
                        "custody check")) {
            java.util.List<String> args =
                    new java.util.ArrayList<>(
                            command.isEmpty()
                                    ? java.util.List.of()
                                    : java.util.List.of(command.split(" ")));
            args.add("--help");
            Cli.Run r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).isZero();
            assertThat(r.out().lines())
                    .as(command)
                    .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
            // The exit codes this command can return, each wrapped with a hanging indent.
            String codes = r.out().substring(r.out().indexOf("Exit codes:\n") + 12);
            assertThat(codes.lines())
                    .as(command)
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l).matches(" *[0-9]{1,3}  \\S.*|     +\\S.*"));
        }
        assertThat(Cli.run("--help").out()).contains("validate", "inspect", "keys");
        assertThat(Cli.run("keys", "help", "list").out())
                .startsWith("Usage: sealpack keys list")
                .doesNotContain("keys delete");
    }

    @org.junit.jupiter.api.Test
    void packOfStandardInputSaysItTakesFiles() {
        Path k = org.sealpack.Proc.testKeys();
        Cli.Run r =
                Cli.run(
                        "pack",
                        "-",
                        "--signer",
                        k.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        k.resolve("signer.passphrase").toString(),
                        "--recipient",
                        k.resolve("recipient.cert.asc").toString(),
                        "-o",
                        dir.resolve("x.sealed").toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT.code);
        assertThat(r.err())
                .contains(
                        "pack reads its payload from files and directories, not from standard input");
    }
}
