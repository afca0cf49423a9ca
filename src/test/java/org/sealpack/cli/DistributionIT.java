package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/** The distribution archive unpacks into a working launcher, bash completion and an SBOM. */
class DistributionIT {
    @TempDir Path dir;

    @Test
    void theArchiveHasAWorkingLauncherCompletionAndSbom() {
        org.sealpack.Requires.tool("man", "apt-get install man-db");
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
                        "tar -xzf "
                                + archive
                                + " && sealpack-0.1.0/bin/sealpack --version"
                                + " && bash -c 'source sealpack-0.1.0/share/bash-completion/completions/sealpack && complete -p sealpack'"
                                + " && grep -q '\"name\" : \"bcpg-jdk18on\"' sealpack-0.1.0/share/doc/sealpack/sbom.cyclonedx.json"
                                + " && sealpack-0.1.0/bin/sealpack inspect "
                                + Proc.root()
                                        .resolve(
                                                "src/test/resources/vectors/v1-one-recipient.sealed")
                                + " && ls sealpack-0.1.0/share/man/man1/ && MANWIDTH=100 MANPAGER=cat man -l sealpack-0.1.0/share/man/man1/sealpack-pack.1");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "sealpack 0.1.0",
                        "-F _complete_sealpack sealpack",
                        "UNVERIFIED",
                        "sealpack-keys-generate.1",
                        "sealpack-verify.1",
                        "sealpack.1",
                        "EXIT STATUS",
                        "--metadata-template",
                        "sealpack pack examples/statement");
    }

    /**
     * The launcher makes its class-data sharing archive on the first run, in the cache directory,
     * and uses it after: the output is byte for byte what it is without (SEALPACK_CDS=0), nothing
     * is written to standard output by the JVM, and a damaged archive is ignored.
     */
    @Test
    void theLauncherMakesAndUsesAClassDataArchiveWithoutChangingAnyOutput()
            throws java.io.IOException {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Path vector = Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        assertThat(Proc.bash(dir, env, "tar -xzf " + archive).exit()).isZero();
        String inspect = "sealpack-0.1.0/bin/sealpack inspect " + vector;
        Proc.Result without =
                Proc.bash(
                        dir,
                        Map.of("XDG_CACHE_HOME", cache.toString(), "SEALPACK_CDS", "0"),
                        inspect);
        assertThat(without.exit()).as(without.toString()).isZero();
        assertThat(cache).as("SEALPACK_CDS=0 makes no archive").doesNotExist();

        Proc.Result first = Proc.bash(dir, env, inspect);
        assertThat(first).as("first run, which makes the archive").isEqualTo(without);
        java.util.List<Path> archives;
        try (var files = java.nio.file.Files.list(cache.resolve("sealpack"))) {
            archives = files.toList();
        }
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).startsWith("classes-").endsWith("jsa");
        assertThat(java.nio.file.Files.size(archives.get(0))).isGreaterThan(1_000_000);

        Proc.Result shared =
                Proc.bash(
                        dir,
                        env,
                        "SEALPACK_JAVA_OPTS='-Xmx128m -Xlog:class+load' sealpack-0.1.0/bin/sealpack "
                                + "inspect "
                                + vector
                                + " | grep -c 'org.sealpack.cli.Main source: shared objects file'");
        assertThat(shared.out().trim())
                .as("the second run loads sealpack's classes from the archive: " + shared)
                .isEqualTo("1");
        assertThat(Proc.bash(dir, env, inspect)).as("later runs").isEqualTo(without);

        assertThat(archives.get(0).toFile().setWritable(true)).isTrue();
        java.nio.file.Files.write(archives.get(0), new byte[4096]);
        Proc.Result damaged = Proc.bash(dir, env, inspect);
        assertThat(damaged).as("a damaged archive is ignored").isEqualTo(without);
    }

    /**
     * A class-data archive is code the JVM maps: the launcher makes its cache directory 0700, and
     * makes or uses no archive in one that others can write (XDG_CACHE_HOME pointed at a shared
     * folder), where someone else could have planted one; sealpack then runs without, with the same
     * output.
     */
    @Test
    void noClassDataArchiveIsMadeOrUsedInACacheOthersCanWrite() throws java.io.IOException {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Path vector = Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        Path own = dir.resolve("own-cache");
        assertThat(Proc.bash(dir, Map.of(), "tar -xzf " + archive).exit()).isZero();
        String inspect = "sealpack-0.1.0/bin/sealpack inspect " + vector;
        Proc.Result made = Proc.bash(dir, Map.of("XDG_CACHE_HOME", own.toString()), inspect);
        assertThat(made.exit()).as(made.toString()).isZero();
        assertThat(java.nio.file.Files.getPosixFilePermissions(own.resolve("sealpack")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

        Path shared = java.nio.file.Files.createDirectories(dir.resolve("shared-cache/sealpack"));
        java.nio.file.Files.setPosixFilePermissions(
                shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("shared-cache").toString());
        Proc.Result r = Proc.bash(dir, env, inspect);
        assertThat(r).isEqualTo(made);
        try (var files = java.nio.file.Files.list(shared)) {
            assertThat(files.toList()).as("no archive made where others can write").isEmpty();
        }
        // One planted there (a copy of a good one) is not used either.
        try (var files = java.nio.file.Files.list(own.resolve("sealpack"))) {
            Path good = files.toList().get(0);
            java.nio.file.Files.copy(good, shared.resolve(good.getFileName()));
        }
        Proc.Result planted =
                Proc.bash(
                        dir,
                        env,
                        "SEALPACK_JAVA_OPTS='-Xmx128m -Xlog:class+load' sealpack-0.1.0/bin/sealpack "
                                + "inspect "
                                + vector
                                + " | grep -c 'org.sealpack.cli.Main source: shared objects file' || true");
        assertThat(planted.out().trim()).as(planted.toString()).isEqualTo("0");
    }

    /**
     * The launcher's default JVM options hold patterns with '*' (which methods C2 compiles early):
     * they reach the JVM as they are written, never matched against the names of files in the
     * working directory, and the JVM prints nothing of them. A file named so that the pattern would
     * match it holds a malformed option, which the JVM would report on standard output.
     */
    @Test
    void theLaunchersOptionsAreNeverMatchedAgainstFileNamesAndPrintNothing()
            throws java.io.IOException {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        assertThat(Proc.bash(dir, env, "tar -xzf " + archive).exit()).isZero();
        Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
        for (String pkg : new String[] {"com.sun.crypto.provider", "sun.security.provider"}) {
            java.nio.file.Files.writeString(
                    work.resolve(
                            "-XX:CompileCommand=CompileThresholdScaling," + pkg + ".a b::c,0.33"),
                    "");
        }
        for (String cds : new String[] {"0", "1"}) {
            Proc.Result r =
                    Proc.bash(
                            work,
                            Map.of(
                                    "XDG_CACHE_HOME",
                                    dir.resolve("cache").toString(),
                                    "SEALPACK_CDS",
                                    cds),
                            "../sealpack-0.1.0/bin/sealpack --version");
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).as("SEALPACK_CDS=" + cds).isEqualTo("sealpack 0.1.0\n");
            assertThat(r.err()).as("SEALPACK_CDS=" + cds).isEmpty();
        }
    }

    /**
     * The class-data archive is code the JVM maps, so where it may come from is narrow (an attack
     * run found each of these): not from a cache whose parent folder others can write without the
     * sticky bit (they could swap the folder), not from a relative or ':'-holding cache path (the
     * working directory, or two paths for the JVM), and a damaged archive is not used (its
     * checksums are verified as it is mapped). In each case the output is what it is without one.
     */
    @Test
    void theClassDataArchiveComesOnlyFromAPrivateAbsoluteCacheAndIsCheckedWhenMapped()
            throws java.io.IOException {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Path vector = Proc.root().resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        assertThat(Proc.bash(dir, Map.of(), "tar -xzf " + archive).exit()).isZero();
        String inspect = "sealpack-0.1.0/bin/sealpack inspect " + vector;
        Proc.Result without = Proc.bash(dir, Map.of("SEALPACK_CDS", "0"), inspect);
        assertThat(without.exit()).as(without.toString()).isZero();

        // A parent folder others can write, not sticky.
        Path open = java.nio.file.Files.createDirectories(dir.resolve("open"));
        java.nio.file.Files.setPosixFilePermissions(
                open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cache = java.nio.file.Files.createDirectories(open.resolve("cache"));
        assertThat(Proc.bash(dir, Map.of("XDG_CACHE_HOME", cache.toString()), inspect))
                .isEqualTo(without);
        try (var files = java.nio.file.Files.list(cache.resolve("sealpack"))) {
            assertThat(files.toList()).as("nothing made below a folder others can write").isEmpty();
        }
        // A relative cache path is ignored (XDG): ~/.cache is used, nothing in the working folder.
        Path home = dir.resolve("home");
        assertThat(
                        Proc.bash(
                                dir,
                                Map.of("XDG_CACHE_HOME", "-rel", "HOME", home.toString()),
                                inspect))
                .isEqualTo(without);
        assertThat(dir.resolve("-rel")).doesNotExist();
        Path made;
        try (var files = java.nio.file.Files.list(home.resolve(".cache/sealpack"))) {
            made = files.toList().get(0);
        }
        // A path holding ':' would be two paths for the JVM: no archive.
        assertThat(Proc.bash(dir, Map.of("XDG_CACHE_HOME", dir.resolve("a:b").toString()), inspect))
                .isEqualTo(without);
        assertThat(dir.resolve("a:b")).doesNotExist();
        // A damaged archive (random bytes in its middle) is not used: the same output.
        byte[] bytes = java.nio.file.Files.readAllBytes(made);
        byte[] noise = new byte[65536];
        new java.util.Random(11).nextBytes(noise);
        for (int at : new int[] {1 << 20, 5 << 20, bytes.length - noise.length - 4096}) {
            byte[] damaged = bytes.clone();
            System.arraycopy(noise, 0, damaged, at, noise.length);
            made.toFile().setWritable(true);
            java.nio.file.Files.write(made, damaged);
            assertThat(Proc.bash(dir, Map.of("HOME", home.toString()), inspect))
                    .as("damaged at %d", at)
                    .isEqualTo(without);
        }
    }

    /**
     * Java reads a class path with ':' as a list of paths: an installation under such a path would
     * load code from the working directory, so the launcher refuses to run, in one line.
     */
    @Test
    void anInstallationWhosePathHoldsAColonRefusesToRun() throws java.io.IOException {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Path colon = java.nio.file.Files.createDirectories(dir.resolve("c:o"));
        assertThat(Proc.bash(colon, Map.of(), "tar -xzf " + archive).exit()).isZero();
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
                        "'c:o/sealpack-0.1.0/bin/sealpack' --version");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("sealpack: error: ").contains("':'", "hint: ");
    }

    /**
     * Each installation keeps its own class-data archive: a second installation's first run does
     * not delete the first one's, and a new jar in one installation replaces only that
     * installation's.
     */
    @Test
    void oneInstallationNeverDeletesAnothersClassDataArchive() throws java.io.IOException {
        Path archive = Proc.root().resolve("target/sealpack-0.1.0-dist.tar.gz");
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        assertThat(
                        Proc.bash(
                                        dir,
                                        env,
                                        "mkdir a b && tar -xzf "
                                                + archive
                                                + " -C a && tar -xzf "
                                                + archive
                                                + " -C b")
                                .exit())
                .isZero();
        assertThat(
                        Proc.bash(
                                        dir,
                                        env,
                                        "a/sealpack-0.1.0/bin/sealpack --version && b/sealpack-0.1.0/bin/sealpack --version")
                                .exit())
                .isZero();
        java.util.Set<Path> both = archives(cache);
        assertThat(both).as("one archive per installation").hasSize(2);
        // A new copy of the jar in installation a (an upgrade): a's archive is made again, b's is
        // kept.
        assertThat(
                        Proc.bash(
                                        dir,
                                        env,
                                        "cp a/sealpack-0.1.0/lib/sealpack.jar a/new.jar && mv a/new.jar a/sealpack-0.1.0/lib/sealpack.jar"
                                                + " && a/sealpack-0.1.0/bin/sealpack --version")
                                .exit())
                .isZero();
        java.util.Set<Path> after = archives(cache);
        assertThat(after).hasSize(2);
        assertThat(java.util.Collections.disjoint(after, both)).isFalse();
        assertThat(after).isNotEqualTo(both);
    }

    static java.util.Set<Path> archives(Path cache) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(cache.resolve("sealpack"))) {
            return files.collect(java.util.stream.Collectors.toSet());
        }
    }
}
