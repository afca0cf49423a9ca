package org.sealpack.gnupg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sealpack.failure.AgentUnreachableException;
import org.sealpack.failure.AmbiguousKeyException;
import org.sealpack.failure.GnuPGMissingException;
import org.sealpack.failure.KeyException;
import org.sealpack.failure.NoSuchKeyException;

/**
 * GnuPG's command-line tools, run as the user runs them (their GNUPGHOME, their gpg.conf): gpg to
 * find a key and export its certificate, gpgconf to find and start the agent. Their output is
 * input, read with bounds. Nothing is read from GnuPG's trust database: a key named here is trusted
 * for one run because the user named it.
 */
public final class GnuPG {
    /** The prefix of a KEY or CERT argument that names a key in GnuPG. */
    public static final String PREFIX = "gpg:";

    private static final int MAX_OUTPUT = 4 << 20;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}");
    private static final Pattern KEY_ID =
            Pattern.compile("(0[xX])?([0-9A-Fa-f]{8}|[0-9A-Fa-f]{16})");
    static final String INSTALL_HINT =
            "install GnuPG (apt-get install gnupg gpg-agent), or give a key file";

    private GnuPG() {}

    /** Whether a KEY or CERT argument names a key in GnuPG. */
    public static boolean names(String argument) {
        return argument != null && argument.startsWith(PREFIX);
    }

    /** GnuPG's home: GNUPGHOME, else ~/.gnupg. */
    static Path home() {
        String home = System.getenv("GNUPGHOME");
        if (home != null && !home.isEmpty()) {
            return Path.of(home);
        }
        String user = System.getenv("HOME");
        return Path.of(
                user == null || user.isEmpty() ? System.getProperty("user.home") : user, ".gnupg");
    }

    /** Whether gpg and gpgconf are on the PATH. */
    public static boolean installed() {
        return find("gpg") != null && find("gpgconf") != null;
    }

    private static Path find(String tool) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Path tool(String tool) {
        Path p = find(tool);
        if (p == null) {
            throw new GnuPGMissingException(
                    tool
                            + " (GnuPG) is not installed, and a key or certificate named "
                            + PREFIX
                            + "... is held by GnuPG",
                    INSTALL_HINT);
        }
        return p;
    }

    /**
     * What a run of a tool gave: its exit status, its standard output, and its first line of
     * errors.
     */
    record Run(int status, byte[] out, String error) {}

    static Run run(String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(tool(tool).toString());
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[][] err = new byte[1][];
            Thread errors =
                    new Thread(
                            () -> err[0] = readBounded(process.getErrorStream()),
                            "sealpack-" + tool + "-stderr");
            errors.setDaemon(true);
            errors.start();
            byte[] out = readBounded(process.getInputStream());
            int status = process.waitFor();
            errors.join();
            String text = err[0] == null ? "" : new String(err[0], StandardCharsets.UTF_8).strip();
            String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            return new Run(status, out, Percent.printable(first));
        } catch (IOException e) {
            throw new GnuPGMissingException(
                    tool + " (GnuPG) cannot be run: " + e.getMessage(), INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentUnreachableException(tool + " was interrupted", null, e);
        }
    }

    private static byte[] readBounded(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream());
            return data;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The agent's socket, as `gpgconf --list-dirs agent-socket` names it for this GNUPGHOME. */
    public static Path agentSocket() {
        Run run = run("gpgconf", List.of("--list-dirs", "agent-socket"));
        String text = new String(run.out(), StandardCharsets.UTF_8).strip();
        byte[] decoded = Percent.decode(text.getBytes(StandardCharsets.UTF_8), 0, text.length());
        String path = decoded == null ? "" : new String(decoded, StandardCharsets.UTF_8);
        if (run.status() != 0
                || !path.startsWith("/")
                || path.contains("\n")
                || path.indexOf('\0') >= 0) {
            throw new AgentUnreachableException(
                    "gpgconf does not name the agent's socket"
                            + (run.error().isEmpty() ? "" : " (" + run.error() + ")"),
                    "check the GnuPG installation and GNUPGHOME");
        }
        return Path.of(path);
    }

    /** Starts the agent (`gpgconf --launch gpg-agent`); returns normally once it is running. */
    public static void launchAgent() {
        Run run = run("gpgconf", List.of("--launch", "gpg-agent"));
        if (run.status() != 0) {
            throw new AgentUnreachableException(
                    "GnuPG's agent cannot be started"
                            + (run.error().isEmpty() ? "" : ": " + run.error()),
                    "run `gpgconf --launch gpg-agent` to see why");
        }
    }

    /**
     * A key GnuPG holds: its primary fingerprint, user IDs, and each part's fingerprint with its
     * keygrip.
     */
    public record Listed(String fingerprint, List<String> userIds, Map<String, String> keygrips) {}

    /**
     * The one key GnuPG holds that the selector (a fingerprint, or a part of a user ID) names. A
     * short or long key ID is refused, as everywhere in sealpack; none or several are failures.
     */
    public static Listed find(String selector, String what) {
        String s = selector.strip();
        if (s.isEmpty() || s.startsWith("-")) {
            throw new NoSuchKeyException(
                    "'" + PREFIX + selector + "' names no key",
                    "give " + PREFIX + "FINGERPRINT or " + PREFIX + "NAME (a part of the user ID)");
        }
        if (KEY_ID.matcher(s.replace(" ", "")).matches()) {
            throw new NoSuchKeyException(
                    "'"
                            + PREFIX
                            + selector
                            + "' looks like a key ID, which is never enough to"
                            + " choose a key",
                    "give the full fingerprint (`gpg --list-keys --with-colons` shows it) or a name");
        }
        String query =
                FINGERPRINT.matcher(s.replace(" ", "")).matches()
                        ? s.replace(" ", "").toUpperCase(Locale.ROOT)
                        : s;
        Run run =
                run(
                        "gpg",
                        List.of(
                                "--batch",
                                "--no-tty",
                                "--with-colons",
                                "--with-keygrip",
                                "--fixed-list-mode",
                                "--list-keys",
                                "--",
                                query));
        List<Listed> keys = Colons.parse(new String(run.out(), StandardCharsets.UTF_8));
        if (query.length() >= 40 && query.equals(s.replace(" ", "").toUpperCase(Locale.ROOT))) {
            keys = keys.stream().filter(k -> k.fingerprint().equals(query)).toList();
        }
        if (keys.isEmpty()) {
            if (run.status() != 0
                    && !run.error().contains("No public key")
                    && !run.error().isEmpty()) {
                throw new KeyException(
                        "gpg cannot list its keys: " + run.error(),
                        "run `gpg --list-keys` to see why");
            }
            throw new NoSuchKeyException(
                    "GnuPG holds no " + what + " that matches '" + selector + "'",
                    "list GnuPG's keys with `gpg --list-keys`, then give "
                            + PREFIX
                            + "FINGERPRINT");
        }
        if (keys.size() > 1) {
            StringBuilder all = new StringBuilder();
            for (Listed k : keys) {
                all.append(all.length() == 0 ? "" : "; ")
                        .append(k.userIds().isEmpty() ? "" : k.userIds().get(0) + " ")
                        .append(k.fingerprint());
            }
            throw new AmbiguousKeyException(
                    "'" + PREFIX + selector + "' matches " + keys.size() + " keys in GnuPG: " + all,
                    "give " + PREFIX + "FINGERPRINT of the one you mean");
        }
        return keys.get(0);
    }

    /** The certificate of the key with that fingerprint, as `gpg --export` gives it (binary). */
    public static byte[] export(String fingerprint) {
        Run run = run("gpg", List.of("--batch", "--no-tty", "--export", "--", fingerprint));
        if (run.status() != 0 || run.out().length == 0) {
            throw new KeyException(
                    "gpg cannot export the certificate of "
                            + fingerprint
                            + (run.error().isEmpty() ? "" : ": " + run.error()),
                    "run `gpg --export " + fingerprint + "` to see why");
        }
        return run.out();
    }

    /**
     * The keys GnuPG holds with a part whose key ID is one of those given (16 hex digits each, as a
     * sealed file names its recipients): for open and verify without --key. Empty without GnuPG.
     */
    public static List<Listed> withKeyIds(List<String> keyIds) {
        if (keyIds.isEmpty() || !installed() || !Files.isDirectory(home())) {
            return List.of(); // no GnuPG, or one never used: asking gpg would only create its home
        }
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--batch",
                                "--no-tty",
                                "--with-colons",
                                "--with-keygrip",
                                "--fixed-list-mode",
                                "--list-keys",
                                "--"));
        keyIds.forEach(id -> args.add("0x" + id));
        List<Listed> found = new ArrayList<>();
        for (Listed k : Colons.parse(new String(run("gpg", args).out(), StandardCharsets.UTF_8))) {
            boolean match =
                    k.keygrips().keySet().stream()
                            .anyMatch(
                                    fpr ->
                                            keyIds.stream()
                                                    .anyMatch(
                                                            id ->
                                                                    fpr.length() == 40
                                                                            ? fpr.endsWith(id)
                                                                            : fpr.startsWith(id)));
            if (match && found.stream().noneMatch(f -> f.fingerprint().equals(k.fingerprint()))) {
                found.add(k);
            }
        }
        return found;
    }
}
