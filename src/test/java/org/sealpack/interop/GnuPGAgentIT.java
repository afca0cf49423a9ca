package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * Keys that only GnuPG's agent holds, through the real CLI and a real gpg-agent in a throwaway
 * GNUPGHOME (no terminal; passphrases preset with gpg-preset-passphrase): for v4
 * Ed25519/Curve25519, RSA-3072 and NIST P-256 keys made by gpg, a sealed file is packed (signed by
 * the agent, checked by gpgv and by sealpack), verified and opened (the agent decrypts), with and
 * without --key, and a receipt is signed by the agent and checked by gpg; the errors a person meets
 * are one line each with their exit code; sealpack's keyring holds no secret afterwards. Cards use
 * the same protocol; no card is attached here.
 */
class GnuPGAgentIT {
    static final String INSTALL = "apt-get install gnupg gpg-agent";
    static final Path PRESET = Path.of("/usr/lib/gnupg/gpg-preset-passphrase");
    static final Path ROOT = Proc.root();
    static GnuPG gpg;
    static Path work;
    static Path home;

    @BeforeAll
    static void keysOnlyTheAgentHolds() throws IOException {
        Requires.tool("gpg", INSTALL);
        Requires.tool("gpgconf", INSTALL);
        Requires.tool("gpg-agent", INSTALL);
        Requires.that(Files.isExecutable(PRESET), PRESET + " (gpg-preset-passphrase)", INSTALL);
        gpg = new GnuPG();
        work = Files.createDirectory(gpg.home.resolve("w"));
        home = work.resolve("sealpack-home");
        // A pinentry that cancels, or gives a wrong passphrase, as the file pinentry.mode says: the
        // agent asks it only for the key whose passphrase is not preset.
        Path pinentry = gpg.home.resolve("pinentry");
        Files.writeString(
                pinentry,
                "#!/bin/bash\necho 'OK Pleased to meet you'\nwhile IFS= read -r line; do\n"
                        + "  case \"$line\" in\n"
                        + "    GETPIN*) if [ \"$(cat "
                        + gpg.home.resolve("pinentry.mode")
                        + ")\" = wrong ]; then echo 'D not-it'; echo OK;"
                        + " else echo 'ERR 83886179 Operation cancelled <Pinentry>'; fi;;\n"
                        + "    BYE*) echo OK; exit 0;;\n    *) echo OK;;\n  esac\ndone\n");
        pinentry.toFile().setExecutable(true);
        Files.writeString(
                gpg.home.resolve("gpg-agent.conf"),
                "allow-preset-passphrase\npinentry-program " + pinentry + "\n");
        Files.writeString(gpg.home.resolve("pinentry.mode"), "cancel\n");
        String p = "gpg --batch --pinentry-mode loopback --passphrase pw ";
        StringBuilder script = new StringBuilder();
        for (String[] k :
                new String[][] {
                    {"ed", "ed25519", "cv25519"},
                    {"rsa", "rsa3072", "rsa3072"},
                    {"p256", "nistp256", "nistp256"},
                    {"asks", "ed25519", "cv25519"}
                }) {
            String uid = k[0] + "@example.org";
            script.append(p)
                    .append("--quick-gen-key 'Agent ")
                    .append(k[0])
                    .append(" <")
                    .append(uid)
                    .append(">' ")
                    .append(k[1])
                    .append(" sign,cert 0 && ")
                    .append(p)
                    .append("--quick-add-key $(gpg --with-colons --list-keys ")
                    .append(uid)
                    .append(" | awk -F: '/^fpr/{print $10; exit}') ")
                    .append(k[2])
                    .append(" encr 0 && ")
                    .append("gpg --export ")
                    .append(uid)
                    .append(" > ")
                    .append(k[0])
                    .append(".gpg && ");
        }
        // Every key but "asks" has its passphrase in the agent's cache (preset, never expiring).
        script.append(
                        "for g in $(gpg --with-colons --with-keygrip --list-secret-keys ed@example.org rsa@example.org"
                                + " p256@example.org | awk -F: '/^grp/{print $10}'); do ")
                .append(PRESET)
                .append(" --preset -P pw $g; done");
        // A certificate whose secret GnuPG does not hold.
        script.append(" && mkdir -m 700 other && GNUPGHOME=$PWD/other ")
                .append(p)
                .append(
                        "--quick-gen-key 'Public Only <pubonly@example.org>' ed25519 sign,cert 0"
                                + " && GNUPGHOME=$PWD/other gpg --export pubonly@example.org | gpg --batch --import"
                                + " && GNUPGHOME=$PWD/other gpgconf --kill gpg-agent");
        Proc.Result made = gpg.sh(work, script.toString());
        assertThat(made.exit()).as(made.toString()).isZero();
    }

    @AfterAll
    static void stopTheAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static Proc.Result sealpack(Map<String, String> env, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        Map<String, String> e = new HashMap<>(gpg.env());
        e.putAll(env);
        return Proc.sealpack(work, e, List.of(), all.toArray(String[]::new));
    }

