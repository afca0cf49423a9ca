package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.jobs.NewKey;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyEditor;
import org.sealpack.pgp.KeyGenerator;

/**
 * Key management through the real CLI: the keyring, selectors, and each key failure with its own
 * code.
 */
class KeysIT {
    static final Path ROOT = Proc.root();

    @TempDir static Path dir;
    static Path pass;

    /**
     * Writes the key's files, the secret key under the cheapest S2K (what is tested here is not the
     * unlocking).
     */
    static void write(Key key, String name) throws IOException {
        Files.writeString(
                dir.resolve(name + ".key.asc"),
                org.sealpack.pgp.CheapKeys.reprotect(key, "pw".toCharArray()).armored());
        Files.writeString(dir.resolve(name + ".cert.asc"), key.certificate().armored());
    }

    @BeforeAll
    static void keys() throws IOException {
        pass = dir.resolve("pass");
        Files.writeString(pass, "pw\n");
        Instant now = Instant.now();
        write(
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT,
                        "Expired <expired@example.org>",
                        "pw".toCharArray(),
                        now.minus(Duration.ofDays(10)),
                        Duration.ofDays(1)),
                "expired");
        Key revoked =
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT,
                        "Revoked <revoked@example.org>",
                        "pw".toCharArray(),
                        now.minus(Duration.ofDays(10)),
                        null);
        write(
                KeyEditor.revoke(
                        revoked,
                        revoked.unlock("pw".toCharArray()),
                        KeyEditor.Reason.COMPROMISED,
                        "lost laptop",
                        now),
                "revoked");
        write(
                KeyGenerator.generate(
                        org.sealpack.pgp.Profile.DEFAULT,
                        "Good <good@example.org>",
                        "pw".toCharArray(),
                        now.minusSeconds(60),
                        null),
                "good");
    }

    /** The CLI run in this JVM (what is tested is the keyring, not a separate process). */
    static Proc.Result sp(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        org.sealpack.Cli.Run r = org.sealpack.Cli.run(all.toArray(String[]::new));
        return new Proc.Result(r.exit(), r.out(), r.err());
    }

    static String f(String name) {
        return dir.resolve(name).toString();
    }

    static void expect(Proc.Result r, int code, String text) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(code);
        CliIT.assertOneLineFailure(r);
        assertThat(r.err()).contains(text);
    }

    Proc.Result pack(Path home, String signer, String recipient, Path out) {
        return sp(
                home,
                "pack",
                ROOT.resolve("examples/statement.txt").toString(),
                "--signer",
                signer,
                "--recipient",
                recipient,
                "--passphrase-file",
                pass.toString(),
                "-o",
                out.toString());
    }

    @Test
    void eachKeyFailureHasItsOwnCodeAndWritesNothing() throws IOException {
        Path home = Files.createTempDirectory(dir, "home");
        Path out = dir.resolve("never.sealed");
        expect(
                pack(home, f("expired.key.asc"), f("good.cert.asc"), out),
                ExitCode.SIGNER_EXPIRED.code,
                "expired on");
        expect(
                pack(home, f("revoked.key.asc"), f("good.cert.asc"), out),
                ExitCode.SIGNER_REVOKED.code,
                "compromised");
        expect(
                pack(home, f("good.key.asc"), f("expired.cert.asc"), out),
                ExitCode.RECIPIENT_UNUSABLE.code,
                "expired on");
        expect(
                pack(home, f("good.cert.asc"), f("good.cert.asc"), out),
                ExitCode.NOT_SECRET_KEY.code,
                "secret key is needed");

        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "nope\n");
        expect(
                sp(
                        home,
                        "pack",
                        ROOT.resolve("examples/statement.txt").toString(),
                        "--signer",
                        f("good.key.asc"),
                        "--recipient",
                        f("good.cert.asc"),
                        "--passphrase-file",
                        wrong.toString(),
                        "-o",
                        out.toString()),
                ExitCode.PASSPHRASE.code,
                "wrong passphrase");

        byte[] cert = Files.readAllBytes(dir.resolve("good.cert.asc"));
        Path truncated = dir.resolve("truncated.cert.asc");
        Files.write(truncated, java.util.Arrays.copyOf(cert, cert.length / 2));
        expect(
                pack(home, f("good.key.asc"), truncated.toString(), out),
                ExitCode.KEY.code,
                "not a readable");
        Path flipped = dir.resolve("flipped.cert.asc");
        String armored = Files.readString(dir.resolve("good.cert.asc"));
        int at = armored.indexOf("\n\n") + 40;
        char c = armored.charAt(at);
        Files.writeString(
                flipped,
                armored.substring(0, at) + (c == 'A' ? 'B' : 'A') + armored.substring(at + 1));
        Proc.Result r = pack(home, f("good.key.asc"), flipped.toString(), out);
        assertThat(r.exit())
                .as(r.toString())
                .isIn(ExitCode.KEY.code, ExitCode.RECIPIENT_UNUSABLE.code);
        CliIT.assertOneLineFailure(r);

        assertThat(sp(home, "keys", "import", f("good.cert.asc"), f("expired.cert.asc")).exit())
                .isZero();
        expect(
                pack(home, f("good.key.asc"), "example.org", out),
                ExitCode.AMBIGUOUS_KEY.code,
                "matches 2 keys");
        expect(
                pack(home, f("good.key.asc"), "nobody@example.org", out),
                ExitCode.NO_SUCH_KEY.code,
                "matches 'nobody");
        expect(
                pack(home, f("good.key.asc"), "0x1C76CFA628E08054", out),
                ExitCode.NO_SUCH_KEY.code,
                "short key ID");
        assertThat(out).doesNotExist();
        CliIT.assertNoLeftovers(dir);
    }

    @Test
    void theKeyringServesSelectorsTrustAndOpenWithoutFilesAndKeepsSecretsPrivate()
            throws IOException {
        Path home = dir.resolve("keyring-home");
        Proc.Result gen =
                sp(
                        home,
                        "keys",
                        "generate",
                        "--name",
                        "Ring Owner",
                        "--email",
                        "owner@example.org",
                        "--passphrase-file",
                        pass.toString());
        assertThat(gen.exit()).as(gen.toString()).isZero();
        assertThat(gen.out())
                .contains(
                        "fingerprint:",
                        "if lost:",
                        ".lost.rev.asc",
                        "if stolen:",
                        ".compromised.rev.asc");
        assertThat(Files.getPosixFilePermissions(home.resolve("keyring.pgp")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Proc.Result imported = sp(home, "keys", "import", f("good.cert.asc"));
        assertThat(imported.out()).contains("Compare each fingerprint");
        assertThat(gen.out())
                .containsPattern("fingerprint: ([0-9A-F]{4} ){5} ([0-9A-F]{4} ){4}[0-9A-F]{4}\n");
        String ownerFingerprint =
                gen.out().replaceAll("(?s).*fingerprint: *([0-9A-F ]+)\n.*", "$1").replace(" ", "");
        String goodFingerprint =
                imported.out()
                        .replaceAll("(?s).*imported certificate ([0-9A-F ]{50}).*", "$1")
                        .replace(" ", "");
        assertThat(goodFingerprint)
                .as("keys import shows the fingerprint in groups of four")
                .matches("[0-9A-F]{40}");

        Path sealed = dir.resolve("ring.sealed");
        assertThat(pack(home, "owner@example.org", "good@example.org", sealed).exit()).isZero();
        Proc.Result custodian = sp(home, "verify", sealed.toString());
        assertThat(custodian.exit()).as(custodian.toString()).isZero();
        Proc.Result opened =
                sp(
                        home,
                        "open",
                        sealed.toString(),
                        "--passphrase-file",
                        pass.toString(),
                        "-o",
                        dir.resolve("ring-opened").toString());
        assertThat(opened.exit()).as(opened.toString()).isZero();
        assertThat(opened.out()).contains("Ring Owner");

        Proc.Result list = sp(home, "keys", "list");
        assertThat(list.out())
                .contains(
                        "owner@example.org",
                        "secret key: present",
                        "good@example.org",
                        "secret key: absent",
                        "EdDSA, ECDH");
        Path exported = dir.resolve("owner-secret.asc");
        assertThat(
                        sp(
                                        home,
                                        "keys",
                                        "export",
                                        "owner@example.org",
                                        "--secret",
                                        "-o",
                                        exported.toString())
                                .exit())
                .isZero();
        assertThat(Files.getPosixFilePermissions(exported))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Path newPass = dir.resolve("newpass");
        Files.writeString(newPass, "new passphrase\n");
        assertThat(
                        sp(
                                        home,
                                        "keys",
                                        "passwd",
                                        "owner@example.org",
                                        "--passphrase-file",
                                        pass.toString(),
                                        "--new-passphrase-file",
                                        newPass.toString())
                                .exit())
                .isZero();
        expect(
                sp(
                        home,
                        "verify",
                        sealed.toString(),
                        "--key",
                        "owner@example.org",
                        "--passphrase-file",
                        pass.toString()),
                ExitCode.PASSPHRASE.code,
                "wrong passphrase");
        assertThat(
                        sp(
                                        home,
                                        "verify",
                                        sealed.toString(),
                                        "--key",
                                        "owner@example.org",
                                        "--passphrase-file",
                                        newPass.toString())
                                .exit())
                .isZero();

        expect(
                sp(home, "keys", "delete", "owner@example.org"),
                ExitCode.USAGE.code,
                "needs the full fingerprint");
        Proc.Result delete = sp(home, "keys", "delete", ownerFingerprint);
        expect(delete, ExitCode.KEY.code, "add --secret");
        assertThat(sp(home, "keys", "delete", goodFingerprint).exit()).isZero();
        expect(
                sp(home, "verify", dir.resolve("never-made.sealed").toString()),
                ExitCode.INPUT.code,
                "not found");
    }

    @Test
    void aRevokedKeyIsReportedAfterImportingItsRevocationAndItsExportCarriesIt()
            throws IOException {
        Path home = dir.resolve("revoke-home");
        Path keys = Files.createDirectories(dir.resolve("revoke-keys"));
        assertThat(
                        sp(
                                        home,
                                        "keys",
                                        "generate",
                                        "--name",
                                        "Soon Revoked",
                                        "--passphrase-file",
                                        pass.toString(),
                                        "-o",
                                        keys.toString(),
                                        "--file-name",
                                        "soon")
                                .exit())
                .isZero();
        assertThat(Files.getPosixFilePermissions(keys.resolve("soon.key.asc")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Path sealed = dir.resolve("before-revocation.sealed");
        assertThat(
                        pack(
                                        home,
                                        keys.resolve("soon.key.asc").toString(),
                                        f("good.cert.asc"),
                                        sealed)
                                .exit())
                .isZero();
        assertThat(sp(home, "keys", "import", keys.resolve("soon.cert.asc").toString()).exit())
                .isZero();
        assertThat(sp(home, "verify", sealed.toString()).exit()).isZero();
        Proc.Result revoked =
                sp(home, "keys", "import", keys.resolve("soon.compromised.rev.asc").toString());
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("[REVOKED]");
        expect(
                sp(home, "verify", sealed.toString()),
                ExitCode.SIGNER_REVOKED.code,
                "voids all its signatures");
        Proc.Result export = sp(home, "keys", "export", "Soon Revoked");
        Path reimport = dir.resolve("revoked-export.asc");
        Files.writeString(reimport, export.out());
        Path other = dir.resolve("other-home");
        assertThat(sp(other, "keys", "import", reimport.toString()).out()).contains("[REVOKED]");
    }

    @Test
    void rfc9580KeysGeneratedByTheCliSealAndOpenEndToEnd() throws IOException {
        Path home = dir.resolve("v6-home");
        Path keys = Files.createDirectories(dir.resolve("v6-keys"));
        for (String n : List.of("v6a", "v6b")) {
            Proc.Result gen =
                    sp(
                            home,
                            "keys",
                            "generate",
                            "--name",
                            n,
                            "--profile",
                            "rfc9580",
                            "--passphrase-file",
                            pass.toString(),
                            "-o",
                            keys.toString(),
                            "--file-name",
                            n);
            assertThat(gen.exit()).as(gen.toString()).isZero();
            assertThat(gen.out()).contains("rfc9580 profile, v6");
        }
        Path sealed = dir.resolve("v6.sealed");
        assertThat(
                        pack(
                                        home,
                                        keys.resolve("v6a.key.asc").toString(),
                                        keys.resolve("v6b.cert.asc").toString(),
                                        sealed)
                                .exit())
                .isZero();
        Proc.Result opened =
                sp(
                        home,
                        "open",
                        sealed.toString(),
                        "--key",
                        keys.resolve("v6b.key.asc").toString(),
                        "--passphrase-file",
                        pass.toString(),
                        "--signer",
                        keys.resolve("v6a.cert.asc").toString(),
                        "-o",
                        dir.resolve("v6-opened").toString());
        assertThat(opened.exit()).as(opened.toString()).isZero();
    }

    /**
     * -o names a directory that is made if need be (owner only); the file names are ASCII, from any
     * name.
     */
    @Test
    void generateMakesTheOutputDirectoryAndNamesFilesInAscii() throws IOException {
        Path keys = dir.resolve("new/keys");
        Proc.Result gen =
                sp(
                        dir.resolve("unused-home"),
                        "keys",
                        "generate",
                        "--name",
                        "Иттиҳоди Миллии Тоҷикистон",
                        "--passphrase-file",
                        pass.toString(),
                        "-o",
                        keys.toString());
        assertThat(gen.exit()).as(gen.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(keys))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "ittihodi-millii-tojikiston.key.asc",
                                    "ittihodi-millii-tojikiston.cert.asc",
                            "ittihodi-millii-tojikiston.lost.rev.asc",
                                    "ittihodi-millii-tojikiston.compromised.rev.asc");
        }
        assertThat(NewKey.slug("Zoë Ñúñez & Søren")).isEqualTo("zoe-nunez-sren");
        assertThat(NewKey.slug("人権")).isEqualTo("key");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Proc.Result onAFile =
                sp(
                        dir.resolve("unused-home"),
                        "keys",
                        "generate",
                        "--name",
                        "X",
                        "--passphrase-file",
                        pass.toString(),
                        "-o",
                        file.toString());
        assertThat(onAFile.exit()).isEqualTo(ExitCode.INPUT.code);
        assertThat(onAFile.err()).contains("is a file, not a directory");
    }

    @Test
    void aFailedImportLeavesTheKeyringAsItWas() throws IOException {
        Path home = dir.resolve("atomic-home");
        assertThat(sp(home, "keys", "import", f("good.cert.asc")).exit()).isZero();
        byte[] before = Files.readAllBytes(home.resolve("keyring.pgp"));
        Path mixed = dir.resolve("mixed.asc");
        Files.writeString(
                mixed,
                Files.readString(dir.resolve("expired.cert.asc"))
                        + "\n-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbroken\n");
        Proc.Result r = sp(home, "keys", "import", mixed.toString());
        assertThat(r.exit()).isNotZero();
        CliIT.assertOneLineFailure(r);
        assertThat(Files.readAllBytes(home.resolve("keyring.pgp"))).isEqualTo(before);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("keyring.pgp");
        }
    }
}
