package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;

/**
 * Keys cross between gpg 2.2 and sealpack in both directions, and gpg alone can write a sealed
 * file.
 */
class GpgKeysIT {
    static final Path ROOT = Proc.root();

    @TempDir static Path dir;
    static GnuPG gpg;
    static Path pass;

    @BeforeAll
    static void gpgKeys() throws IOException {
        gpg = new GnuPG();
        pass = dir.resolve("pass");
        Files.writeString(pass, "gpg passphrase\n");
        String p = " --batch --pinentry-mode loopback --passphrase-file " + GnuPG.q(pass);
        Proc.Result r =
                gpg.sh(
                        dir,
                        "gpg"
                                + p
                                + " --quick-gen-key 'Gpg Ed <ed@example.org>' ed25519 sign,cert 0"
                                + " && gpg"
                                + p
                                + " --quick-add-key $(gpg --with-colons --list-keys ed@example.org | awk -F: '/^fpr/{print $10; exit}') cv25519 encr 0"
                                + " && gpg"
                                + p
                                + " --quick-gen-key 'Gpg Rsa <rsa@example.org>' rsa3072 sign,cert 0"
                                + " && gpg"
                                + p
                                + " --quick-add-key $(gpg --with-colons --list-keys rsa@example.org | awk -F: '/^fpr/{print $10; exit}') rsa3072 encr 0"
                                + " && gpg"
                                + p
                                + " --armor --export-secret-keys ed@example.org > ed.key.asc"
                                + " && gpg"
                                + p
                                + " --armor --export-secret-keys rsa@example.org > rsa.key.asc"
                                + " && gpg --armor --export ed@example.org rsa@example.org > both.cert.asc");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @AfterAll
    static void cleanUp() {
        gpg.close();
    }

    /** sealpack's CLI in this JVM (what crosses to gpg here are files; the jar runs elsewhere). */
    static Proc.Result sealpack(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        org.sealpack.Cli.Run r = org.sealpack.Cli.run(all.toArray(String[]::new));
        return new Proc.Result(r.exit(), r.out(), r.err());
    }

    @Test
    void keysGeneratedByGpgImportAndWorkAsSignerAndRecipient() throws IOException {
        for (String[] pair : new String[][] {{"ed", "rsa"}, {"rsa", "ed"}}) {
            Path home = Files.createTempDirectory(dir, "home");
            Proc.Result imported =
                    sealpack(
                            home,
                            "keys",
                            "import",
                            dir.resolve(pair[0] + ".key.asc").toString(),
                            dir.resolve(pair[1] + ".key.asc").toString());
            assertThat(imported.exit()).as(imported.toString()).isZero();
            assertThat(imported.out()).contains("imported secret key");
            Path sealed = dir.resolve(pair[0] + "-to-" + pair[1] + ".sealed");
            Proc.Result packed =
                    sealpack(
                            home,
                            "pack",
                            ROOT.resolve("examples/statement.txt").toString(),
                            "--signer",
                            pair[0] + "@example.org",
                            "--recipient",
                            pair[1] + "@example.org",
                            "--passphrase-file",
                            pass.toString(),
                            "-o",
                            sealed.toString());
            assertThat(packed.exit()).as(packed.toString()).isZero();
            Path out = dir.resolve("opened-" + pair[0] + "-" + pair[1]);
            Proc.Result opened =
                    sealpack(
                            home,
                            "open",
                            sealed.toString(),
                            "--key",
                            pair[1] + "@example.org",
                            "--passphrase-file",
                            pass.toString(),
                            "-o",
                            out.toString());
            assertThat(opened.exit()).as(opened.toString()).isZero();
            assertThat(opened.out()).contains("Gpg " + (pair[0].equals("ed") ? "Ed" : "Rsa"));
            assertThat(out.resolve("data/statement.txt"))
                    .hasSameBinaryContentAs(ROOT.resolve("examples/statement.txt"));
        }
    }

    @Test
    void sealpackKeysWorkInGpgWithAes256AndSha512AndGpgAloneWritesASealedFileSealpackOpens()
            throws IOException {
        Path keys = Files.createDirectories(dir.resolve("sp-keys"));
        Proc.Result gen =
                Proc.sealpack(
                        keys,
                        "keys",
                        "generate",
                        "--name",
                        "Sp Key",
                        "--email",
                        "sp@example.org",
                        "--passphrase-file",
                        pass.toString(),
                        "-o",
                        keys.toString(),
                        "--file-name",
                        "sp");
        assertThat(gen.exit()).as(gen.toString()).isZero();
        assertThat(gpg.importKey(keys.resolve("sp.key.asc"), pass).exit()).isZero();

        // gpg signs and encrypts to the sealpack key: it must choose AES-256 and SHA-512 from its
        // preferences.
        String p =
                " --batch --pinentry-mode loopback --passphrase-file "
                        + GnuPG.q(pass)
                        + " --trust-model always";
        Proc.Result se =
                gpg.sh(
                        dir,
                        "echo hello | gpg"
                                + p
                                + " -se -r sp@example.org -u sp@example.org -o gpg-made.pgp"
                                + " && gpg"
                                + p
                                + " -v --list-packets gpg-made.pgp");
        assertThat(se.exit()).as(se.toString()).isZero();
        assertThat(se.err() + se.out()).contains("AES256").doesNotContain("3DES", "CAST5");
        assertThat(se.out()).contains("digest algo 10").doesNotContain("digest algo 2,");

        // gpg, tar and sha512sum alone assemble a sealed file following docs/FORMAT.md.
        Path work = Files.createDirectories(dir.resolve("by-hand"));
        Proc.Result made =
                gpg.sh(
                        work,
                        String.join(
                                " && ",
                                "mkdir -p handmade/data && cp "
                                        + GnuPG.q(ROOT.resolve("examples/statement.txt"))
                                        + " handmade/data/",
                                "cd handmade",
                                "printf 'BagIt-Version: 1.0\\nTag-File-Character-Encoding: UTF-8\\n' > bagit.txt",
                                "sha512sum data/statement.txt > manifest-sha512.txt",
                                "printf 'Title: made with stock tools\\nPayload-Oxum: %s.1\\n' $(stat -c %s data/statement.txt) > bag-info.txt",
                                "sha512sum bagit.txt bag-info.txt manifest-sha512.txt > tagmanifest-sha512.txt",
                                "mkdir signatures",
                                "gpg"
                                        + p
                                        + " -u ed@example.org --digest-algo SHA512 --armor --detach-sign -o signatures/tagmanifest-sha512.txt.asc tagmanifest-sha512.txt",
                                "cd ..",
                                "tar --format=pax --owner=0 --group=0 -cf handmade.tar handmade",
                                "gpg"
                                        + p
                                        + " -z0 -e -r sp@example.org -r ed@example.org --set-filename handmade.tar -o inner.pgp handmade.tar",
                                "gpg"
                                        + p
                                        + " -z0 -s -u ed@example.org --set-filename '' --faked-system-time $(date +%s)! -o handmade.sealed < inner.pgp"));
        assertThat(made.exit()).as(made.toString()).isZero();

        Path home = Files.createTempDirectory(dir, "home");
        assertThat(
                        sealpack(
                                        home,
                                        "keys",
                                        "import",
                                        keys.resolve("sp.key.asc").toString(),
                                        dir.resolve("both.cert.asc").toString())
                                .exit())
                .isZero();
        Proc.Result opened =
                sealpack(
                        home,
                        "open",
                        work.resolve("handmade.sealed").toString(),
                        "--passphrase-file",
                        pass.toString(),
                        "-o",
                        work.resolve("opened").toString());
        assertThat(opened.exit()).as(opened.toString()).isZero();
        assertThat(opened.out())
                .contains("Gpg Ed", "warning: the bag signature names no intended recipients");
        assertThat(work.resolve("opened/data/statement.txt"))
                .hasSameBinaryContentAs(ROOT.resolve("examples/statement.txt"));
    }

    @Test
    void rfc9580KeysAreMarkedAsUnreadableByGnuPg22() {
        Proc.Result help = Proc.sealpack(dir, "keys", "generate", "--help");
        assertThat(help.out()).contains("rfc9580", "GnuPG 2.2 CANNOT read");
    }
}
