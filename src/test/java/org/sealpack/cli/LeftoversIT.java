package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.Proc;
import org.sealpack.Requires;
import org.sealpack.Trees;
import org.sealpack.failure.ExitCode;

/**
 * Leftovers in a folder others can write (docs/THREATS.md T7), through the real CLI and the real
 * file system: sealpack erases only what provably is this user's own, through directory handles
 * that never follow links, and names everything else in one line and leaves it alone; a planted
 * {@code .old} is never put in place; {@code open --force} never replaces a bag whose files were
 * edited.
 */
class LeftoversIT {
    static final String HEADER = "sealpack staging for:\n";
    static final int SUBDIRECTORIES = 4;
    static final int FILES = 1000;

    @TempDir static Path work;
    static Path sealed;
    static Path other;

    @BeforeAll
    static void seal() throws IOException {
        Files.writeString(work.resolve("first.txt"), "the first statement\n");
        Files.writeString(work.resolve("second.txt"), "the second statement\n");
        sealed = pack("first.txt");
        other = pack("second.txt");
    }

    static Path pack(String payload) {
        Path out = work.resolve(payload + ".sealed");
        Proc.Result r =
                Proc.sealpack(
                        work,
                        (("pack " + payload + Proc.packKeys()).trim() + " -o " + out).split(" +"));
        assertThat(r.exit()).as(r.toString()).isZero();
        return out;
    }

