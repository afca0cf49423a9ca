package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpack.Cli;

/**
 * Every command's --help, byte for byte as it was when the models were read from annotations
 * (src/test/resources/help, written by that build): building them with picocli's builders changed
 * nothing a user reads. A change to a help text changes its file here too.
 */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "sealpack",
                "pack",
                "verify",
                "open",
                "inspect",
                "validate",
                "keys",
                "keys generate",
                "keys import",
                "keys export",
                "keys list",
                "keys delete",
                "keys passwd",
                "keys revoke",
                "custody",
                "custody carry",
                "custody check",
                "help"
            })
    void helpIsWhatItWas(String command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        if (command.equals("sealpack")) {
            args.clear();
        }
        args.add("--help");
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).isZero();
        Path expected = Path.of("src/test/resources/help", command.replace(' ', '_') + ".txt");
        assertThat(r.out() + r.err()).isEqualTo(Files.readString(expected));
    }
}
