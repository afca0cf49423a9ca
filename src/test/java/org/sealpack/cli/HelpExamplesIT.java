package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/**
 * Every command's --help examples are real: run in this order, as printed, each succeeds. The
 * sealing examples make the file and the receipt the others check; the key examples make, change,
 * revoke and delete keys in a keyring of their own ($SEALPACK_HOME), with the passphrase files they
 * name.
 */
class HelpExamplesIT {
    /** Every command, in the order its examples run. */
    static final List<String> COMMANDS =
            List.of(
                    "sealpack",
                    "pack",
                    "verify",
                    "open",
                    "inspect",
                    "validate",
                    "custody check",
                    "custody carry",
                    "custody",
                    "keys",
                    "keys generate",
                    "keys import",
                    "keys list",
                    "keys export",
                    "keys passwd",
                    "keys revoke",
                    "keys delete");

    @TempDir Path dir;

    static List<String> examples(String command) {
        List<String> args =
                new ArrayList<>(
                        command.equals("sealpack") ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        List<String> lines =
                Proc.sealpack(Proc.root(), args.toArray(String[]::new)).out().lines().toList();
        List<String> examples = new ArrayList<>();
        StringBuilder current = null;
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("Example")) {
                in = true;
                continue;
            }
            if (!in) {
                continue;
            }
            if (line.isBlank() || line.startsWith("Exit codes")) {
                break;
            }
            String t = line.strip();
            if (current == null) {
                current = new StringBuilder();
            }
            boolean continues = t.endsWith("\\");
            current.append(continues ? t.substring(0, t.length() - 1) : t).append(' ');
            if (!continues) {
                examples.add(current.toString().strip());
                current = null;
            }
        }
        return examples;
    }

    @Test
    void everyCommandHasExamplesThatRunAsPrinted() throws IOException {
        Proc.bash(
                dir,
                Map.of(),
                "cp -r "
                        + Proc.root().resolve("keys")
                        + " "
                        + Proc.root().resolve("examples")
                        + " ."
                        + " && printf 'Jane passphrase\\n' > jane.passphrase && printf 'Jane new passphrase\\n' > jane.new-passphrase");
        Map<String, String> env =
                Map.of("SEALPACK_HOME", dir.resolve("home").toString(), "HOME", dir.toString());
        List<String> run = new ArrayList<>();
        for (String command : COMMANDS) {
            List<String> examples = examples(command);
            assertThat(examples).as(command + " --help has an example").isNotEmpty();
            for (String example : examples) {
                assertThat(example)
                        .startsWith(
                                command.equals("sealpack") ? "sealpack " : "sealpack " + command);
                Proc.Result r =
                        Proc.bash(
                                dir, env, Proc.javaJar() + example.substring("sealpack".length()));
                assertThat(r.exit()).as(example + "\n" + r).isZero();
                run.add(example);
            }
        }
        assertThat(run).hasSizeGreaterThanOrEqualTo(COMMANDS.size());
    }

    /** No command is left out of the run above: the list is every command --help names. */
    @Test
    void theRunCoversEveryCommand() {
        List<String> all = new ArrayList<>();
        for (String top : SealpackCommand.SUBCOMMANDS.keySet()) {
            if (top.equals("help")) {
                continue;
            }
            all.add(top);
            picocli.CommandLine sub =
                    new picocli.CommandLine(SealpackCommand.SUBCOMMANDS.get(top).get());
            sub.getSubcommands().keySet().stream()
                    .filter(n -> !n.equals("help"))
                    .forEach(n -> all.add(top + " " + n));
        }
        all.add("sealpack");
        assertThat(COMMANDS).containsExactlyInAnyOrderElementsOf(all);
    }
}