    static Proc.Result sealpack(String... args) {
        return sealpack(Map.of(), args);
    }

    static Proc.Result ok(String... args) {
        Proc.Result r = sealpack(args);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed", "rsa", "p256"})
    void packVerifyOpenAndReceiptWithKeysOnlyTheAgentHolds(String k) throws IOException {
        String key = "gpg:" + k + "@example.org";
        String sealed = k + ".sealed";
        String statement = ROOT.resolve("examples/statement.txt").toString();
        ok("pack", statement, "--signer", key, "--recipient", key, "-o", sealed);
        Proc.Result gpgv = gpg.sh(work, "gpgv --keyring ./" + k + ".gpg -o /dev/null " + sealed);
        assertThat(gpgv.exit()).as(gpgv.toString()).isZero();
        assertThat(gpgv.err()).contains("Good signature from \"Agent " + k);

        assertThat(ok("verify", sealed, "--signer", key).out()).contains("Outer signature: GOOD");
        assertThat(ok("verify", sealed, "--signer", key, "--key", key).out())
                .contains("Bag: VALID");
        Proc.Result opened = ok("open", sealed, "--signer", key, "--key", key, "-o", k + "-opened");
        assertThat(opened.out()).contains("held by", "GnuPG");
        assertThat(work.resolve(k + "-opened/data/statement.txt"))
                .hasSameBinaryContentAs(Path.of(statement));
        // Without --key: no key in sealpack's keyring is a recipient, so the agent is asked.
        Proc.Result asked = ok("open", sealed, "--signer", key, "-o", k + "-asked");
        assertThat(asked.out()).contains("opened with", "Agent " + k, "held by", "GnuPG");

        ok(
                "verify",
                sealed,
                "--signer",
                key,
                "--key",
                key,
                "--receipt",
                k + ".md",
                "--sign-receipt",
                key);
        assertThat(Files.readString(work.resolve(k + ".md"))).contains("held by GnuPG");
        Proc.Result checked = gpg.sh(work, "gpg --batch --verify " + k + ".md.asc " + k + ".md");
        assertThat(checked.exit()).as(checked.toString()).isZero();
        assertThat(checked.err()).contains("Good signature from \"Agent " + k);
        noSecretInTheKeyring();
    }

    static void noSecretInTheKeyring() throws IOException {
        if (!Files.exists(home)) {
            return;
        }
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Proc.Result packets = gpg.sh(work, "gpg --list-packets " + GnuPG.q(f) + " || true");
                assertThat(packets.out())
                        .as(f.toString())
                        .doesNotContain("secret key packet", "secret sub key packet");
            }
        }
    }

    static void fails(int exit, String expected, Map<String, String> env, String... args) {
        Proc.Result r = sealpack(env, args);
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("sealpack: error: ").contains(expected);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    static String[] pack(String signer, String out) {
        return new String[] {
            "pack",
            ROOT.resolve("examples/statement.txt").toString(),
            "--signer",
            signer,
            "--recipient",
            "gpg:ed@example.org",
            "-o",
            out
        };
    }

    @Test
    void eachErrorIsOneLineWithItsExitCode() throws IOException {
        fails(
                50,
                "not installed",
                Map.of("PATH", work.resolve("no-such-dir").toString()),
                pack("gpg:ed@example.org", "x1.sealed"));
        fails(17, "GnuPG holds no key", Map.of(), pack("gpg:nobody@example.org", "x2.sealed"));
        fails(16, "matches 5 keys", Map.of(), pack("gpg:example.org", "x3.sealed"));
        fails(15, "only the certificate", Map.of(), pack("gpg:pubonly@example.org", "x4.sealed"));
        Files.writeString(gpg.home.resolve("pinentry.mode"), "cancel\n");
        fails(130, "cancelled", Map.of(), pack("gpg:asks@example.org", "x5.sealed"));
        Files.writeString(gpg.home.resolve("pinentry.mode"), "wrong\n");
        fails(11, "wrong passphrase or PIN", Map.of(), pack("gpg:asks@example.org", "x6.sealed"));
        // gpgconf names a socket nobody listens on and cannot start the agent.
        Path bin = Files.createDirectories(work.resolve("fakebin"));
        Path gpgconf = bin.resolve("gpgconf");
        Files.writeString(
                gpgconf,
                "#!/bin/sh\ncase \"$1\" in --list-dirs) echo "
                        + work.resolve("nobody/S.gpg-agent")
                        + ";; *) echo 'gpgconf: error running gpg-agent' >&2; exit 1;; esac\n");
        gpgconf.toFile().setExecutable(true);
        fails(
                51,
                "cannot be started",
                Map.of("PATH", bin + ":" + System.getenv("PATH")),
                pack("gpg:ed@example.org", "x7.sealed"));
        for (int i = 1; i <= 7; i++) {
            assertThat(work.resolve("x" + i + ".sealed")).doesNotExist();
        }
        noSecretInTheKeyring();
    }
}
