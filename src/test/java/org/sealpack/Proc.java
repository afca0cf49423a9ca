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

    private Proc() {
    }

    public static Path jar() {
        String jar = System.getProperty("sealpack.jar", "target/sealpack.jar");
        return Path.of(jar).toAbsolutePath();
    }

    public static Path root() {
        return Path.of(System.getProperty("sealpack.root", ".")).toAbsolutePath().normalize();
    }

    /** The test keys (src/test/resources/keys). */
    public static Path testKeys() {
        return root().resolve("src/test/resources/keys");
    }

    /** pack's key options with the test keys: the test signer, to the test recipient, keyring in ./h. */
    public static String packKeys() {
        Path k = testKeys();
        return " --signer " + k.resolve("signer.key.asc") + " --passphrase-file " + k.resolve("signer.passphrase")
                + " --recipient " + k.resolve("recipient.cert.asc") + " --home h";
    }

    /** open's (and verify's) key options with the test keys: the test recipient opens what the test signer sealed. */
    public static String openKeys() {
        Path k = testKeys();
        return " --signer " + k.resolve("signer.cert.asc") + " --key " + k.resolve("recipient.key.asc")
                + " --passphrase-file " + k.resolve("recipient.passphrase") + " --home h";
    }

    /** Runs the sealpack jar with the arguments, in the working directory. */
    public static Result sealpack(Path cwd, String... args) {
        return sealpack(cwd, Map.of(), List.of(), args);
    }

    /** As {@link #sealpack(Path, String...)}, with environment variables set and options for the JVM. */
    public static Result sealpack(Path cwd, Map<String, String> env, List<String> jvmOptions, String... args) {
        return run(cwd, env, command(jvmOptions, args));
    }

    /** The command line that runs the sealpack jar. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a bash command line (for pipelines of stock tools). */
    public static Result bash(Path cwd, Map<String, String> env, String script) {
        return run(cwd, env, List.of("bash", "-c", "set -o pipefail; " + script));
    }

    public static Result run(Path cwd, Map<String, String> env, List<String> command) {
        try {
            Path out = Files.createTempFile("proc", ".out");
            Path err = Files.createTempFile("proc", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
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
