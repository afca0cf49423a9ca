package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/** The distribution archive unpacks into a working launcher, bash completion and an SBOM. */
class DistributionIT {
    @TempDir
    Path dir;

    @Test
    void theArchiveHasAWorkingLauncherCompletionAndSbom() {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Proc.Result r = Proc.bash(dir, Map.of(), "tar -xzf " + archive + " && sealpack-0.1.0/bin/sealpack --version"
                + " && bash -c 'source sealpack-0.1.0/share/bash-completion/completions/sealpack && complete -p sealpack'"
                + " && grep -q '\"name\" : \"bcpg-jdk18on\"' sealpack-0.1.0/share/doc/sealpack/sbom.cyclonedx.json"
                + " && sealpack-0.1.0/bin/sealpack inspect " + Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed")
                + " && ls sealpack-0.1.0/share/man/man1/ && MANWIDTH=100 MANPAGER=cat man -l sealpack-0.1.0/share/man/man1/sealpack-pack.1");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("sealpack 0.1.0", "-F _complete_sealpack sealpack", "UNVERIFIED",
                "sealpack-keys-generate.1", "sealpack-verify.1", "sealpack.1", "EXIT STATUS", "--metadata-template",
                "sealpack pack examples/statement");
    }
}
