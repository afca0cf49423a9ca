package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Proc;
import org.sealpack.Requires;

/**
 * The stock-tool recipes of docs/FORMAT.md, Appendix C, run as they stand there: C.1 opens a good
 * file and stops, leaving no plaintext, at each kind of failure (a bad signature, altered
 * ciphertext, a file planted in the bag that sha512sum -c alone would not see); C.2 (gpg) and C.3
 * (sq) write sealed files that sealpack opens; C.4 opens an anonymous file for the second and third
 * of three hidden recipients (gpg exits 2 for them: the recipe reads its status lines) and stops
 * for a stranger, altered data and a bag signed by someone else.
 */
class RecipesIT {
    static final Path ROOT = Proc.root();
    static final Path TEST_KEYS = Proc.committedTestKeys();
    static final String TEST_SIGNER = "DC9B89FD61CBC73261925824B4F6059BFC8787CE";
    static final String TEST_RECIPIENT = "71B29C01F6BB057D562AC9972C137C29B53F4FE8";
    static final String READ_VARIABLES = "FILE=statement.sealed; NAME=statement";
    static final String WRITE_VARIABLES =
            "NAME=statement; SENDER=sender@example.org; RECIPIENT=recipient@example.org";

    @TempDir static Path dir;
    static GnuPG demo;
    static GnuPG test;

    /**
     * A GnuPG home whose gpg.conf answers the passphrase prompt from a file, as a script's user
     * would type it.
     */
    static GnuPG home(Path passphrase, Path... keys) throws IOException {
        GnuPG g = new GnuPG();
        Files.writeString(
                g.home.resolve("gpg.conf"),
                "batch\npinentry-mode loopback\npassphrase-file "
                        + passphrase
                        + "\ntrust-model always\n");
        for (Path k : keys) {
            Proc.Result r = g.importKey(k, null);
            assertThat(r.exit()).as(r.toString()).isZero();
        }
        return g;
    }

    @BeforeAll
    static void homes() throws IOException {
        Requires.tool("gpg", "sudo apt-get install gnupg");
        demo =
                home(
                        ROOT.resolve("keys/recipient.passphrase"),
                        ROOT.resolve("keys/signer.cert.asc"),
                        ROOT.resolve("keys/recipient.key.asc"));
        test =
                home(
                        TEST_KEYS.resolve("recipient.passphrase"),
                        TEST_KEYS.resolve("signer.cert.asc"),
                        TEST_KEYS.resolve("recipient.key.asc"));
    }

    @AfterAll
    static void cleanUp() {
        for (GnuPG g : new GnuPG[] {demo, test}) {
            if (g != null) {
                g.close();
            }
        }
    }

    static Path workspace(String name, GnuPG g, String sender, Path sealed) throws IOException {
        Path work = Files.createDirectories(dir.resolve(name));
        Files.copy(sealed, work.resolve("statement.sealed"));
        Proc.Result r = g.sh(work, "gpg --export " + sender + " > sender.gpg");
        assertThat(r.exit()).as(r.toString()).isZero();
        return work;
    }

