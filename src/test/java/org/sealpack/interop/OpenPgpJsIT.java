package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * openpgp.js 6 (npm), the RFC 9580 implementation at hand, and sealpack's rfc9580 profile, both
 * ways: openpgp.js verifies the outer signature of a v6 sealed file, decrypts it (SEIPD v2) and
 * verifies the bag signature; and sealpack opens a sealed file whose OpenPGP layers openpgp.js
 * wrote by docs/FORMAT.md. .ci/run installs it: npm install --prefix ~/.cache/sealpack-openpgpjs
 * openpgp@6 (or where SEALPACK_OPENPGPJS says).
 */
class OpenPgpJsIT {
    static final Path KEYS = Proc.committedTestKeys();
    static final Path SCRIPTS = Proc.root().resolve("src/test/resources/openpgpjs");
    static final Path OPENPGPJS =
            Path.of(
                    System.getenv()
                            .getOrDefault(
                                    "SEALPACK_OPENPGPJS",
                                    System.getProperty("user.home")
                                            + "/.cache/sealpack-openpgpjs"));

    @TempDir Path dir;

    @BeforeAll
    static void needsOpenPgpJs() {
        Requires.tool("node", "apt-get install nodejs");
        Requires.that(
                Files.exists(OPENPGPJS.resolve("node_modules/openpgp/dist/node/openpgp.mjs")),
                "openpgp.js 6 in " + OPENPGPJS,
                "npm install --prefix " + OPENPGPJS + " openpgp@6");
    }

    Proc.Result node(String script, Object... args) {
        StringBuilder line =
                new StringBuilder(
                        "node " + GnuPG.q(SCRIPTS.resolve(script)) + " " + GnuPG.q(OPENPGPJS));
        for (Object a : args) {
            line.append(' ').append(GnuPG.q(a));
        }
        return Proc.bash(dir, Map.of(), line.toString());
    }

    @Test
    void openPgpJsReadsEveryLayerOfAV6SealedFile() throws IOException {
        Path sealed = dir.resolve("v6.sealed");
        Proc.Result packed =
                Proc.sealpack(
                        dir,
                        "pack",
                        Proc.root().resolve("examples/statement.txt").toString(),
                        "--signer",
                        KEYS.resolve("v6-signer.key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve("v6-signer.passphrase").toString(),
                        "--recipient",
                        KEYS.resolve("v6-recipient.cert.asc").toString(),
                        "-o",
                        sealed.toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(packed.exit()).as(packed.toString()).isZero();
        Proc.Result read =
                node(
                        "read.mjs",
                        sealed,
                        KEYS.resolve("v6-signer.cert.asc"),
                        KEYS.resolve("v6-recipient.key.asc"),
                        KEYS.resolve("v6-recipient.passphrase"),
                        dir.resolve("bag.tar"));
        assertThat(read.exit()).as(read.toString()).isZero();
        assertThat(read.out()).contains("outer signature: good", "decrypted:");
        Proc.Result untar = Proc.bash(dir, Map.of(), "tar -xf bag.tar");
        assertThat(untar.exit()).as(untar.toString()).isZero();
        Proc.Result bag =
                node(
                        "verify-detached.mjs",
                        dir.resolve("v6/signatures/tagmanifest-sha512.txt.asc"),
                        dir.resolve("v6/tagmanifest-sha512.txt"),
                        KEYS.resolve("v6-signer.cert.asc"));
        assertThat(bag.exit()).as(bag.toString()).isZero();
        assertThat(dir.resolve("v6/data/statement.txt"))
                .hasSameBinaryContentAs(Proc.root().resolve("examples/statement.txt"));
    }

    @Test
    void sealpackOpensAV6SealedFileThatOpenPgpJsWrote() throws IOException {
        Path bag = Files.createDirectories(dir.resolve("bag/data"));
        Files.copy(Proc.root().resolve("examples/statement.txt"), bag.resolve("statement.txt"));
        Proc.Result tags =
                Proc.bash(
                        dir.resolve("bag"),
                        Map.of(),
                        String.join(
                                " && ",
                                "printf 'BagIt-Version: 1.0\\nTag-File-Character-Encoding: UTF-8\\n' > bagit.txt",
                                "sha512sum data/statement.txt > manifest-sha512.txt",
                                "printf 'Title: written by openpgp.js\\nPayload-Oxum: %s.1\\n' $(stat -c %s data/statement.txt) > bag-info.txt",
                                "sha512sum bagit.txt bag-info.txt manifest-sha512.txt > tagmanifest-sha512.txt",
                                "mkdir signatures"));
        assertThat(tags.exit()).as(tags.toString()).isZero();
        Proc.Result signed =
                node(
                        "write.mjs",
                        "sign-bag",
                        dir.resolve("bag/tagmanifest-sha512.txt"),
                        KEYS.resolve("v6-signer.key.asc"),
                        KEYS.resolve("v6-signer.passphrase"),
                        dir.resolve("bag/signatures/tagmanifest-sha512.txt.asc"));
        assertThat(signed.exit()).as(signed.toString()).isZero();
        assertThat(
                        Proc.bash(
                                        dir,
                                        Map.of(),
                                        "tar --format=pax --owner=0 --group=0 -cf bag.tar bag")
                                .exit())
                .isZero();
        Proc.Result sealed =
                node(
                        "write.mjs",
                        "seal",
                        dir.resolve("bag.tar"),
                        KEYS.resolve("v6-signer.key.asc"),
                        KEYS.resolve("v6-signer.passphrase"),
                        dir.resolve("js.sealed"),
                        KEYS.resolve("v6-recipient.cert.asc"));
        assertThat(sealed.exit()).as(sealed.toString()).isZero();
        Proc.Result opened =
                Proc.sealpack(
                        dir,
                        "open",
                        dir.resolve("js.sealed").toString(),
                        "--key",
                        KEYS.resolve("v6-recipient.key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve("v6-recipient.passphrase").toString(),
                        "--signer",
                        KEYS.resolve("v6-signer.cert.asc").toString(),
                        "-o",
                        dir.resolve("opened").toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(opened.exit()).as(opened.toString()).isZero();
        assertThat(opened.out())
                .contains("Outer signature: GOOD", "Bag signature: GOOD", "written by openpgp.js");
        assertThat(dir.resolve("opened/data/statement.txt"))
                .hasSameBinaryContentAs(Proc.root().resolve("examples/statement.txt"));
    }
}
