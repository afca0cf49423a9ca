package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Await;
import org.sealpack.Proc;
import org.sealpack.Requires;
import org.sealpack.Trees;
import org.sealpack.spec.Pins;

/**
 * The rule, through the real CLI: no command deletes or replaces anything it did not create in this
 * run, except a previous output of the same kind, named explicitly, with --force. Every refusal is
 * one line with its exit code, and every byte the user had is still there afterwards (the tree is
 * hashed before and after).
 */
class DataSafetyIT {
    static final Path KEYS = Proc.testKeys();
    static final String SIGNER_FINGERPRINT = "DC9B89FD61CBC73261925824B4F6059BFC8787CE";

    @TempDir static Path work;

    /**
     * Two sealed files with different payloads (data/first.txt, data/second.txt), and a bigger one.
     */
    static Path first;

    static Path second;
    static Path big;

    @BeforeAll
    static void seal() throws IOException {
        Path in = Files.createDirectories(work.resolve("inputs"));
        Files.writeString(in.resolve("first.txt"), "the first statement\n");
        Files.writeString(in.resolve("second.txt"), "the second statement\n");
        byte[] random = new byte[3 << 20];
        new java.util.Random(7).nextBytes(random);
        Files.write(in.resolve("video.bin"), random);
        first = pack(in.resolve("first.txt"), "first.sealed");
        second = pack(in.resolve("second.txt"), "second.sealed");
        big = pack(in.resolve("video.bin"), "big.sealed");
    }

    static Path pack(Path payload, String name) {
        Path out = work.resolve(name);
        Proc.Result r =
                Proc.sealpack(work, split("pack " + payload + Proc.packKeys() + " -o " + out));
        assertThat(r.exit()).as(r.toString()).isZero();
        return out;
    }

    static String[] split(String line) {
        return line.trim().split(" +");
    }

    static Proc.Result open(
            Path cwd, Map<String, String> env, Path sealed, String destination, String... extra) {
        // The keyring's home is the default one when the environment says where (HOME,
        // SEALPACK_HOME), else ./h.
        String keys = env.isEmpty() ? Proc.openKeys() : Proc.openKeys().replace(" --home h", "");
        List<String> args = new ArrayList<>(List.of(split("open " + sealed + keys + " -o")));
        args.add(destination);
        args.addAll(List.of(extra));
        return Proc.sealpack(cwd, env, List.of(), args.toArray(String[]::new));
    }

