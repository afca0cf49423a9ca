package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * The self-contained bundle and the Debian package that mvn package makes run on a machine without
 * Java: PATH holds no java (only the few commands the launcher and the demo use), JAVA_HOME is
 * unset, and the launcher is reached through a symlink, as /usr/bin/sealpack is.
 */
class BundleIT {
    static final Path ROOT = Proc.root();
    static final String VERSION = "0.1.0";

    /** What the launcher and examples/run-demo.sh run, and nothing of Java. */
    static final List<String> COMMANDS =
            List.of(
                    "bash",
                    "sh",
                    "env",
                    "locale",
                    "readlink",
                    "dirname",
                    "cksum",
                    "cut",
                    "stat",
                    "tr",
                    "mkdir",
                    "rm",
                    "mv",
                    "cat",
                    "mktemp",
                    "sha512sum",
                    "cmp",
                    "ls",
                    "tar",
                    "gzip",
                    "dpkg-deb",
                    "sort",
                    "ln",
                    "find");

    @TempDir static Path dir;
    static Path path;

    @BeforeAll
    static void aPathWithoutJava() throws IOException {
        Requires.that(
                System.getProperty("os.arch").equals("amd64"),
                "an x86-64 machine",
                "the bundle is made for this platform");
        path = Files.createDirectories(dir.resolve("path"));
        for (String c : COMMANDS) {
            Proc.Result which = Proc.bash(dir, Map.of(), "command -v " + c);
            assertThat(which.exit()).as(c + " on PATH").isZero();
            // A wrapper, not a link (JUnit warns about links out of its temporary directory).
            Path wrapper =
                    Files.writeString(
                            path.resolve(c), "#!/bin/sh\nexec " + which.out().trim() + " \"$@\"\n");
            assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        }
    }

    /**
     * Runs a script under a PATH without java, JAVA_HOME unset, HOME and the cache in the test's
     * directory.
     */
    static Proc.Result withoutJava(Path cwd, String script) {
        return Proc.run(
                cwd,
                Map.of(),
                List.of(
                        "/usr/bin/env",
                        "-u",
                        "JAVA_HOME",
                        "-u",
                        "JDK_JAVA_OPTIONS",
                        "-u",
                        "JAVA_TOOL_OPTIONS",
                        "PATH=" + path,
                        "HOME=" + dir.resolve("home"),
                        "XDG_CACHE_HOME=" + dir.resolve("cache"),
                        "SEALPACK_HOME=" + dir.resolve("keyring"),
                        path.resolve("bash") + "",
                        "-c",
                        "set -euo pipefail; " + script));
    }

    @Test
    void theBundleRunsTheDemoThroughASymlinkWithNoJavaOnPath() {
        Path bundle = ROOT.resolve("target/sealpack-" + VERSION + "-linux-x64.tar.gz");
        assertThat(bundle).exists();
        Proc.Result noJava =
                withoutJava(
                        dir,
                        "command -v java || echo 'no java'; echo \"JAVA_HOME=${JAVA_HOME:-unset}\"");
        assertThat(noJava.out()).contains("no java", "JAVA_HOME=unset");
        Proc.Result r =
                withoutJava(
                        dir,
                        "mkdir -p opt links && tar -xzf "
                                + bundle
                                + " -C opt"
                                + " && ln -s ../opt/sealpack-"
                                + VERSION
                                + "/bin/sealpack links/sealpack"
                                + " && links/sealpack --version"
                                + " && opt/sealpack-"
                                + VERSION
                                + "/runtime/bin/java --list-modules | cut -d@ -f1 | sort | tr '\\n' ' '"
                                + " && ls opt/sealpack-"
                                + VERSION
                                + "/share/man/man1 opt/sealpack-"
                                + VERSION
                                + "/share/bash-completion/completions"
                                + " && cd "
                                + ROOT
                                + " && bash examples/run-demo.sh "
                                + dir.resolve("links/sealpack"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "sealpack " + VERSION,
                        "java.base ",
                        "sealpack-pack.1",
                        "sealpack.1",
                        "Outer signature: GOOD",
                        "payload identical to examples/statement.txt");
        assertThat(r.out())
                .as("a runtime of only the modules sealpack uses")
                .doesNotContain("jdk.compiler", "jdk.jshell");
        // The launcher made its class-data archive with the bundle's own runtime, in the cache.
        assertThat(dir.resolve("cache/sealpack"))
                .isDirectoryContaining(p -> p.getFileName().toString().endsWith("jsa"));
    }

    @Test
    void theDebianPackageInstallsUsrBinSealpackItsRuntimeManPagesAndCompletion() {
        Path deb = ROOT.resolve("target/sealpack_" + VERSION + "_amd64.deb");
        assertThat(deb).exists();
        Path vector = ROOT.resolve("src/test/resources/vectors/v1-one-recipient.sealed");
        Proc.Result r =
                withoutJava(
                        dir,
                        "dpkg-deb -f "
                                + deb
                                + " Package Version Architecture"
                                + " && dpkg-deb -x "
                                + deb
                                + " root && readlink root/usr/bin/sealpack"
                                + " && ls root/usr/share/man/man1 root/usr/share/bash-completion/completions root/usr/lib/sealpack/runtime/bin"
                                + " && root/usr/bin/sealpack inspect "
                                + vector);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "Package: sealpack",
                        "Version: " + VERSION,
                        "Architecture: amd64",
                        "../lib/sealpack/bin/sealpack",
                        "sealpack.1.gz",
                        "sealpack-keys-generate.1.gz",
                        "java",
                        "UNVERIFIED");
        // Installed root-owned, nothing writable by group or others, and no maintainer script runs.
        Proc.Result contents = withoutJava(dir, "dpkg-deb -c " + deb);
        assertThat(contents.exit()).as(contents.toString()).isZero();
        assertThat(contents.out().lines().toList())
                .isNotEmpty()
                .allSatisfy(
                        line -> {
                            String[] f = line.split("\\s+");
                            assertThat(f[1]).as(line).isEqualTo("root/root");
                            if (f[0].charAt(0) != 'l') { // a link's own mode is always rwxrwxrwx
                                assertThat(f[0].charAt(5)).as(line).isNotEqualTo('w');
                                assertThat(f[0].charAt(8)).as(line).isNotEqualTo('w');
                            }
                        });
        assertThat(contents.out())
                .contains(
                        "./usr/lib/sealpack/runtime/bin/java",
                        "./usr/bin/sealpack -> ../lib/sealpack/bin/sealpack");
        Proc.Result control = withoutJava(dir, "dpkg-deb --ctrl-tarfile " + deb + " | tar -t");
        assertThat(control.out().lines().map(String::strip).toList())
                .containsExactlyInAnyOrder("./", "./control");
    }
}
