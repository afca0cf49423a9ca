package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.KeyEditor;

/**
 * The two revocation certificates 'keys generate' writes, imported through the real CLI (the built
 * jar): the 'lost' one keeps what the key sealed and the receipts it signed verifying, and stops
 * the key from sealing again; the 'compromised' one makes all of it fail (14). A key's single
 * revocation certificate of an older sealpack (no reason given) still revokes it for all time.
 */
class RevocationCertificatesIT {
    static final Path ROOT = Proc.root();

    @TempDir static Path dir;
    static Path keys;
    static Path pass;
    static Path sealed;
    static Path receipt;

    static Proc.Result sp(String... args) {
        return Proc.sealpack(dir, args);
    }

    static Proc.Result ok(String... args) {
        Proc.Result r = sp(args);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    static String k(String name) {
        return keys.resolve(name).toString();
    }

    @BeforeAll
    static void sealAndSignAReceipt() throws IOException {
        keys = dir.resolve("keys");
        pass = Files.writeString(dir.resolve("pass"), "Nilufar's passphrase\n");
        Proc.Result made =
                ok(
                        "keys",
                        "generate",
                        "--name",
                        "Nilufar Rahimova",
                        "--email",
                        "nilufar@example.org",
                        "--passphrase-file",
                        pass.toString(),
                        "-o",
                        keys.toString(),
                        "--home",
                        dir.resolve("unused").toString());
        assertThat(made.out())
                .contains("nilufar-rahimova.lost.rev.asc", "nilufar-rahimova.compromised.rev.asc");
        try (var files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "nilufar-rahimova.key.asc",
                            "nilufar-rahimova.cert.asc",
                            "nilufar-rahimova.lost.rev.asc",
                            "nilufar-rahimova.compromised.rev.asc");
        }
        Path t = Proc.testKeys();
        sealed = dir.resolve("statement.sealed");
        ok(
                "pack",
                ROOT.resolve("examples/statement.txt").toString(),
                "--signer",
                k("nilufar-rahimova.key.asc"),
                "--passphrase-file",
                pass.toString(),
                "--recipient",
                t.resolve("recipient.cert.asc").toString(),
                "-o",
                sealed.toString(),
                "--home",
                dir.resolve("unused").toString());
        receipt = dir.resolve("sender.md");
        ok(
                "verify",
                sealed.toString(),
                "--signer",
                k("nilufar-rahimova.cert.asc"),
                "--receipt",
                receipt.toString(),
                "--sign-receipt",
                k("nilufar-rahimova.key.asc"),
                "--passphrase-file",
                pass.toString(),
                "--home",
                dir.resolve("unused").toString());
    }

    /**
     * A keyring that trusts Nilufar's certificate, then imports one of her revocation certificates.
     */
    static Path homeWith(String name, Path revocation) {
        Path home = dir.resolve(name);
        ok("keys", "import", k("nilufar-rahimova.cert.asc"), "--home", home.toString());
        ok("verify", sealed.toString(), "--home", home.toString());
        Proc.Result imported =
                ok("keys", "import", revocation.toString(), "--home", home.toString());
        assertThat(imported.out()).contains("[REVOKED]");
        return home;
    }

    @Test
    void theLostOneKeepsWhatTheKeySignedVerifyingAndStopsItSealingAgain() throws IOException {
        Path home = homeWith("lost-home", keys.resolve("nilufar-rahimova.lost.rev.asc"));
        Proc.Result verified = ok("verify", sealed.toString(), "--home", home.toString());
        assertThat(verified.out() + verified.err()).contains("retired", "stay good");
        ok("custody", "check", sealed.toString(), receipt.toString(), "--home", home.toString());
        // Importing it again does not move the day it took effect.
        ok("keys", "import", k("nilufar-rahimova.lost.rev.asc"), "--home", home.toString());
        ok("verify", sealed.toString(), "--home", home.toString());
        // Passed on as an exported certificate that carries the revocation: the same.
        Path exported = dir.resolve("nilufar-revoked.cert.asc");
        ok(
                "keys",
                "export",
                "nilufar@example.org",
                "-o",
                exported.toString(),
                "--home",
                home.toString());
        Path third = dir.resolve("third-home");
        assertThat(ok("keys", "import", exported.toString(), "--home", third.toString()).out())
                .contains("[REVOKED]");
        ok("verify", sealed.toString(), "--home", third.toString());
        // Her own keyring, with her secret key: she can no longer seal with it, and is told what to
        // do.
        Path own = dir.resolve("own-home");
        ok("keys", "import", k("nilufar-rahimova.key.asc"), "--home", own.toString());
        ok("keys", "import", k("nilufar-rahimova.lost.rev.asc"), "--home", own.toString());
        Proc.Result pack =
                sp(
                        "pack",
                        ROOT.resolve("examples/statement.txt").toString(),
                        "--signer",
                        "nilufar@example.org",
                        "--passphrase-file",
                        pass.toString(),
                        "--recipient",
                        Proc.testKeys().resolve("recipient.cert.asc").toString(),
                        "-o",
                        dir.resolve("after-loss.sealed").toString(),
                        "--home",
                        own.toString());
        assertThat(pack.exit()).as(pack.toString()).isEqualTo(ExitCode.SIGNER_REVOKED.code);
        CliIT.assertOneLineFailure(pack);
        assertThat(pack.err())
                .contains("your key", "keys generate")
                .doesNotContain("ask the sender");
        assertThat(dir.resolve("after-loss.sealed")).doesNotExist();
    }

    @Test
    void theCompromisedOneMakesEverythingTheKeySignedFail() {
        Path home =
                homeWith("compromised-home", keys.resolve("nilufar-rahimova.compromised.rev.asc"));
        Proc.Result verify = sp("verify", sealed.toString(), "--home", home.toString());
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(ExitCode.SIGNER_REVOKED.code);
        CliIT.assertOneLineFailure(verify);
        assertThat(verify.err()).contains("compromised", "voids all its signatures");
        Proc.Result chain =
                sp(
                        "custody",
                        "check",
                        sealed.toString(),
                        receipt.toString(),
                        "--home",
                        home.toString());
        assertThat(chain.exit()).as(chain.toString()).isEqualTo(ExitCode.SIGNER_REVOKED.code);
    }

    @Test
    void anOlderSealpacksSingleRevocationStillRevokesForAllTime() throws IOException {
        var key = org.sealpack.pgp.KeyFiles.readSecretKey(keys.resolve("nilufar-rahimova.key.asc"));
        Path old = dir.resolve("nilufar-rahimova.rev.asc");
        Files.writeString(
                old,
                KeyEditor.revocationCertificate(
                        key.unlock("Nilufar's passphrase".toCharArray()),
                        KeyEditor.Reason.UNSPECIFIED,
                        "revocation certificate made at key generation",
                        key.certificate().created()));
        Path home = homeWith("old-home", old);
        Proc.Result verify = sp("verify", sealed.toString(), "--home", home.toString());
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(ExitCode.SIGNER_REVOKED.code);
        assertThat(verify.err()).contains("no reason given", "voids all its signatures");
    }
}