    static void assertRefused(Proc.Result r, int exit, String message) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("sealpack: error: ")
                .contains(message)
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static List<Path> staging(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".sealpack-")).toList();
        }
    }

    @Test
    void forceNeverReplacesTheCurrentDirectoryNorAParentOfIt() throws IOException {
        Path top = work.resolve("dot");
        Path here = top.resolve("a/b");
        write(here.resolve("notes.txt"), "my notes");
        write(top.resolve("a/letter.txt"), "a letter");
        var before = Trees.hash(top);
        assertRefused(
                open(here, Map.of(), first, ".", "--force"),
                4,
                "is the current directory, which sealpack never replaces");
        assertRefused(open(here, Map.of(), first, "."), 4, "is the current directory");
        assertRefused(
                open(here, Map.of(), first, "..", "--force"),
                4,
                "is a parent of the current directory");
        assertRefused(
                open(here, Map.of(), first, top.resolve("a").toString(), "--force"),
                4,
                "a parent of the current directory");
        assertRefused(open(here, Map.of(), first, "/", "--force"), 4, "is the root directory");
        assertThat(Trees.hash(top)).isEqualTo(before);
    }

    @Test
    void forceNeverReplacesTheHomeDirectoryNorTheKeyringsAndHomeComesFromTheEnvironment()
            throws IOException {
        Path home = work.resolve("home");
        write(home.resolve("Documents/testimony.txt"), "a witness's testimony");
        Map<String, String> env =
                Map.of("HOME", home.toString(), "SEALPACK_HOME", "", "XDG_DATA_HOME", "");
        Proc.Result imported =
                Proc.sealpack(
                        work,
                        env,
                        List.of(),
                        "keys",
                        "import",
                        KEYS.resolve("signer.cert.asc").toString());
        assertThat(imported.exit()).as(imported.toString()).isZero();
        Path keyringHome = home.resolve(".local/share/sealpack");
        assertThat(keyringHome.resolve("keyring.pgp")).as("the keyring follows $HOME").exists();
        var before = Trees.hash(home);
        assertRefused(
                open(work, env, first, home.toString(), "--force"),
                4,
                "which sealpack never replaces");
        assertRefused(
                open(work, env, first, keyringHome.toString(), "--force"),
                4,
                "which sealpack never replaces");
        assertRefused(
                open(work, env, first, home.resolve(".local").toString(), "--force"),
                4,
                "holds " + keyringHome);
        // The keyring's home named with --home is protected as well.
        Path other = work.resolve("other-keyring");
        assertThat(
                        Proc.sealpack(
                                        work,
                                        Map.of(),
                                        List.of(),
                                        "keys",
                                        "import",
                                        KEYS.resolve("signer.cert.asc").toString(),
                                        "--home",
                                        other.toString())
                                .exit())
                .isZero();
        var otherBefore = Trees.hash(other);
        assertRefused(
                open(
                        work,
                        Map.of("SEALPACK_HOME", ""),
                        first,
                        other.toString(),
                        "--force",
                        "--home",
                        other.toString()),
                4,
                "which sealpack never replaces");
        assertThat(Trees.hash(home)).isEqualTo(before);
        assertThat(Trees.hash(other)).isEqualTo(otherBefore);
    }

    @Test
    @Pins({"R5.5", "R5.7"})
    void forceReplacesOnlyAnOpenedBagWithNothingAddedToIt() throws IOException {
        Path dir = work.resolve("only-bags");
        write(dir.resolve("folder/notes.txt"), "unrelated notes");
        write(dir.resolve("file.txt"), "a file");
        var before = Trees.hash(dir);
        assertRefused(
                open(dir, Map.of(), first, "folder", "--force"),
                4,
                "is not a bag that sealpack opened: it has no bagit.txt");
        assertRefused(
                open(dir, Map.of(), first, "file.txt", "--force"),
                4,
                "it is a file, not a directory");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("folder"));
        assertRefused(open(dir, Map.of(), first, "link", "--force"), 4, "is a symbolic link");
        Files.delete(dir.resolve("link"));
        assertThat(Trees.hash(dir)).isEqualTo(before);

        Proc.Result opened = open(dir, Map.of(), first, "bag");
        assertThat(opened.exit()).as(opened.toString()).isZero();
        assertRefused(
                open(dir, Map.of(), second, "bag"),
                4,
                "exists (a bag opened earlier). hint: choose another directory, or add --force");
        for (String added :
                new String[] {
                    "bag/data/note.txt",
                    "bag/README.txt",
                    "bag/signatures/mine.asc",
                    "bag/data/sub/x.txt"
                }) {
            write(dir.resolve(added), "added by a person");
            var withNote = Trees.hash(dir);
            assertRefused(open(dir, Map.of(), second, "bag", "--force"), 4, "which the bag");
            assertThat(Trees.hash(dir)).as(added).isEqualTo(withNote);
            Files.delete(dir.resolve(added));
        }
        // An empty directory a person made is theirs too: refused until it is gone.
        assertRefused(
                open(dir, Map.of(), second, "bag", "--force"),
                4,
                "'data/sub' is an empty directory");
        Files.delete(dir.resolve("bag/data/sub"));
        Proc.Result replaced = open(dir, Map.of(), second, "bag", "--force");
        assertThat(replaced.exit()).as(replaced.toString()).isZero();
        assertThat(dir.resolve("bag/data/second.txt")).hasContent("the second statement");
        assertThat(dir.resolve("bag/data/first.txt")).doesNotExist();
        assertThat(staging(dir)).isEmpty();
        assertThat(Trees.hash(dir.resolve("folder"))).isEqualTo(Trees.hash(dir.resolve("folder")));
    }

    @Test
    @Pins({"R5.5", "R5.8"})
    void packNeverWritesOverItsInputsNorOverWhatIsNotASealedFile() throws IOException {
        Path dir = work.resolve("pack-inputs");
        write(dir.resolve("hi.txt"), "the evidence");
        write(dir.resolve("evidence/a.txt"), "more evidence");
        write(dir.resolve("notes.odt"), "a document");
        write(dir.resolve("meta.txt"), "Title: x\n");
        var before = Trees.hash(dir);
        String keys = Proc.packKeys();
        assertRefused(
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o hi.txt --force")),
                2,
                "the output hi.txt is also one of the inputs");
        assertRefused(
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o hi.txt")),
                2,
                "is also one of the inputs");
        assertRefused(
                Proc.sealpack(dir, split("pack evidence" + keys + " -o evidence/out.sealed")),
                2,
                "lies inside the payload directory evidence");
        assertRefused(
                Proc.sealpack(
                        dir,
                        split("pack hi.txt --metadata meta.txt" + keys + " -o meta.txt --force")),
                2,
                "is also one of the inputs");
        assertRefused(
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o evidence")),
                4,
                "evidence is a directory");
        assertRefused(
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o evidence --force")),
                4,
                "evidence is a directory");
        assertRefused(
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o notes.odt --force")),
                4,
                "notes.odt exists and is not a sealed file");
        assertThat(Trees.hash(dir)).isEqualTo(before);

        Proc.Result packed = Proc.sealpack(dir, split("pack hi.txt" + keys + " -o hi.sealed"));
        assertThat(packed.exit()).as(packed.toString()).isZero();
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(dir.resolve("hi.sealed"))))
                .isEqualTo("rw-------");
        assertRefused(
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o hi.sealed")),
                4,
                "hi.sealed exists. hint: choose another name, or add --force");
        Proc.Result again =
                Proc.sealpack(dir, split("pack hi.txt" + keys + " -o hi.sealed --force"));
        assertThat(again.exit())
                .as("an earlier sealed file, named with --force: " + again)
                .isZero();
        assertThat(staging(dir)).isEmpty();
    }

    /**
     * A crash at each step of the --force swap (the test hook sends the process SIGKILL there)
     * leaves at least one complete bag, never loses the user's other files, and the next run in
     * that directory undoes the swap (the old bag back) or finishes it (the new bag stays), and
     * says which.
     */
    @ParameterizedTest
    @CsvSource({
        "swap-before,first,",
        "swap-aside,first,was undone: the previous bag is back in place",
        "swap-placed,second,was finished: the new bag was already in place",
        "swap-erased,second,"
    })
    @Pins({"R5.4", "R5.7"})
    void aKillAtEveryStepOfAReplacementLeavesACompleteBag(String step, String expected, String note)
            throws IOException {
        Path dir = work.resolve("kill-" + step);
        write(dir.resolve("notes.txt"), "notes beside the bag");
        // The user's own files beside the bag, and a decoy named like a leftover but with no lock
        // file of
        // sealpack's: the recovery that erases leftovers must leave every byte of them alone.
        write(dir.resolve("evidence/witness.txt"), "a witness statement");
        write(dir.resolve(".sealpack-decoy.tmp/kept.txt"), "not sealpack's");
        var userBefore = Trees.hash(dir.resolve("evidence"));
        var decoyBefore = Trees.hash(dir.resolve(".sealpack-decoy.tmp"));
        assertThat(open(dir, Map.of(), first, "bag").exit()).isZero();
        Proc.Result killed =
                Proc.sealpack(
                        dir,
                        Map.of(),
                        List.of("-Dsealpack.test.killAt=" + step),
                        split("open " + second + Proc.openKeys() + " -o bag --force"));
        assertThat(killed.exit())
                .as("killed by SIGKILL at " + step + ": " + killed)
                .isEqualTo(128 + 9);
        List<String> complete = new ArrayList<>();
        for (Path candidate :
                Stream.concat(Stream.of(dir.resolve("bag")), staging(dir).stream()).toList()) {
            String holds = completeBag(candidate);
            if (holds != null) {
                complete.add(holds);
            }
        }
        assertThat(complete).as("complete bags after a kill at " + step).isNotEmpty();
        assertThat(dir.resolve("notes.txt")).hasContent("notes beside the bag");

        Proc.Result next = open(dir, Map.of(), first, "another");
        assertThat(next.exit()).as(next.toString()).isZero();
        if (note == null) {
            assertThat(next.err()).as(next.toString()).isEmpty();
        } else {
            assertThat(next.err())
                    .as(next.toString())
                    .startsWith("sealpack: note: an interrupted replacement of ")
                    .contains(note);
        }
        assertThat(completeBag(dir.resolve("bag"))).isEqualTo(expected);
        assertThat(
                        staging(dir).stream()
                                .filter(
                                        p ->
                                                !p.getFileName()
                                                        .toString()
                                                        .equals(".sealpack-decoy.tmp")))
                .as("nothing of the killed run is left")
                .isEmpty();
        assertThat(dir.resolve("notes.txt")).hasContent("notes beside the bag");
        assertThat(Trees.hash(dir.resolve("evidence"))).isEqualTo(userBefore);
        assertThat(Trees.hash(dir.resolve(".sealpack-decoy.tmp")))
                .as("a look-alike without a lock is not erased")
                .isEqualTo(decoyBefore);
    }

    /**
     * The payload's name ("first", "second") if the directory is a complete bag whose every
     * checksum holds, else null.
     */
    static String completeBag(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest-sha512.txt");
        if (!Files.isRegularFile(manifest)
                || !Files.isRegularFile(dir.resolve("tagmanifest-sha512.txt"))
                || !Files.isRegularFile(dir.resolve("signatures/tagmanifest-sha512.txt.asc"))) {
            return null;
        }
        String holds = null;
        for (String m : new String[] {"manifest-sha512.txt", "tagmanifest-sha512.txt"}) {
            for (String line : Files.readAllLines(dir.resolve(m))) {
                String[] parts = line.split("  ", 2);
                Path file = dir.resolve(parts[1]);
                if (!Files.isRegularFile(file) || !sha512(file).equals(parts[0])) {
                    return null;
                }
                if (parts[1].startsWith("data/")) {
                    holds = parts[1].substring(5, parts[1].indexOf('.'));
                }
            }
        }
        return holds;
    }

    static String sha512(Path file) throws IOException {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-512")
                                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A run that reads its sealed file from a pipe this test feeds: it holds its staging directory
     * for as long as the test keeps the second half back, so what another run does meanwhile can be
     * watched.
     */
    static final class HeldOpen {
        final Process process;
        final byte[] sealed;
        final OutputStream stdin;

        HeldOpen(Path dir, List<String> prefix, String destination) throws IOException {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(
                    Proc.command(
                            List.of(), split("open -" + Proc.openKeys() + " -o " + destination)));
            process =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(dir.resolve(destination + ".err").toFile())
                            .start();
            sealed = Files.readAllBytes(big);
            stdin = process.getOutputStream();
            stdin.write(sealed, 0, sealed.length / 2);
            stdin.flush();
        }

        /**
         * Waits for the event: its staged entry exists, the lock taken (a signed file read from a
         * pipe is first spooled, still encrypted, into a staged file; its staging directory comes
         * after the end).
         */
        void awaitStaging(Path dir) throws Exception {
            Await.until(
                    "the held run makes its staged entry",
                    () -> staging(dir).stream().anyMatch(p -> p.toString().endsWith(".tmp")),
                    process::isAlive);
        }

        int finish() throws Exception {
            stdin.write(sealed, sealed.length / 2, sealed.length - sealed.length / 2);
            stdin.close();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }
    }

    @Test
    @Pins("R5.6")
    void aLiveRunInAnotherPidNamespaceIsNeverCleanedUp() throws Exception {
        Proc.Result probe = Proc.bash(work, Map.of(), "unshare --pid --fork --mount-proc true");
        Requires.that(
                probe.exit() == 0,
                "PID namespaces (root and unshare from util-linux)",
                "run the tests as root");
        Path dir = Files.createDirectories(work.resolve("namespaces"));
        // A few processes first, so that the run's PID in its namespace is one that means nothing
        // outside.
        HeldOpen held =
                new HeldOpen(
                        dir,
                        List.of(
                                "unshare",
                                "--pid",
                                "--fork",
                                "--mount-proc",
                                "bash",
                                "-c",
                                "for i in $(seq 40); do /bin/true; done; exec \"$@\"",
                                "bash"),
                        "a");
        held.awaitStaging(dir);
        List<Path> live = staging(dir);
        Proc.Result other = open(dir, Map.of(), first, "b");
        assertThat(other.exit()).as(other.toString()).isZero();
        assertThat(staging(dir)).as("the other run left the live one alone").containsAll(live);
        assertThat(held.finish()).as(Files.readString(dir.resolve("a.err"))).isZero();
        assertThat(dir.resolve("a/data/video.bin")).exists();
        assertThat(staging(dir)).isEmpty();
    }

    @Test
    void aStoppedRunIsNeverCleanedUp() throws Exception {
        Path dir = Files.createDirectories(work.resolve("stopped"));
        HeldOpen held = new HeldOpen(dir, List.of(), "a");
        held.awaitStaging(dir);
        assertThat(Proc.bash(dir, Map.of(), "kill -STOP " + held.process.pid()).exit()).isZero();
        List<Path> live = staging(dir);
        Proc.Result other = open(dir, Map.of(), first, "b");
        assertThat(other.exit()).as(other.toString()).isZero();
        assertThat(staging(dir)).as("a stopped run still holds its lock").containsAll(live);
        assertThat(Proc.bash(dir, Map.of(), "kill -CONT " + held.process.pid()).exit()).isZero();
        assertThat(held.finish()).as(Files.readString(dir.resolve("a.err"))).isZero();
        assertThat(dir.resolve("a/data/video.bin")).exists();
    }

    @Test
    void revokingNeedsAReasonAndDeletingWithoutATerminalNeedsTheFullFingerprint()
            throws IOException {
        Path home = work.resolve("revoke-home");
        String h = " --home " + home;
        assertThat(
                        Proc.sealpack(
                                        work,
                                        split(
                                                "keys import "
                                                        + KEYS.resolve("other.key.asc")
                                                        + " "
                                                        + KEYS.resolve("signer.cert.asc")
                                                        + h))
                                .exit())
                .isZero();
        var before = Trees.hash(home);
        assertRefused(
                Proc.sealpack(
                        work,
                        split(
                                "keys revoke other@test.sealpack.invalid --passphrase-file "
                                        + KEYS.resolve("other.passphrase")
                                        + h)),
                2,
                "Missing required option: '--reason=REASON'. hint: see 'sealpack keys revoke --help'");
        assertRefused(
                Proc.sealpack(
                        work,
                        split("keys revoke other@test.sealpack.invalid --reason because" + h)),
                2,
                "Invalid value for option '--reason'");
        assertRefused(
                Proc.sealpack(work, split("keys delete signer" + h)),
                2,
                "needs the full fingerprint");
        assertThat(Trees.hash(home)).isEqualTo(before);

        Proc.Result revoked =
                Proc.sealpack(
                        work,
                        split(
                                "keys revoke other@test.sealpack.invalid --reason retired --passphrase-file "
                                        + KEYS.resolve("other.passphrase")
                                        + h));
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertThat(Proc.sealpack(work, split("keys list" + h)).out())
                .contains("REVOKED:", "(retired)");
        Proc.Result deleted = Proc.sealpack(work, split("keys delete " + SIGNER_FINGERPRINT + h));
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
    }

    @Test
    void anEmptyPassphraseIsRefusedUnlessAnUnprotectedKeyIsAskedFor() throws IOException {
        Path dir = work.resolve("passphrases");
        write(dir.resolve("empty"), "");
        write(dir.resolve("newline"), "\n");
        write(dir.resolve("bom"), "\uFEFF" + Files.readString(KEYS.resolve("signer.passphrase")));
        String h = " --home " + dir.resolve("home");
        for (String file : new String[] {"empty", "newline"}) {
            assertRefused(
                    Proc.sealpack(
                            dir, split("keys generate --name Jane --passphrase-file " + file + h)),
                    11,
                    "the passphrase file "
                            + file
                            + " is empty. hint: give a passphrase, or add --no-passphrase");
        }
        Proc.Result emptyEnv =
                Proc.sealpack(
                        dir,
                        Map.of("PW", ""),
                        List.of(),
                        split("keys generate --name Jane --passphrase-env PW" + h));
        assertRefused(emptyEnv, 11, "the environment variable PW is empty");
        assertThat(dir.resolve("home")).doesNotExist();

        Proc.Result bare =
                Proc.sealpack(dir, split("keys generate --name Jane --no-passphrase" + h));
        assertThat(bare.exit()).as(bare.toString()).isZero();
        assertThat(bare.out()).contains("UNPROTECTED (no passphrase)");
        assertThat(
                        Proc.sealpack(
                                        dir,
                                        split("keys import " + KEYS.resolve("signer.key.asc") + h))
                                .exit())
                .isZero();
        Proc.Result list = Proc.sealpack(dir, split("keys list" + h));
        assertThat(list.out())
                .contains(
                        "secret key: present, UNPROTECTED (no passphrase)",
                        "secret key: present, protected");
        assertThat(Proc.sealpack(dir, split("keys list --json" + h)).out())
                .contains("\"secretKeyProtected\" : false", "\"secretKeyProtected\" : true");
        var before = Trees.hash(dir.resolve("home"));
        assertRefused(
                Proc.sealpack(
                        dir,
                        split(
                                "keys passwd signer@test.sealpack.invalid --passphrase-file "
                                        + KEYS.resolve("signer.passphrase")
                                        + " --new-passphrase-file empty"
                                        + h)),
                11,
                "is empty");
        assertThat(Trees.hash(dir.resolve("home"))).isEqualTo(before);

        Proc.Result withBom =
                Proc.sealpack(
                        dir,
                        split(
                                "pack newline --signer "
                                        + KEYS.resolve("signer.key.asc")
                                        + " --passphrase-file bom --recipient "
                                        + KEYS.resolve("recipient.cert.asc")
                                        + " -o x.sealed"
                                        + h));
        assertThat(withBom.exit())
                .as("a passphrase file that starts with a byte-order mark: " + withBom)
                .isZero();
    }

    @Test
    void receiptsAreReadableOnlyByTheirOwner() throws IOException {
        Path dir = Files.createDirectories(work.resolve("receipts"));
        Proc.Result r =
                Proc.sealpack(
                        dir,
                        split(
                                "verify "
                                        + first
                                        + " --signer "
                                        + KEYS.resolve("signer.cert.asc")
                                        + " --receipt r.md --home h"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(dir.resolve("r.md"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("r.md"), StandardCharsets.UTF_8))
                .contains("Verdict");
        assertThat(staging(dir)).isEmpty();
    }
}
