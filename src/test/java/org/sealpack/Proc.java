package org.sealpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real process (the built sealpack jar, gpg, tar, a shell) and captures what it printed. */
public final class Proc {
    /** What a process did. */
    public record Result(int exit, String out, String err) {
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Proc() {}

    public static Path jar() {
        String jar = System.getProperty("sealpack.jar", "target/sealpack.jar");
        return Path.of(jar).toAbsolutePath();
    }

    public static Path root() {
        return Path.of(System.getProperty("sealpack.root", ".")).toAbsolutePath().normalize();
    }

    /**
     * The committed test keys (src/test/resources/keys), as they are: for what tests the keys' own
     * bytes.
     */
    public static Path committedTestKeys() {
        return root().resolve("src/test/resources/keys");
    }

    /**
     * The test keys, each secret key protected by its passphrase under the cheapest S2K (a copy
     * made once per test JVM): the same keys, unlocked in a millisecond instead of tens.
     */
    public static Path testKeys() {
        return org.sealpack.pgp.CheapKeys.testKeys(committedTestKeys());
    }

    /**
     * pack's key options with the test keys: the test signer, to the test recipient, keyring in
     * ./h.
     */
    public static String packKeys() {
        Path k = testKeys();
        return " --signer "
                + k.resolve("signer.key.asc")
                + " --passphrase-file "
                + k.resolve("signer.passphrase")
                + " --recipient "
                + k.resolve("recipient.cert.asc")
                + " --home h";
    }

    /**
     * open's (and verify's) key options with the test keys: the test recipient opens what the test
     * signer sealed.
     */
    public static String openKeys() {
        Path k = testKeys();
        return " --signer "
                + k.resolve("signer.cert.asc")
                + " --key "
                + k.resolve("recipient.key.asc")
                + " --passphrase-file "
                + k.resolve("recipient.passphrase")
                + " --home h";
    }

    /** Runs the sealpack jar with the arguments, in the working directory. */
    public static Result sealpack(Path cwd, String... args) {
        return sealpack(cwd, Map.of(), List.of(), args);
    }

    /**
     * As {@link #sealpack(Path, String...)}, with environment variables set and options for the
     * JVM.
     */
    public static Result sealpack(
            Path cwd, Map<String, String> env, List<String> jvmOptions, String... args) {
        return run(cwd, env, command(jvmOptions, args));
    }

    /** The command line that runs the sealpack jar. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(fastStart());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The jar's command line for a shell script: "java OPTIONS -jar JAR". */
    public static String javaJar() {
        return String.join(" ", command(List.of()));
    }

    private static List<String> fastStart;

    /**
     * JVM options that start the jar faster, with the same behaviour: a class-data sharing archive
     * of the classes the commands load (made once from target/sealpack.classlist, as the launcher
     * does) and the launcher's collector. A run starts in about 0.2 s instead of 0.3-0.45 s; the
     * suite runs the jar a few hundred times.
     */
    static synchronized List<String> fastStart() {
        if (fastStart != null) {
            return fastStart;
        }
        fastStart = List.of("-XX:+UseSerialGC");
        Path list = jar().resolveSibling("sealpack.classlist");
        Path archive = jar().resolveSibling("sealpack-tests.jsa");
        try {
            if (Files.exists(list)
                    && (!Files.exists(archive)
                            || Files.getLastModifiedTime(archive)
                                            .compareTo(Files.getLastModifiedTime(jar()))
                                    < 0)) {
                Path tmp =
                        jar().resolveSibling(
                                        "sealpack-tests.jsa."
                                                + ProcessHandle.current().pid()
                                                + ".tmp");
                Result dump =
                        run(
                                root(),
                                Map.of(),
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-Xshare:dump",
                                        "-XX:SharedClassListFile=" + list,
                                        "-XX:SharedArchiveFile=" + tmp,
                                        "-cp",
                                        jar().toString()));
                if (dump.exit() == 0) {
                    Files.move(
                            tmp,
                            archive,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(tmp);
            }
            if (Files.exists(archive)) {
                fastStart =
                        List.of(
                                "-XX:SharedArchiveFile=" + archive,
                                "-Xshare:auto",
                                "-Xlog:cds=off",
                                "-Xlog:cds+dynamic=off",
                                "-XX:+UseSerialGC");
            }
        } catch (IOException e) {
            // without the archive: slower, the same results
        }
        return fastStart;
    }

    /** Runs a bash command line (for pipelines of stock tools). */
    public static Result bash(Path cwd, Map<String, String> env, String script) {
        return run(cwd, env, List.of("bash", "-c", "set -o pipefail; " + script));
    }

    public static Result run(Path cwd, Map<String, String> env, List<String> command) {
        try {
            Path out = Files.createTempFile("proc", ".out");
            Path err = Files.createTempFile("proc", ".err");
            ProcessBuilder pb =
                    new ProcessBuilder(command)
                            .directory(cwd.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            Result r =
                    new Result(
                            p.exitValue(),
                            Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