    @Test
    void theReadingRecipeOpensAGoodFile() throws IOException {
        Path sealed = dir.resolve("good.sealed");
        Proc.Result packed =
                Proc.sealpack(
                        dir,
                        "pack",
                        ROOT.resolve("examples/statement.txt").toString(),
                        "--metadata",
                        ROOT.resolve("examples/statement.metadata").toString(),
                        "--name",
                        "statement",
                        "--signer",
                        ROOT.resolve("keys/signer.key.asc").toString(),
                        "--passphrase-file",
                        ROOT.resolve("keys/signer.passphrase").toString(),
                        "--recipient",
                        ROOT.resolve("keys/recipient.cert.asc").toString(),
                        "-o",
                        sealed.toString());
        assertThat(packed.exit()).as(packed.toString()).isZero();
        Path work = workspace("good", demo, StockToolsIT.SIGNER_FPR, sealed);
        Proc.Result r = demo.sh(work, Recipes.block("### C.1", 0));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("the bag is complete and signed");
        assertThat(work.resolve("statement/data/statement.txt"))
                .hasSameBinaryContentAs(ROOT.resolve("examples/statement.txt"));
        assertThat(work.resolve("statement.tar")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({
        "vectors/v1-bad-outer-signature, statement, BAD signature",
        "vectors/v1-tampered-ciphertext, statement, manipulated",
        "hostile/extra-file, bag, data/extra.txt",
        "hostile/planted-tagmanifest-readme, bag, ",
        "hostile/planted-top-directory, bag, ",
        "hostile/planted-second-signature, bag, ",
        "hostile/planted-empty-directory-with-text, bag, "
    })
    void theReadingRecipeStopsAtEveryFailureAndReleasesNothingUnchecked(
            String vector, String name, String said) throws IOException {
        Path work =
                workspace(
                        vector.replace('/', '-'),
                        test,
                        TEST_SIGNER,
                        ROOT.resolve("src/test/resources/" + vector + ".sealed"));
        Proc.Result r =
                test.sh(
                        work,
                        Recipes.with(
                                Recipes.block("### C.1", 0),
                                READ_VARIABLES,
                                "FILE=statement.sealed; NAME=" + name));
        assertThat(r.exit()).as(r.toString()).isNotZero();
        assertThat(r.out()).doesNotContain("the bag is complete and signed");
        if (said != null) {
            assertThat(r.out() + r.err()).contains(said);
        }
        assertThat(work.resolve(name + ".tar")).as("no decrypted tar left").doesNotExist();
        if (vector.startsWith("vectors/")) {
            assertThat(work.resolve(name))
                    .as("nothing unpacked from a file that failed its checks")
                    .doesNotExist();
        }
    }

    /**
     * An anonymous file sealed to three hidden recipients (a, b, c, in that order) by s; their keys
     * in keys/.
     */
    static Path anonymous;

    static String anonymousSender;

    static synchronized Path anonymousFile() throws IOException {
        if (anonymous == null) {
            Path keys = dir.resolve("anonymous-keys");
            Path pass =
                    Files.writeString(dir.resolve("anonymous.passphrase"), "their passphrase\n");
            for (String n : new String[] {"a", "b", "c", "s"}) {
                Proc.Result made =
                        Proc.sealpack(
                                dir,
                                "keys",
                                "generate",
                                "--name",
                                "Person " + n,
                                "--email",
                                n + "@example.org",
                                "--passphrase-file",
                                pass.toString(),
                                "-o",
                                keys.toString(),
                                "--file-name",
                                n,
                                "--home",
                                dir.resolve("anonymous-home").toString());
                assertThat(made.exit()).as(made.toString()).isZero();
            }
            Path file = dir.resolve("transport.sealed");
            Proc.Result packed =
                    Proc.sealpack(
                            dir,
                            "pack",
                            ROOT.resolve("examples/statement.txt").toString(),
                            "--anonymous",
                            "--name",
                            "transport",
                            "--signer",
                            keys.resolve("s.key.asc").toString(),
                            "--passphrase-file",
                            pass.toString(),
                            "--recipient",
                            keys.resolve("a.cert.asc").toString(),
                            "--recipient",
                            keys.resolve("b.cert.asc").toString(),
                            "--recipient",
                            keys.resolve("c.cert.asc").toString(),
                            "-o",
                            file.toString(),
                            "--home",
                            dir.resolve("anonymous-home").toString());
            assertThat(packed.exit()).as(packed.toString()).isZero();
            anonymousSender =
                    org.sealpack.pgp.KeyFiles.readCertificate(keys.resolve("s.cert.asc"))
                            .fingerprint();
            anonymous = file;
        }
        return anonymous;
    }

    static final String ANONYMOUS_VARIABLES =
            "FILE=transport.sealed; NAME=transport; SENDER=0123456789ABCDEF0123456789ABCDEF01234567";

    /**
     * Runs C.4 in a fresh directory, as the holder of the given key (a, b, c or x for none of
     * them).
     */
    static Proc.Result anonymousRecipe(String key, String sender, Path sealed) throws IOException {
        Path keys = dir.resolve("anonymous-keys");
        Path work =
                Files.createDirectories(
                        dir.resolve(
                                "anonymous-"
                                        + key
                                        + "-"
                                        + sender.substring(0, 4)
                                        + "-"
                                        + sealed.getFileName()));
        Files.copy(sealed, work.resolve("transport.sealed"));
        GnuPG g =
                key.equals("x")
                        ? home(dir.resolve("anonymous.passphrase"), keys.resolve("s.cert.asc"))
                        : home(
                                dir.resolve("anonymous.passphrase"),
                                keys.resolve(key + ".key.asc"),
                                keys.resolve("s.cert.asc"));
        try {
            Proc.Result r =
                    g.sh(
                            work,
                            Recipes.with(
                                    Recipes.block("### C.4", 0),
                                    ANONYMOUS_VARIABLES,
                                    "FILE=transport.sealed; NAME=transport; SENDER=" + sender));
            try (Stream<Path> left = Files.list(work)) {
                List<String> names = left.map(p -> p.getFileName().toString()).toList();
                assertThat(names)
                        .as("nothing decrypted left beside the bag")
                        .doesNotContain("transport.tar", "transport.status");
                if (r.exit() != 0 && !r.err().contains("bag signature")) {
                    assertThat(names)
                            .as("nothing unpacked from a file that was not decrypted")
                            .containsExactly("transport.sealed");
                }
            }
            return r;
        } finally {
            g.close();
        }
    }

    /**
     * gpg 2.2 exits 2 for every hidden recipient but the first: the recipe judges it by its status
     * lines.
     */
    @ParameterizedTest
    @CsvSource({"b", "c"})
    void theAnonymousRecipeOpensForTheSecondAndThirdOfThreeHiddenRecipients(String key)
            throws IOException {
        Path sealed = anonymousFile();
        Proc.Result r = anonymousRecipe(key, anonymousSender, sealed);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("the bag is complete and signed by " + anonymousSender);
        assertThat(
                        dir.resolve(
                                "anonymous-"
                                        + key
                                        + "-"
                                        + anonymousSender.substring(0, 4)
                                        + "-transport.sealed/transport/data/statement.txt"))
                .hasSameBinaryContentAs(ROOT.resolve("examples/statement.txt"));
    }

    @Test
    void theAnonymousRecipeStopsForANonRecipientAlteredDataAndAnotherSender() throws IOException {
        Path sealed = anonymousFile();
        Proc.Result stranger = anonymousRecipe("x", anonymousSender, sealed);
        assertThat(stranger.exit()).as(stranger.toString()).isNotZero();
        assertThat(stranger.err()).contains("nothing unpacked");

        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 100] ^= 0x01;
        Path altered = Files.write(dir.resolve("altered.sealed"), bytes);
        Proc.Result tampered = anonymousRecipe("c", anonymousSender, altered);
        assertThat(tampered.exit()).as(tampered.toString()).isNotZero();
        assertThat(tampered.err()).contains("nothing unpacked");

        Proc.Result otherSender =
                anonymousRecipe("b", "FFFF" + anonymousSender.substring(4), sealed);
        assertThat(otherSender.exit()).as(otherSender.toString()).isNotZero();
        assertThat(otherSender.err()).contains("is not the sender's good signature");
        assertThat(otherSender.out()).doesNotContain("the bag is complete");
    }

    static Path payload(Path work) throws IOException {
        Path payload = Files.createDirectories(work.resolve("payload/annex"));
        Files.copy(ROOT.resolve("examples/statement.txt"), work.resolve("payload/statement.txt"));
        Files.writeString(
                payload.resolve("witness list (withheld).txt"),
                "Names are kept by the Alliance.\n");
        return work;
    }

    static void opensInSealpack(Path work, String signerCert) {
        Proc.Result opened =
                Proc.sealpack(
                        work,
                        "open",
                        work.resolve("statement.sealed").toString(),
                        "--key",
                        TEST_KEYS.resolve("recipient.key.asc").toString(),
                        "--passphrase-file",
                        TEST_KEYS.resolve("recipient.passphrase").toString(),
                        "--signer",
                        signerCert,
                        "-o",
                        work.resolve("opened").toString(),
                        "--home",
                        work.resolve("home").toString());
        assertThat(opened.exit()).as(opened.toString()).isZero();
        assertThat(opened.out())
                .contains("Bag: VALID", "warning: the bag signature names no intended recipients");
        assertThat(work.resolve("opened/data/statement.txt"))
                .hasSameBinaryContentAs(ROOT.resolve("examples/statement.txt"));
        assertThat(work.resolve("opened/data/annex/witness list (withheld).txt")).exists();
    }

    @Test
    void theGpgWritingRecipeWritesASealedFileSealpackOpens() throws IOException {
        GnuPG signer =
                home(
                        TEST_KEYS.resolve("signer.passphrase"),
                        TEST_KEYS.resolve("signer.key.asc"),
                        TEST_KEYS.resolve("recipient.cert.asc"));
        try {
            Path work = payload(Files.createDirectories(dir.resolve("gpg-writes")));
            String script =
                    Recipes.with(
                                    Recipes.block("### C.2", 0),
                                    WRITE_VARIABLES,
                                    "NAME=statement; SENDER="
                                            + TEST_SIGNER
                                            + "; RECIPIENT="
                                            + TEST_RECIPIENT)
                            + Recipes.block("### C.2", 1);
            Proc.Result r = signer.sh(work, script);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(work.resolve("statement.tar")).doesNotExist();
            opensInSealpack(work, TEST_KEYS.resolve("signer.cert.asc").toString());
        } finally {
            signer.close();
        }
    }

    @Test
    void theSqWritingRecipeWritesASealedFileSealpackOpens() throws IOException {
        Requires.tool("sq", "sudo apt-get install sq");
        Path work = payload(Files.createDirectories(dir.resolve("sq-writes")));
        // sq 0.27 asks a protected key's password at the terminal: the sender's key here has none.
        Proc.Result made =
                Proc.sealpack(
                        work,
                        "keys",
                        "generate",
                        "--name",
                        "Sq Sender",
                        "--email",
                        "sender@example.org",
                        "--no-passphrase",
                        "-o",
                        work.toString(),
                        "--file-name",
                        "sender",
                        "--home",
                        work.resolve("home").toString());
        assertThat(made.exit()).as(made.toString()).isZero();
        Files.copy(TEST_KEYS.resolve("recipient.cert.asc"), work.resolve("recipient.cert.asc"));
        String bag = Recipes.block("### C.2", 0);
        String gpgSigns =
                bag.lines().filter(l -> l.startsWith("gpg -u ")).findFirst().orElseThrow();
        String script = bag.replace(gpgSigns + "\n", "") + Recipes.block("### C.3", 0);
        Proc.Result r = Proc.bash(work, java.util.Map.of(), script);
        assertThat(r.exit()).as(r.toString()).isZero();
        try (Stream<Path> s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .doesNotContain("statement.tar", "statement.pgp");
        }
        opensInSealpack(work, work.resolve("sender.cert.asc").toString());
    }
}
