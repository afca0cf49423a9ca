package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * The benchmark script stays working: its smoke run on a tiny corpus (timings are read, never
 * asserted).
 */
class BenchSmokeIT {
    @Test
    void theBenchmarkRunsEveryStepSideBySideWithItsPeers() {
        Requires.that(
                java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/time")),
                "/usr/bin/time",
                "apt-get install time");
        Requires.tool("bc", "apt-get install bc");
        Proc.Result r = Proc.bash(Proc.root(), Map.of(), "bench/run.sh --smoke");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "bench: done",
                        "big sealpack pack",
                        "big gpg -se -z0 (tar|)",
                        "big gpgv (outer)",
                        "small sealpack open",
                        "small gpg -d (|tar -x)",
                        "mixed sealpack verify --key",
                        "big: pack / tar|gpg -se -z0",
                        "big: open / gpg -d|tar -x",
                        "big: verify / gpgv",
                        "small sealpack pack (warm)",
                        "big sealpack verify (warm)",
                        "big: pack warm / tar|gpg -se -z0",
                        "peak RSS of sealpack",
                        "first run (makes the class-data archive)",
                        "example sealpack open #1",
                        "example: example sealpack verify")
                .doesNotContain("FAILED");
    }
}