    static Proc.Result open(Path cwd, Path file, String destination, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                ("open "
                                                + file
                                                + Proc.openKeys()
                                                        .replace(" h", " " + work.resolve("h"))
                                                + " -o "
                                                + destination)
                                        .split(" +")));
        args.addAll(List.of(extra));
        return Proc.sealpack(cwd, args.toArray(String[]::new));
    }

    static String identity(Path p) throws IOException {
        return String.valueOf(
                Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .fileKey());
    }

    /**
     * A lock file as a run writes it (free: nobody holds it), naming {@code target}, with the
     * journal's records.
     */
    static Path lock(Path dir, String r, String target, String records) throws IOException {
        return Files.writeString(
                dir.resolve(".sealpack-" + r + ".lock"), HEADER + target + "\0" + records);
    }

    static String r(int n) {
        return String.format("%024x", n);
    }

    /**
     * A leftover this user's run seems to have left (its lock free, its journal naming it), 4
     * subdirectories of 1000 files named as the victim's: at the first name the erasure deletes, a
     * planter process swaps that subdirectory, then the others, for a link to the victim's folder.
     * 20 runs, each must leave the victim whole.
     */
    @Test
    void aSubdirectorySwappedForALinkDuringErasureNeverLeadsOutside() throws Exception {
        Process planter =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:+UseSerialGC",
                                "-cp",
                                Proc.root().resolve("target/test-classes").toString(),
                                Planter.class.getName())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        int midway = 0;
        int ahead = 0;
        try (PrintWriter commands =
                        new PrintWriter(planter.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader said =
                        new BufferedReader(
                                new InputStreamReader(
                                        planter.getInputStream(), StandardCharsets.UTF_8))) {
            for (int run = 0; run < 20; run++) {
                Path dir = Files.createDirectories(work.resolve("race-" + run));
                Path shared = Files.createDirectories(dir.resolve("shared"));
                Path victim = Files.createDirectories(dir.resolve("victim"));
                Path moved = Files.createDirectories(dir.resolve("moved"));
                for (int i = 0; i < FILES; i++) {
                    Files.writeString(victim.resolve("witness-" + i + ".txt"), "statement " + i);
                }
                var victimBefore = Trees.hash(dir.resolve("victim"));
                Path tmp =
                        Files.createDirectory(shared.resolve(".sealpack-" + r(run + 1) + ".tmp"));
                for (int d = 0; d < SUBDIRECTORIES; d++) {
                    Path sub = Files.createDirectory(tmp.resolve(String.format("sub%02d", d)));
                    for (int f = 0; f < FILES; f++) {
                        Files.writeString(sub.resolve("witness-" + f + ".txt"), "x");
                    }
                }
                lock(shared, r(run + 1), "bag", "tmp=" + identity(tmp) + "\n");
                commands.println(tmp + "\t" + dir.resolve("victim") + "\t" + moved);
                assertThat(said.readLine()).isEqualTo("ready");

                Proc.Result result = open(shared, sealed, "bag");

                if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(
                            Files.createFile(
                                    tmp.resolve("wake"))); // the planter wakes even if nothing was
                    // erased
                }
                String swapped = said.readLine();
                assertThat(swapped).startsWith("swapped ");
                int inside = Integer.parseInt(swapped.substring(swapped.lastIndexOf(' ') + 1));
                midway += inside > 0 && inside < FILES ? 1 : 0;
                assertThat(result.exit()).as(result.toString()).isZero();
                assertThat(Trees.hash(dir.resolve("victim")))
                        .as("run %d: the victim's folder (%s)", run, swapped)
                        .isEqualTo(victimBefore);
                assertThat(shared.resolve("bag/data/first.txt")).hasContent("the first statement");
                try (Stream<Path> s = Files.list(moved)) {
                    ahead += (int) s.filter(m -> m.toFile().list().length == FILES).count();
                }
                assertThat(result.err().lines())
                        .allMatch(
                                l -> l.startsWith("sealpack: note: ") && l.contains("left alone"));
            }
        } finally {
            planter.destroy();
        }
        // How often the race was run: a subdirectory swapped while the erasure was inside it, or
        // before it got there.
        System.out.println(
                "LeftoversIT: in 20 runs, "
                        + midway
                        + " swaps while the erasure was inside the directory, "
                        + ahead
                        + " subdirectories swapped before it got there; the victim kept every file");
    }

    /**
     * A leftover whose files belong to another user: left alone and named (needs root, to chown).
     */
    @Test
    void anotherUsersLeftoversAreLeftAloneAndNamed() throws Exception {
        Requires.that(
                isRoot(),
                "root (files of another user are made with chown)",
                "run the tests as root, as CI does");
        Path shared = Files.createDirectories(work.resolve("others"));
        Path theirs = Files.createDirectories(shared.resolve(".sealpack-" + r(101) + ".tmp/sub"));
        Files.writeString(theirs.resolve("their.txt"), "theirs");
        lock(shared, r(101), "bag", "tmp=" + identity(theirs.getParent()) + "\n");
        // Mine (the lock, the top directory), with one of theirs inside.
        Path mixed = Files.createDirectories(shared.resolve(".sealpack-" + r(102) + ".tmp"));
        Files.writeString(mixed.resolve("mine.txt"), "mine");
        Files.createDirectories(mixed.resolve("theirs"));
        Files.writeString(mixed.resolve("theirs/their.txt"), "theirs");
        lock(shared, r(102), "bag", "tmp=" + identity(mixed) + "\n");
        chown(
                "12345",
                shared.resolve(".sealpack-" + r(101) + ".tmp"),
                shared.resolve(".sealpack-" + r(101) + ".lock"),
                mixed.resolve("theirs"));
        var before = Trees.hash(shared);

        Proc.Result r = open(shared, sealed, "bag");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err().lines().toList())
                .as(r.toString())
                .containsExactlyInAnyOrder(
                        "sealpack: note: "
                                + shared.resolve(".sealpack-" + r(101) + ".lock")
                                + " was left alone: it belongs to 12345, not to you (it may be their run, under way or cut short)",
                        "sealpack: note: "
                                + mixed.resolve("theirs")
                                + " was left alone: it belongs to 12345, not to you");
        before.remove(mixed.getFileName() + "/mine.txt");
        var after = Trees.hash(shared);
        after.keySet().removeIf(k -> k.startsWith("bag"));
        before.keySet().removeIf(k -> k.startsWith("bag"));
        assertThat(after).isEqualTo(before);
        assertThat(mixed.resolve("mine.txt")).as("what is mine in it is erased").doesNotExist();
    }

    /** A bag opened into {@code dir/name}: what a planter copies, and what a user keeps. */
    static Path opened(Path dir, Path file, String name) {
        Proc.Result r = open(dir, file, name);
        assertThat(r.exit()).as(r.toString()).isZero();
        return dir.resolve(name);
    }

    static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".sealpack-"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * A fake bag planted as {@code .sealpack-R.old} with a free lock naming the destination, or
     * another name: never put in place. The open itself goes on (exit 0) and one note names what
     * was left alone.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mine|case|does not record which bag was moved aside",
                "mine|elsewhere|does not record which bag was moved aside",
                "mine-recorded|case|it is not the directory that was moved aside",
                "mine-recorded|elsewhere|it is not the directory that was moved aside",
                "theirs|case|belongs to 12345, not to you",
                "theirs|elsewhere|belongs to 12345, not to you"
            })
    void aPlantedOldIsNeverPutInPlace(String owner, String named, String why) throws Exception {
        if (owner.equals("theirs")) {
            Requires.that(
                    isRoot(),
                    "root (files of another user are made with chown)",
                    "run the tests as root, as CI does");
        }
        Path dir = Files.createDirectories(work.resolve("planted-" + owner + "-" + named));
        Path fake = opened(dir, other, ".sealpack-" + r(7) + ".old");
        Files.writeString(fake.resolve("data/second.txt"), "This statement was RETRACTED\n");
        String records =
                owner.equals("mine-recorded")
                        ? "tmp=(dev=1,ino=1)\nold=(dev=1,ino=2)\ndigest=" + "0".repeat(128) + "\n"
                        : "";
        Path lock = lock(dir, r(7), named, records);
        if (owner.equals("theirs")) {
            chown("12345", fake, lock);
        }
        var before = Trees.hash(dir);

        Proc.Result r = open(dir, sealed, "case");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("sealpack: note: ").contains("was left alone", why);
        assertThat(dir.resolve("case/data/first.txt")).hasContent("the first statement");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
        var after = Trees.hash(dir);
        after.keySet().removeIf(k -> k.startsWith("case"));
        assertThat(after).as("the planted files are left as they were").isEqualTo(before);
    }

    /**
     * A replacement cut short (killed with the previous bag moved aside) whose previous bag was
     * then edited, or swapped for another bag of the user's: neither put back nor erased, and
     * named.
     */
    @ParameterizedTest
    @CsvSource({"edited", "swapped"})
    void aBagMovedAsideIsPutBackOnlyAsItWas(String change) throws Exception {
        Path dir = Files.createDirectories(work.resolve("aside-" + change));
        opened(dir, sealed, "bag");
        opened(dir, sealed, "mine");
        Proc.Result killed =
                Proc.sealpack(
                        dir,
                        Map.of(),
                        List.of("-Dsealpack.test.killAt=swap-aside"),
                        ("open "
                                        + other
                                        + Proc.openKeys().replace(" h", " " + work.resolve("h"))
                                        + " -o bag --force")
                                .split(" +"));
        assertThat(killed.exit()).as(killed.toString()).isEqualTo(128 + 9);
        Path aside =
                leftovers(dir).stream()
                        .filter(p -> p.toString().endsWith(".old"))
                        .findFirst()
                        .orElseThrow();
        if (change.equals("edited")) {
            Files.writeString(aside.resolve("data/first.txt"), "the first statement, annotated\n");
        } else {
            Files.move(aside, dir.resolve("moved-aside"));
            Files.move(dir.resolve("mine"), aside);
        }
        var before = Trees.hash(dir);

        Proc.Result r = open(dir, sealed, "next");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .startsWith(
                        "sealpack: note: "
                                + aside
                                + " was left alone, neither put back nor erased: ")
                .contains(
                        change.equals("edited")
                                ? "something in it was added or changed"
                                : "not the directory that was moved aside");
        assertThat(dir.resolve("bag")).doesNotExist();
        var after = Trees.hash(dir);
        after.keySet().removeIf(k -> k.startsWith("next"));
        assertThat(after).isEqualTo(before);
    }

    /**
     * open --force reads the bag it would replace once against its manifests: an edited file
     * refuses (4), named.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "data/first.txt|the FIRST statement~|checksum mismatch for 'data/first.txt'",
                "data/first.txt|the first statement, with a note of mine~|'data/first.txt'",
                "bag-info.txt|Title: mine~|bag-info.txt"
            })
    void forceNeverReplacesABagWhoseFilesWereEdited(String file, String text, String named)
            throws Exception {
        Path dir =
                Files.createDirectories(
                        work.resolve("edited-" + Math.abs((file + text).hashCode())));
        Path bag = opened(dir, sealed, "bag");
        Files.writeString(bag.resolve(file), text.replace("~", "\n"));
        var before = Trees.hash(dir);

        Proc.Result r = open(dir, other, "bag", "--force");

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OUTPUT_EXISTS.code);
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .startsWith(
                        "sealpack: error: bag is a bag opened earlier, but it was changed since: ")
                .contains(named);
        assertThat(Trees.hash(dir)).isEqualTo(before);
        assertThat(leftovers(dir)).isEmpty();
    }

    /**
     * Hostile leftovers of this user's name that no journal proves: each left alone and named, or
     * only a link removed.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "unrecorded|its lock file does not record it, and it is not empty",
                "other-identity|it is not the one sealpack made there",
                "link-to-victim|",
                "lock-is-link|it is not a regular file",
                "lock-is-fifo|it is not a regular file"
            })
    void leftoversNoJournalProvesAreLeftAlone(String kind, String why) throws Exception {
        Path dir = Files.createDirectories(work.resolve("hostile-" + kind));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("witness.txt"), "a witness statement");
        Path tmp = shared.resolve(".sealpack-" + r(9) + ".tmp");
        Path lock = shared.resolve(".sealpack-" + r(9) + ".lock");
        switch (kind) {
            case "link-to-victim" -> Files.createSymbolicLink(tmp, victim);
            default -> Files.writeString(Files.createDirectories(tmp).resolve("kept.txt"), "kept");
        }
        switch (kind) {
            case "unrecorded" -> lock(shared, r(9), "bag", "");
            case "other-identity" -> lock(shared, r(9), "bag", "tmp=(dev=1,ino=1)\n");
            case "link-to-victim" -> lock(shared, r(9), "bag", "tmp=" + identity(tmp) + "\n");
            case "lock-is-link" -> Files.createSymbolicLink(lock, victim.resolve("witness.txt"));
            default ->
                    assertThat(
                                    Proc.run(shared, Map.of(), List.of("mkfifo", lock.toString()))
                                            .exit())
                            .isZero();
        }
        var victimBefore = Trees.hash(victim);
        var before =
                Files.isSymbolicLink(tmp)
                        ? null
                        : Trees.hash(tmp); // (never read the FIFO: it would block)
        List<Path> leftBefore = leftovers(shared);

        Proc.Result r = open(shared, sealed, "bag");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Trees.hash(victim)).isEqualTo(victimBefore);
        if (why == null) {
            assertThat(r.err()).as("only the link is removed, as it names nothing").isEmpty();
            assertThat(leftovers(shared)).isEmpty();
            return;
        }
        assertThat(r.err().lines().toList())
                .as(r.toString())
                .singleElement()
                .asString()
                .startsWith("sealpack: note: " + shared)
                .contains("was left alone", why);
        assertThat(leftovers(shared)).isEqualTo(leftBefore);
        assertThat(Trees.hash(tmp)).isEqualTo(before);
    }

    static boolean isRoot() throws IOException {
        return Proc.run(work, Map.of(), List.of("id", "-u")).out().trim().equals("0");
    }

    static void chown(String uid, Path... paths) {
        for (Path p : paths) {
            assertThat(Proc.run(work, Map.of(), List.of("chown", "-R", uid, p.toString())).exit())
                    .isZero();
        }
    }
}
