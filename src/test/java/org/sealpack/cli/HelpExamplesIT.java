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
 * The examples in pack, verify, open, inspect and custody check --help are real: run in order, as
 * printed, they succeed (verify's last one signs the receipt that custody check's example checks).
 */
class HelpExamplesIT {
    @TempDir
    Path dir;

    static List<String> examples(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        List<String> lines = Proc.sealpack(Proc.root(), args.toArray(String[]::new)).out().lines().toList();
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
    void everyExampleRunsAsPrinted() throws IOException {
        Proc.bash(dir, Map.of(), "cp -r " + Proc.root().resolve("keys") + " " + Proc.root().resolve("examples") + " .");
        List<String> run = new ArrayList<>();
        for (String command : List.of("pack", "verify", "open", "inspect", "custody check")) {
            List<String> examples = examples(command);
            assertThat(examples).as(command + " --help has an example").isNotEmpty();
            for (String example : examples) {
                assertThat(example).startsWith("sealpack " + command);
                Proc.Result r = Proc.bash(dir, Map.of(), Proc.javaJar() + example.substring("sealpack".length())
                        + " --home " + dir.resolve("home"));
                assertThat(r.exit()).as(example + "\n" + r).isZero();
                run.add(example);
            }
        }
        assertThat(run).hasSizeGreaterThanOrEqualTo(5);
    }
}
