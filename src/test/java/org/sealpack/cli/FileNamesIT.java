package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;

/**
 * File names in Cyrillic (the statement's own language) survive packing and opening whatever the
 * locale: the launcher runs the JVM in C.UTF-8 when the locale is not UTF-8; run without it, in the
 * C locale, sealpack refuses what it cannot name rather than renaming evidence, and says what to
 * do.
 */
class FileNamesIT {
    static final Path ROOT = Proc.root();
    static final String PACK = Proc.packKeys();
    static final String OPEN = Proc.openKeys();
    static final String NAME = "Баёнот.txt";

    @TempDir Path dir;

    @BeforeEach
    void payloadWithACyrillicName() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in").resolve(NAME), "ITK-3, Khujand\n");
        Path archive = ROOT.resolve("target/sealpack-0.1.0-dist.tar.gz");
        assertThat(Proc.bash(dir, Map.of(), "tar -xzf " + archive).exit()).isZero();
    }

    /** As users run it: with no locale at all, and in the C locale. */
    @Test
    void theLauncherKeepsNamesInTheCLocaleAndWithNoLocale() {
        for (String env : new String[] {"env -i PATH=\"$PATH\" HOME=\"$HOME\"", "env LC_ALL=C"}) {
            String launcher =
                    env
                            + " XDG_CACHE_HOME="
                            + dir.resolve("cache")
                            + " sealpack-0.1.0/bin/sealpack";
            Proc.Result r =
                    Proc.bash(
                            dir,
                            Map.of(),
                            "rm -rf s.sealed out && "
                                    + launcher
                                    + " pack -q in"
                                    + PACK
                                    + " -o s.sealed && "
                                    + launcher
                                    + " open -q s.sealed"
                                    + OPEN
                                    + " -o out && LC_ALL=C.UTF-8 ls out/data/in");
            assertThat(r.exit()).as(env + ": " + r).isZero();
            assertThat(r.out().strip()).as(env).isEqualTo(NAME);
        }
    }

    /**
     * The JVM started directly in the C locale cannot represent the name: refused, nothing written.
     */
    @Test
    void withoutTheLauncherInTheCLocaleNamesAreRefusedNotMangled() throws IOException {
        Proc.Result pack =
                Proc.bash(
                        dir,
                        Map.of("LC_ALL", "C"),
                        Proc.javaJar() + " pack in" + PACK + " -o c.sealed");
        assertThat(pack.exit()).as(pack.toString()).isEqualTo(ExitCode.INPUT.code);
        assertThat(pack.err().strip())
                .doesNotContain("\n", "Exception")
                .contains("cannot be read as text in this locale", "LC_ALL=C.UTF-8");
        assertThat(dir.resolve("c.sealed")).doesNotExist();

        Proc.Result made =
                Proc.bash(
                        dir,
                        Map.of("LC_ALL", "C.UTF-8"),
                        Proc.javaJar() + " pack -q in" + PACK + " -o u.sealed");
        assertThat(made.exit()).as(made.toString()).isZero();
        Proc.Result open =
                Proc.bash(
                        dir,
                        Map.of("LC_ALL", "C"),
                        Proc.javaJar() + " open u.sealed" + OPEN + " -o out");
        assertThat(open.exit()).as(open.toString()).isEqualTo(ExitCode.WRITE_FAILED.code);
        assertThat(open.err().strip())
                .doesNotContain("\n", "Exception", "corrupt")
                .contains("cannot create 'data/in/", "LC_ALL=C.UTF-8");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .as("no opened directory and no temporary one")
                    .allMatch(
                            n ->
                                    java.util.Set.of("in", "sealpack-0.1.0", "u.sealed", "h")
                                            .contains(n),
                            "an input");
        }
    }

    /**
     * A name that is not UTF-8 at all (bytes from another system) is refused in a UTF-8 locale too.
     */
    @Test
    void aNameThatIsNotUtf8IsRefused() {
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of("LC_ALL", "C.UTF-8"),
                        "touch in/$'\\xff\\xfe'.txt && java -jar "
                                + Proc.jar()
                                + " pack in"
                                + PACK
                                + " -o x.sealed");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.INPUT.code);
        assertThat(r.err()).contains("is not valid UTF-8", "rename it");
        assertThat(dir.resolve("x.sealed")).doesNotExist();
    }
}
