package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.pgp.Hex;
import org.sealpack.report.People;
import org.sealpack.spec.Pins;

/**
 * A chain of custody holds for every hand (issue 27), through the real command line: an opened bag
 * is checked in full; a receipt counts once; a receipt's time is its signature's; records are read
 * as the schema says and within bounds; outputs are checked before any work; a courier of an
 * anonymous file signs a hand-over receipt that gpg verifies and the chain counts; a return copy
 * enters the chain as it arrives; receipts name the file by its name only, and an old receipt
 * naming a path still checks; a compromised custodian is named.
 */
class CustodyHoldsIT {
    @TempDir static Path dir;
    static Path k;
    static Path sealed;
    static Path anonymous;
    static GnuPG gpg;
    static final List<String> TRUST = new ArrayList<>();
    static final List<String> CHAIN = List.of("1-sender.md", "2-courier.md", "3-rapporteur.md");

    static CustodyChain chain;

    @BeforeAll
    static void chain() throws Exception {
        chain = new CustodyChain(dir).custodian("courier");
        k = chain.k;
        gpg = chain.gpg;
        chain.trust(
                k.resolve("signer.cert.asc"),
                keys("courier.cert.asc"),
                k.resolve("recipient.cert.asc"));
        TRUST.addAll(chain.trust);
        sealed = chain.seal("statement.sealed");
        anonymous = chain.seal("evidence.sealed", "--anonymous");
        chain.hand("verify", sealed, "1-sender.md", "signer");
        chain.hand("verify", sealed, "2-courier.md", "courier", "--after", "1-sender.md");
        chain.open(
                sealed,
                "bag",
                "3-rapporteur.md",
                "--after",
                "2-courier.md",
                "--receipt-to",
                k.resolve("signer.cert.asc").toString());
    }

    @AfterAll
    static void close() {
        if (chain != null) {
            chain.close();
        }
    }

    static String home() {
        return dir.resolve("h").toString();
    }

    static Path keys(String name) {
        return dir.resolve("keys").resolve(name);
    }

    static String r(String name) {
        return dir.resolve(name).toString();
    }

    static Cli.Run run(int exit, String... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(exit);
        if (exit != 0) {
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("sealpack: error: ").contains(". hint: ");
        }
        return run;
    }

    static Cli.Run check(int exit, Object target, List<String> receipts, String... more) {
        List<String> args = new ArrayList<>(List.of("custody", "check", target.toString()));
        receipts.forEach(name -> args.add(name.startsWith("/") ? name : r(name)));
        args.addAll(TRUST);
        args.addAll(List.of(more));
        if (!args.contains("--home")) {
            args.addAll(List.of("--home", dir.resolve("empty-home").toString()));
        }
        return run(exit, args.toArray(String[]::new));
    }

    /**
     * A copy of a receipt, changed, then signed again by its custodian with gpg (a custodian who
     * lies).
     */
    static void resign(
            String from,
            String to,
            String find,
            String replace,
            Path key,
            Path passphrase,
            String who)
            throws Exception {
        resign(from, to, Map.of(find, replace), key, passphrase, who);
    }

    /** The same, with several changes (each found, every occurrence replaced). */
    static void resign(
            String from,
            String to,
            Map<String, String> changes,
            Path key,
            Path passphrase,
            String who)
            throws Exception {
        String text = Files.readString(dir.resolve(from), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            assertThat(text).contains(change.getKey());
            text = text.replace(change.getKey(), change.getValue());
        }
        Files.writeString(dir.resolve(to), text, StandardCharsets.UTF_8);
        assertThat(gpg.importKey(key, passphrase).exit()).isZero();
        Proc.Result signed =
                gpg.sh(
                        dir,
                        "gpg --batch --yes --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(passphrase)
                                + " --digest-algo SHA512 -u "
                                + who
                                + " --armor --detach-sign -o "
                                + GnuPG.q(to + ".asc")
                                + " "
                                + GnuPG.q(to));
        assertThat(signed.exit()).as(signed.toString()).isZero();
    }

    @Test
    @Pins("R11.12")
    void anOpenedBagIsCheckedInFullAtRestFirstAsVerifyDirChecksIt() throws Exception {
        Cli.Run good = check(0, dir.resolve("bag"), CHAIN);
        assertThat(good.out())
                .contains("every checksum matches, nothing unlisted", "Verdict: GOOD");
        Path rewritten = dir.resolve("rewritten");
        run(
                0,
                "open",
                sealed.toString(),
                "--signer",
                k.resolve("signer.cert.asc").toString(),
                "--key",
                k.resolve("recipient.key.asc").toString(),
                "--passphrase-file",
                k.resolve("recipient.passphrase").toString(),
                "-o",
                rewritten.toString(),
                "--home",
                home());
        Files.writeString(rewritten.resolve("data/statement.txt"), "A statement rewritten.\n");
        Files.writeString(rewritten.resolve("data/planted.txt"), "planted\n");
        Path onlyTagManifest = Files.createDirectories(dir.resolve("only-tag-manifest"));
        Files.copy(
                dir.resolve("bag/tagmanifest-sha512.txt"),
                onlyTagManifest.resolve("tagmanifest-sha512.txt"));
        for (Path bag : List.of(rewritten, onlyTagManifest)) {
            int atRest =
                    Cli.run(
                                    "verify",
                                    bag.toString(),
                                    "--signer",
                                    k.resolve("signer.cert.asc").toString(),
                                    "--home",
                                    dir.resolve("empty-home").toString())
                            .exit();
            assertThat(atRest).isIn(ExitCode.BAG_INVALID.code, ExitCode.BAD_SIGNATURE.code);
            Cli.Run refused = check(atRest, bag, CHAIN);
            assertThat(refused.out()).doesNotContain("GOOD");
        }
    }

    @Test
    @Pins("R11.11")
    void aReceiptCountsOnceAndHandsAreNumberedByPosition() throws Exception {
        Cli.Run twice =
                check(
                        ExitCode.RECEIPT_REPEATED.code,
                        sealed,
                        List.of("1-sender.md", "2-courier.md", "2-courier.md"));
        assertThat(twice.err()).contains("2-courier.md is given twice");
        Files.copy(dir.resolve("2-courier.md"), dir.resolve("copy.md"));
        Files.copy(dir.resolve("2-courier.md.asc"), dir.resolve("copy.md.asc"));
        Cli.Run copy =
                check(
                        ExitCode.RECEIPT_REPEATED.code,
                        sealed,
                        List.of("1-sender.md", "2-courier.md", "copy.md"));
        assertThat(copy.err())
                .contains(
                        "receipts "
                                + r("2-courier.md")
                                + " and "
                                + r("copy.md")
                                + " are the same receipt");
        List<String> many = new ArrayList<>(List.of("1-sender.md", "2-courier.md"));
        for (int i = 0; i < 300; i++) {
            Files.copy(dir.resolve("2-courier.md"), dir.resolve("copy-" + i + ".md"));
            Files.copy(dir.resolve("2-courier.md.asc"), dir.resolve("copy-" + i + ".md.asc"));
            many.add("copy-" + i + ".md");
        }
        check(ExitCode.RECEIPT_REPEATED.code, sealed, many);
        String out =
                check(0, sealed, List.of("3-rapporteur.md", "1-sender.md", "2-courier.md")).out();
        assertThat(out)
                .contains("3 hands", "  #1  ", "  #2  ", "  #3  ", "follows #1", "follows #2")
                .doesNotContain("#4");
        assertThat(out.indexOf("1-sender.md")).isLessThan(out.indexOf("2-courier.md"));
    }

    /**
     * A receipt post-dated to 2099 (or back-dated) and signed now by a trusted custodian is
     * refused, not ordered by.
     */
    @Test
    @Pins("R11.8")
    void aReceiptsTimeMustBeItsSignaturesTime() throws Exception {
        String courierTime =
                Files.readString(dir.resolve("2-courier.md"))
                        .replaceAll("(?s).*\"checkedAt\" : \"([^\"]+)\".*", "$1");
        for (String year : List.of("2099", "2019")) {
            String name = "dated-" + year + ".md";
            resign(
                    "2-courier.md",
                    name,
                    "\"checkedAt\" : \"" + courierTime.substring(0, 4),
                    "\"checkedAt\" : \"" + year,
                    keys("courier.key.asc"),
                    k.resolve("other.passphrase"),
                    "courier@example.org");
            Cli.Run run = check(ExitCode.RECEIPT_TIME.code, sealed, List.of("1-sender.md", name));
            assertThat(run.err())
                    .contains(
                            name + " says it was made at " + year + "-",
                            "but its signature was made at",
                            "more than 15 minutes apart");
        }
        // record and signature both two hours ahead of the clock: post-dated (47), not "altered"
        Instant ahead = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String text =
                Files.readString(dir.resolve("2-courier.md"), StandardCharsets.UTF_8)
                        .replace(
                                "\"checkedAt\" : \"" + courierTime + "\"",
                                "\"checkedAt\" : \"" + ahead + "\"");
        Files.writeString(dir.resolve("post-dated.md"), text, StandardCharsets.UTF_8);
        assertThat(gpg.importKey(keys("courier.key.asc"), k.resolve("other.passphrase")).exit())
                .isZero();
        String faked = ahead.toString().replace("-", "").replace(":", "").replace("Z", "") + "!";
        Proc.Result signed =
                gpg.sh(
                        dir,
                        "gpg --batch --yes --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(k.resolve("other.passphrase"))
                                + " --faked-system-time "
                                + faked
                                + " --digest-algo SHA512 -u courier@example.org"
                                + " --armor --detach-sign -o post-dated.md.asc post-dated.md");
        assertThat(signed.exit()).as(signed.toString()).isZero();
        Cli.Run future =
                check(ExitCode.RECEIPT_TIME.code, sealed, List.of("1-sender.md", "post-dated.md"));
        assertThat(future.err())
                .contains("post-dated.md is post-dated", "in the future")
                .doesNotContain("altered");
    }

    @Test
    @Pins({"R11.1", "R11.6", "R11.15"})
    void eachRecordThatBreaksARuleOfTheSchemaIsRefusedWithItsOwnMessage() throws Exception {
        Path corpus = Proc.root().resolve("src/test/resources/receipts");
        List<Path> vectors;
        try (Stream<Path> s = Files.list(corpus)) {
            vectors =
                    s.filter(
                                    p ->
                                            p.toString().endsWith(".md")
                                                    && !p.getFileName()
                                                            .toString()
                                                            .equals("README.md"))
                            .sorted()
                            .toList();
        }
        assertThat(vectors).hasSizeGreaterThan(25);
        List<String> messages = new ArrayList<>();
        for (Path md : vectors) {
            Map<String, String> expect =
                    Cli.expectations(Path.of(md.toString().replaceAll("\\.md$", ".expect")));
            Cli.Run run =
                    check(
                            Integer.parseInt(expect.get("exit")),
                            sealed,
                            List.of("1-sender.md", md.toString()));
            assertThat(run.err())
                    .as(md.getFileName().toString())
                    .contains(
                            md.getFileName() + " is not a sealpack receipt: ",
                            expect.get("message"));
            messages.add(run.err());
        }
        assertThat(messages).doesNotHaveDuplicates();
    }

    @Test
    @Pins("R11.7")
    void receiptsAndSignaturesAreReadWithinTheirBounds() throws Exception {
        Path huge = dir.resolve("huge.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength((64L << 20) + 1);
        }
        Files.copy(dir.resolve("1-sender.md.asc"), dir.resolve("huge.md.asc"));
        assertThat(check(ExitCode.INPUT.code, sealed, List.of("huge.md")).err())
                .contains(
                        "the receipt "
                                + huge
                                + " has 67108865 bytes, more than any receipt sealpack writes (at most 67108864");
        Files.copy(dir.resolve("1-sender.md"), dir.resolve("big-sig.md"));
        try (RandomAccessFile f =
                new RandomAccessFile(dir.resolve("big-sig.md.asc").toFile(), "rw")) {
            f.setLength(2_500_000_000L);
        }
        assertThat(check(ExitCode.INPUT.code, sealed, List.of("big-sig.md")).err())
                .contains(
                        "the receipt signature " + r("big-sig.md.asc") + " has 2500000000 bytes",
                        "it was not read");
        String text = Files.readString(dir.resolve("1-sender.md"));
        Files.writeString(
                dir.resolve("long-note.md"),
                text.replace("\"note\" : null", "\"note\" : \"" + "x".repeat(1 << 20) + "\""));
        assertThat(check(ExitCode.INPUT.code, sealed, List.of("long-note.md")).err())
                .contains("its record block is not within its last 1048576 bytes");
    }

    /**
     * A receipt of several MiB (a long Markdown part in Tajik, so characters are cut between
     * reads), signed by its custodian with gpg: read in one pass, hashed and its signature checked
     * as it goes, its record found in the kept tail.
     */
    @Test
    @Pins("R11.7")
    void aLargeReceiptIsReadInOnePassAndChecks() throws Exception {
        String row =
                "| ` Эзоҳ ` | ` Баёнияи Иттиҳоди миллии Тоҷикистон дар бораи фоҷиаи Хуҷанд ` |\n";
        String table = "| Label | Value |\n|---|---|\n";
        resign(
                "3-rapporteur.md",
                "large.md",
                table,
                table + row.repeat(40_000),
                k.resolve("recipient.key.asc"),
                k.resolve("recipient.passphrase"),
                field("3-rapporteur.md", "custodian", "fingerprint"));
        assertThat(Files.size(dir.resolve("large.md"))).isGreaterThan(4L << 20);
        assertThat(check(0, sealed, List.of("1-sender.md", "2-courier.md", "large.md")).out())
                .contains("3 hands", "Verdict: GOOD");
    }

    @Test
    void outputsAreCheckedWithoutFollowingLinksBeforeAnyWork() throws Exception {
        Path dangling = dir.resolve("dangling.md");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere/target.md"));
        Cli.Run report =
                check(ExitCode.OUTPUT_EXISTS.code, sealed, CHAIN, "--report", dangling.toString());
        assertThat(report.out()).isEmpty();
        assertThat(report.err()).contains("the report " + dangling + " exists (a symbolic link");
        String signer = k.resolve("signer.cert.asc").toString();
        Cli.Run receipt =
                run(
                        ExitCode.OUTPUT_EXISTS.code,
                        "verify",
                        sealed.toString(),
                        "--signer",
                        signer,
                        "--receipt",
                        dangling.toString(),
                        "--home",
                        home());
        assertThat(receipt.out()).isEmpty();
        for (String option : List.of("--receipt", "--report")) {
            List<String> args =
                    new ArrayList<>(
                            option.equals("--receipt")
                                    ? List.of(
                                            "verify",
                                            sealed.toString(),
                                            "--signer",
                                            signer,
                                            "--home",
                                            home())
                                    : List.of(
                                            "custody",
                                            "check",
                                            sealed.toString(),
                                            r("1-sender.md"),
                                            "--signer",
                                            signer,
                                            "--home",
                                            home()));
            args.addAll(List.of(option, dir.resolve("nodir/x.md").toString()));
            Cli.Run nodir = run(ExitCode.INPUT.code, args.toArray(String[]::new));
            assertThat(nodir.err())
                    .contains(
                            "the directory for the "
                                    + (option.equals("--receipt") ? "receipt" : "report")
                                    + " "
                                    + dir.resolve("nodir/x.md")
                                    + " does not exist")
                    .doesNotContain(".sealpack-");
            assertThat(nodir.out()).isEmpty();
        }
        assertThat(dir.resolve("nowhere")).doesNotExist();
        assertThat(dir.resolve("nodir")).doesNotExist();
        // a trailing slash names a directory: refused, never a file named newdir (an attack run)
        for (String command : List.of("verify", "carry")) {
            Cli.Run slash =
                    command.equals("verify")
                            ? run(
                                    ExitCode.USAGE.code,
                                    "verify",
                                    sealed.toString(),
                                    "--signer",
                                    signer,
                                    "--receipt",
                                    dir.resolve("newdir") + "/",
                                    "--home",
                                    home())
                            : run(
                                    ExitCode.USAGE.code,
                                    "custody",
                                    "carry",
                                    anonymous.toString(),
                                    "--receipt",
                                    dir.resolve("newdir") + "/",
                                    "--sign-receipt",
                                    keys("courier.key.asc").toString(),
                                    "--passphrase-file",
                                    k.resolve("other.passphrase").toString(),
                                    "--home",
                                    home());
            assertThat(slash.err()).contains("names a directory (it ends with a slash)");
            assertThat(dir.resolve("newdir")).doesNotExist();
            assertThat(dir.resolve("newdir.asc")).doesNotExist();
        }
    }

    /**
     * Seizure mode: a courier holds no key for an anonymous file, and signs a hand-over receipt
     * (CARRIED) that gpg verifies; the recipient opens it; the chain checks GOOD and says who
     * verified the origin.
     */
    @Test
    @Pins("R11.9")
    void aSeizureModeChainOfACarryAndAnOpenChecksGood() throws Exception {
        Cli.Run noKey =
                run(ExitCode.NOT_VERIFIABLE.code, "verify", anonymous.toString(), "--home", home());
        assertThat(noKey.err()).contains("sealpack custody carry FILE --receipt R");
        Cli.Run carry =
                run(
                        0,
                        "custody",
                        "carry",
                        anonymous.toString(),
                        "--receipt",
                        r("s1-courier.md"),
                        "--sign-receipt",
                        keys("courier.key.asc").toString(),
                        "--passphrase-file",
                        k.resolve("other.passphrase").toString(),
                        "--note",
                        "carried across the border",
                        "--home",
                        home());
        assertThat(carry.out()).contains("Nothing was checked");
        String courier = Files.readString(dir.resolve("s1-courier.md"));
        assertThat(courier)
                .contains(
                        "\"job\" : \"carry\"",
                        "\"verdict\" : \"CARRIED\"",
                        "\"exitCode\" : 0",
                        "\"name\" : \"evidence.sealed\"",
                        "\"bytes\" : " + Files.size(anonymous));
        var schema =
                com.networknt.schema.JsonSchemaFactory.getInstance(
                                com.networknt.schema.SpecVersion.VersionFlag.V202012)
                        .getSchema(
                                Files.readString(Proc.root().resolve("docs/receipt.schema.json")));
        String record =
                courier.substring(
                        courier.lastIndexOf("```json sealpack-receipt-1\n") + 27,
                        courier.length() - 4);
        assertThat(
                        schema.validate(
                                new com.fasterxml.jackson.databind.ObjectMapper().readTree(record)))
                .as(record)
                .isEmpty();
        assertThat(gpg.importKey(keys("courier.cert.asc"), null).exit()).isZero();
        Proc.Result v = gpg.sh(dir, "gpg --batch --verify s1-courier.md.asc s1-courier.md");
        assertThat(v.exit()).as(v.toString()).isZero();
        assertThat(v.err()).contains("Good signature from \"courier <courier@example.org>\"");
        Cli.Run onlyCarried = check(0, anonymous, List.of("s1-courier.md"));
        assertThat(onlyCarried.out())
                .contains(
                        "carry: carried; origin not checkable: anonymous file",
                        "1 of 1 hand only carried the file",
                        "NO hand verified its origin");
        run(
                0,
                "open",
                anonymous.toString(),
                "--key",
                k.resolve("recipient.key.asc").toString(),
                "--signer",
                k.resolve("signer.cert.asc").toString(),
                "--passphrase-file",
                k.resolve("recipient.passphrase").toString(),
                "-o",
                dir.resolve("evidence").toString(),
                "--receipt",
                r("s2-recipient.md"),
                "--sign-receipt",
                k.resolve("recipient.key.asc").toString(),
                "--after",
                r("s1-courier.md"),
                "--home",
                home());
        for (Path target : List.of(anonymous, dir.resolve("evidence"))) {
            Cli.Run chain = check(0, target, List.of("s2-recipient.md", "s1-courier.md"));
            assertThat(chain.out())
                    .contains(
                            "2 hands",
                            "carried; origin not checkable: anonymous file",
                            "1 of 2 hands only carried the file (origin not checkable: anonymous file); hand #2 first verified its origin");
            assertThat(chain.out().indexOf("s1-courier.md"))
                    .isLessThan(chain.out().indexOf("s2-recipient.md"));
        }
        Cli.Run json = check(0, anonymous, List.of("s2-recipient.md", "s1-courier.md"), "--json");
        assertThat(json.out())
                .contains(
                        "\"carried\" : 1",
                        "\"originFirstVerifiedBy\" : 2",
                        "\"verdict\" : \"CARRIED\"");
    }

    /**
     * The return trip: the receipt sent back encrypted to the sender (FILE.pgp) enters the chain as
     * it arrived.
     */
    @Test
    @Pins("R11.10")
    void aReturnCopyEntersTheChainAsItArrives() throws Exception {
        List<String> returned = List.of("1-sender.md", "2-courier.md", "3-rapporteur.md.pgp");
        Cli.Run chain =
                check(
                        0,
                        sealed,
                        returned,
                        "--key",
                        k.resolve("signer.key.asc").toString(),
                        "--passphrase-file",
                        k.resolve("signer.passphrase").toString());
        assertThat(chain.out())
                .contains(
                        "3 hands", "3-rapporteur.md.pgp (return copy, decrypted)", "Verdict: GOOD");
        check(
                ExitCode.RECEIPT_REPEATED.code,
                sealed,
                List.of("1-sender.md", "2-courier.md", "3-rapporteur.md", "3-rapporteur.md.pgp"),
                "--key",
                k.resolve("signer.key.asc").toString(),
                "--passphrase-file",
                k.resolve("signer.passphrase").toString());
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.md.pgp").toFile(), "rw")) {
            f.setLength(1L << 30);
        }
        assertThat(check(ExitCode.INPUT.code, sealed, List.of("huge.md.pgp")).err())
                .contains(
                        "the return receipt " + r("huge.md.pgp") + " has 1073741824 bytes",
                        "it was not read");
        Files.copy(sealed, dir.resolve("sealed.md.pgp"));
        assertThat(
                        check(
                                        ExitCode.INPUT.code,
                                        sealed,
                                        List.of("sealed.md.pgp"),
                                        "--key",
                                        k.resolve("signer.key.asc").toString(),
                                        "--passphrase-file",
                                        k.resolve("signer.passphrase").toString())
                                .err())
                .contains(
                        "is not a return receipt as sealpack writes it: it is not an encrypted OpenPGP message");
        // The rapporteur's return copy, signed for the sender but encrypted to someone else
        // (forwarded).
        var rapporteur = org.sealpack.pgp.KeyFiles.readSecretKey(k.resolve("recipient.key.asc"));
        byte[] forwarded =
                org.sealpack.pgp.Forwarded.returnCopy(
                        Files.readAllBytes(dir.resolve("3-rapporteur.md")),
                        "3-rapporteur.md",
                        rapporteur.unlock(
                                Files.readString(k.resolve("recipient.passphrase"))
                                        .strip()
                                        .toCharArray()),
                        org.sealpack.pgp.KeyFiles.readCertificate(k.resolve("signer.cert.asc")),
                        org.sealpack.pgp.KeyFiles.readCertificate(k.resolve("other.cert.asc")));
        Files.createDirectories(dir.resolve("forwarded"));
        Files.write(dir.resolve("forwarded/3-rapporteur.md.pgp"), forwarded);
        Cli.Run forward =
                check(
                        ExitCode.RECEIPT_ALTERED.code,
                        sealed,
                        List.of("1-sender.md", "2-courier.md", "forwarded/3-rapporteur.md.pgp"),
                        "--key",
                        k.resolve("other.key.asc").toString(),
                        "--passphrase-file",
                        k.resolve("other.passphrase").toString());
        String sender = field("1-sender.md", "custodian", "fingerprint");
        assertThat(forward.err())
                .contains(
                        "was signed for " + Hex.grouped(sender),
                        "not for the key that decrypted it",
                        "it was forwarded")
                .doesNotContain(sender);
        Cli.Run noKey = check(ExitCode.NOT_RECIPIENT.code, sealed, returned);
        assertThat(noKey.err())
                .contains(
                        "the return receipt " + r("3-rapporteur.md.pgp") + " cannot be decrypted");
    }

    /**
     * A return copy's armor is read as strictly as a .asc's: anything before or after it is refused
     * (3); a v6 copy (SEIPD v2, OCB) with one bit flipped is an altered copy (23), its own message,
     * not a library's.
     */
    @Test
    @Pins("R11.10")
    void aReturnCopyWithAnythingAroundItsArmorOrAlteredIsRefused() throws Exception {
        String armored = Files.readString(dir.resolve("3-rapporteur.md.pgp"));
        Files.writeString(dir.resolve("before.md.pgp"), "\0\0\0 see below\n" + armored);
        Files.writeString(dir.resolve("after.md.pgp"), armored + "a line no signature covers\n");
        String[] key = {
            "--key",
            k.resolve("signer.key.asc").toString(),
            "--passphrase-file",
            k.resolve("signer.passphrase").toString()
        };
        assertThat(check(ExitCode.INPUT.code, sealed, List.of("before.md.pgp"), key).err())
                .contains(
                        "is not a return receipt as sealpack writes it: its armor does not start"
                                + " with the line -----BEGIN PGP MESSAGE-----");
        assertThat(check(ExitCode.INPUT.code, sealed, List.of("after.md.pgp"), key).err())
                .contains(
                        "is not a return receipt as sealpack writes it: its armor has text after"
                                + " its END line");
        for (String name : List.of("v6", "v6c")) {
            run(
                    0,
                    "keys",
                    "generate",
                    "--name",
                    name,
                    "--email",
                    name + "@example.org",
                    "--no-passphrase",
                    "--profile",
                    "rfc9580",
                    "-o",
                    dir.resolve("keys").toString(),
                    "--file-name",
                    name);
        }
        run(
                0,
                "verify",
                sealed.toString(),
                "--signer",
                k.resolve("signer.cert.asc").toString(),
                "--receipt",
                r("v6.md"),
                "--sign-receipt",
                keys("v6c.key.asc").toString(),
                "--receipt-to",
                keys("v6.cert.asc").toString(),
                "--home",
                home());
        Proc.Result binary = gpg.sh(dir, "gpg --batch --yes --dearmor -o v6.md.bin v6.md.pgp");
        assertThat(binary.exit()).as(binary.toString()).isZero();
        byte[] copy = Files.readAllBytes(dir.resolve("v6.md.bin"));
        copy[copy.length - 100] ^= 1;
        Files.write(dir.resolve("v6-altered.md.pgp"), copy);
        Cli.Run altered =
                check(
                        ExitCode.TAMPERED.code,
                        sealed,
                        List.of("v6-altered.md.pgp"),
                        "--signer",
                        keys("v6c.cert.asc").toString(),
                        "--key",
                        keys("v6.key.asc").toString());
        assertThat(altered.err())
                .contains("failed its integrity check (AEAD): it was altered")
                .doesNotContain("Exception");
    }

    /**
     * Receipts name the file by its name only; a receipt of the old form, naming a path, still
     * checks.
     */
    @Test
    void receiptsNameTheFileByItsNameOnlyAndOldReceiptsStillCheck() throws Exception {
        for (String name : CHAIN) {
            String text = Files.readString(dir.resolve(name));
            assertThat(text)
                    .contains(
                            "\"name\" : \"statement.sealed\"", "| Archive | ` statement.sealed ` |")
                    .doesNotContain(dir.toString());
        }
        resign(
                "1-sender.md",
                "old-sender.md",
                "statement.sealed",
                "/home/rustam/cases/itk3/statement.sealed",
                k.resolve("signer.key.asc"),
                k.resolve("signer.passphrase"),
                "signer@test.sealpack.invalid");
        check(0, sealed, List.of("old-sender.md"));
    }

    /**
     * A custodian whose key was revoked as compromised: the line names the receipt and the
     * custodian, also when its old certificate is given by file (the keyring's revocation holds);
     * and that key, given by file, signs no new receipt (14).
     */
    @Test
    void aReceiptOfACompromisedCustodianNamesTheReceiptAndTheCustodian() throws Exception {
        Path h = dir.resolve("lost-home");
        run(
                0,
                "keys",
                "generate",
                "--name",
                "Lost Laptop",
                "--email",
                "lost@example.org",
                "--passphrase-file",
                k.resolve("other.passphrase").toString(),
                "-o",
                dir.resolve("keys").toString(),
                "--file-name",
                "lost");
        run(
                0,
                "verify",
                sealed.toString(),
                "--signer",
                k.resolve("signer.cert.asc").toString(),
                "--receipt",
                r("lost.md"),
                "--sign-receipt",
                keys("lost.key.asc").toString(),
                "--passphrase-file",
                k.resolve("other.passphrase").toString(),
                "--after",
                r("1-sender.md"),
                "--home",
                home());
        run(0, "keys", "import", keys("lost.key.asc").toString(), "--home", h.toString());
        run(
                0,
                "keys",
                "revoke",
                "lost@example.org",
                "--reason",
                "compromised",
                "--passphrase-file",
                k.resolve("other.passphrase").toString(),
                "--home",
                h.toString());
        run(
                0,
                "keys",
                "export",
                "lost@example.org",
                "-o",
                r("lost-revoked.cert.asc"),
                "--home",
                h.toString());
        Cli.Run run =
                check(
                        ExitCode.SIGNER_REVOKED.code,
                        sealed,
                        List.of("1-sender.md", "lost.md"),
                        "--signer",
                        r("lost-revoked.cert.asc"));
        assertThat(run.err())
                .contains(
                        "receipt " + r("lost.md") + " is signed by the custodian",
                        "Lost Laptop",
                        "whose key is revoked",
                        "ask that custodian")
                .doesNotContain("ask the sender for their current key");
        // the custodian's old certificate file, given by --signer, does not undo the revocation
        // the keyring holds (an attack run: GOOD with the file, 14 from the keyring)
        Cli.Run byFile =
                check(
                        ExitCode.SIGNER_REVOKED.code,
                        sealed,
                        List.of("1-sender.md", "lost.md"),
                        "--signer",
                        keys("lost.cert.asc").toString(),
                        "--home",
                        h.toString());
        assertThat(byFile.err()).contains("receipt " + r("lost.md"), "whose key is revoked");
        // and the compromised key, given by file, signs no new receipt
        Cli.Run signing =
                run(
                        ExitCode.SIGNER_REVOKED.code,
                        "verify",
                        sealed.toString(),
                        "--signer",
                        k.resolve("signer.cert.asc").toString(),
                        "--receipt",
                        r("lost-again.md"),
                        "--sign-receipt",
                        keys("lost.key.asc").toString(),
                        "--passphrase-file",
                        k.resolve("other.passphrase").toString(),
                        "--home",
                        h.toString());
        assertThat(signing.err())
                .contains("--sign-receipt: ", "Lost Laptop", "was revoked", "compromised")
                .contains("it signs no receipt")
                .doesNotContain("can no longer seal");
        assertThat(dir.resolve("lost-again.md")).doesNotExist();
        assertThat(dir.resolve("lost-again.md.asc")).doesNotExist();
    }

    /**
     * A hand-over is recorded only for an anonymous sealed file: bytes that are no sealed file are
     * refused as inspect refuses them, and a signed file is verified rather than carried (an attack
     * run: a chain of carries over random bytes checked GOOD, "anonymous file"). Neither writes a
     * receipt.
     */
    @Test
    @Pins("R11.9")
    void onlyAnAnonymousSealedFileIsCarried() throws Exception {
        Path junk = dir.resolve("junk.sealed");
        Files.write(junk, new byte[5000]);
        for (Object[] c :
                new Object[][] {
                    {junk, ExitCode.MALFORMED.code, "carry-junk.md", "not"},
                    {sealed, ExitCode.USAGE.code, "carry-signed.md", "has an outer signature"}
                }) {
            Cli.Run carry =
                    run(
                            (Integer) c[1],
                            "custody",
                            "carry",
                            c[0].toString(),
                            "--receipt",
                            r((String) c[2]),
                            "--sign-receipt",
                            keys("courier.key.asc").toString(),
                            "--passphrase-file",
                            k.resolve("other.passphrase").toString(),
                            "--home",
                            home());
            assertThat(carry.err()).contains((String) c[3]);
            assertThat(dir.resolve((String) c[2])).doesNotExist();
            assertThat(dir.resolve(c[2] + ".asc")).doesNotExist();
        }
    }

    /**
     * The record's custodian is the key that signed it, by fingerprint and by name: a custodian who
     * signs a record naming someone else (an attack run: "UN Special Rapporteur") is refused, since
     * a reader of the record would take the receipt for that person's.
     */
    @Test
    @Pins("R11.2")
    void aRecordNamingItsCustodianAsSomeoneElseIsRefused() throws Exception {
        String text = Files.readString(dir.resolve("2-courier.md"));
        String named =
                text.replaceAll("(?s).*\"custodian\" : \\{[^}]*\"userId\" : \"([^\"]+)\".*", "$1");
        assertThat(named).contains("courier@example.org");
        resign(
                "2-courier.md",
                "renamed-courier.md",
                "\"userId\" : \"" + named + "\"",
                "\"userId\" : \"UN Special Rapporteur <sr@example.org>\"",
                keys("courier.key.asc"),
                k.resolve("other.passphrase"),
                "courier@example.org");
        Cli.Run run =
                check(
                        ExitCode.RECEIPT_ALTERED.code,
                        sealed,
                        List.of("1-sender.md", "renamed-courier.md"));
        String fingerprint = field("2-courier.md", "custodian", "fingerprint");
        assertThat(run.err())
                .contains(
                        "UN Special Rapporteur",
                        "not a user ID of the key that signed it (" + Hex.grouped(fingerprint))
                .doesNotContain(fingerprint);
    }

    /** A value of the record of a receipt written in this run (a field of a named object). */
    static String field(String receipt, String object, String field) throws Exception {
        String text = Files.readString(dir.resolve(receipt));
        return text.replaceAll(
                "(?s).*\"" + object + "\" : \\{[^}]*\"" + field + "\" : \"([^\"]+)\".*", "$1");
    }

    /**
     * The record's signer is the file's: a custodian who signs a receipt saying "signed by X" of a
     * file signed by Y is refused (42, as a receipt of another file), by fingerprint and by user
     * ID, for the sealed file and for the opened bag (whose bag signature made it).
     */
    @Test
    @Pins("R11.13")
    void aRecordNamingAnotherSignerThanTheFilesIsRefused() throws Exception {
        String signer = field("2-courier.md", "signer", "fingerprint");
        String other = field("3-rapporteur.md", "custodian", "fingerprint");
        assertThat(signer).matches("[0-9A-F]{40}").isNotEqualTo(other);
        resign(
                "2-courier.md",
                "other-signer.md",
                Map.of(signer, other, Hex.grouped(signer), Hex.grouped(other)),
                keys("courier.key.asc"),
                k.resolve("other.passphrase"),
                "courier@example.org");
        for (Path target : List.of(sealed, dir.resolve("bag"))) {
            Cli.Run run =
                    check(
                            ExitCode.RECEIPT_OTHER_FILE.code,
                            target,
                            List.of("1-sender.md", "other-signer.md", "3-rapporteur.md"));
            assertThat(run.err())
                    .contains(
                            "other-signer.md says the file is signed by "
                                    + Hex.grouped(other)
                                    + ", but ",
                            " is signed by ",
                            Hex.grouped(signer))
                    .doesNotContain(other);
        }
        String uid = field("2-courier.md", "signer", "userId");
        resign(
                "2-courier.md",
                "other-signer-name.md",
                Map.of(
                        "\"userId\" : \"" + uid + "\"",
                        "\"userId\" : \"UN Special Rapporteur <sr@example.org>\"",
                        "| User ID | ` " + uid + " ` |",
                        "| User ID | ` UN Special Rapporteur <sr@example.org> ` |"),
                keys("courier.key.asc"),
                k.resolve("other.passphrase"),
                "courier@example.org");
        Cli.Run run =
                check(
                        ExitCode.RECEIPT_OTHER_FILE.code,
                        sealed,
                        List.of("1-sender.md", "other-signer-name.md"));
        assertThat(run.err())
                .contains(
                        "names the file's signer \"UN Special Rapporteur <sr@example.org>\"",
                        "not a user ID of the key that signed");
        // A custodian's GOOD receipt of the anonymous file saying its outer signature passed: it
        // has
        // none.
        String sha = field("2-courier.md", "sealedFile", "sha256");
        String anonymousSha =
                java.util.HexFormat.of()
                        .formatHex(
                                java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(anonymous)));
        String bytes =
                Files.readString(dir.resolve("2-courier.md"))
                        .replaceAll("(?s).*\"bytes\" : ([0-9]+).*", "$1");
        resign(
                "2-courier.md",
                "outer-of-anonymous.md",
                Map.of(
                        sha,
                        anonymousSha,
                        "statement.sealed",
                        "evidence.sealed",
                        "\"bytes\" : " + bytes,
                        "\"bytes\" : " + Files.size(anonymous),
                        "| Archive size | " + bytes + " bytes |",
                        "| Archive size | " + Files.size(anonymous) + " bytes |"),
                keys("courier.key.asc"),
                k.resolve("other.passphrase"),
                "courier@example.org");
        assertThat(
                        check(
                                        ExitCode.RECEIPT_OTHER_FILE.code,
                                        anonymous,
                                        List.of("outer-of-anonymous.md"))
                                .err())
                .contains(
                        "outer-of-anonymous.md says the outer signature of the file passed, but "
                                + anonymous
                                + " has none (an anonymous file)");
    }

    /**
     * Whatever is given as a receipt, its signature or a return copy and is not a regular file (a
     * FIFO with no writer, a directory, a device) is refused before it is opened (3): opening a
     * FIFO would wait for ever. The timeout only guards against a hang; the check does not depend
     * on it.
     */
    @Test
    @Pins("R11.7")
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReceiptThatIsNoRegularFileIsRefusedBeforeItIsOpened() throws Exception {
        Path fifos = Files.createDirectory(dir.resolve("fifos"));
        for (String name : List.of("fifo.md", "fifo-sig.md.asc", "fifo-back.md.pgp")) {
            Proc.Result made = Proc.run(fifos, Map.of(), List.of("mkfifo", name));
            assertThat(made.exit()).as(made.toString()).isZero();
        }
        Files.copy(dir.resolve("1-sender.md"), fifos.resolve("fifo-sig.md"));
        Files.createDirectory(fifos.resolve("folder.md"));
        Object[][] cases = {
            {"fifo.md", "the receipt " + fifos.resolve("fifo.md"), "a FIFO (named pipe)"},
            {
                "fifo-sig.md",
                "the receipt signature " + fifos.resolve("fifo-sig.md.asc"),
                "a FIFO (named pipe)"
            },
            {
                "fifo-back.md.pgp",
                "the return receipt " + fifos.resolve("fifo-back.md.pgp"),
                "a FIFO (named pipe)"
            },
            {"folder.md", "the receipt " + fifos.resolve("folder.md"), "a directory"},
        };
        for (Object[] c : cases) {
            Cli.Run run =
                    check(
                            ExitCode.INPUT.code,
                            sealed,
                            List.of("1-sender.md", fifos.resolve((String) c[0]).toString()));
            assertThat(run.err())
                    .contains(c[1] + " is not a regular file (" + c[2] + "); it was not opened");
        }
        Cli.Run device = check(ExitCode.INPUT.code, sealed, List.of("/dev/null"));
        assertThat(device.err())
                .contains("the receipt /dev/null is not a regular file (a character device)");
        // /dev/zero as a return copy: never read (an attack run read it without end)
        Path zero = fifos.resolve("zero.md.pgp");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        Cli.Run endless = check(ExitCode.INPUT.code, sealed, List.of(zero.toString()));
        assertThat(endless.err())
                .contains(
                        "the return receipt "
                                + zero
                                + " is not a regular file (a character device)");
        // the sealed file custody check reads, and the file custody carry reads: a FIFO is refused
        // before it is opened, no hang
        Proc.Result made = Proc.run(fifos, Map.of(), List.of("mkfifo", "fifo.sealed"));
        assertThat(made.exit()).as(made.toString()).isZero();
        Path fifoSealed = fifos.resolve("fifo.sealed");
        Cli.Run target = check(ExitCode.INPUT.code, fifoSealed, List.of("1-sender.md"));
        assertThat(target.err())
                .contains(
                        "the sealed file "
                                + fifoSealed
                                + " is not a regular file (a FIFO (named"
                                + " pipe)); it was not opened");
        Cli.Run carried =
                run(
                        ExitCode.INPUT.code,
                        "custody",
                        "carry",
                        fifoSealed.toString(),
                        "--receipt",
                        fifos.resolve("carried.md").toString(),
                        "--sign-receipt",
                        keys("courier.key.asc").toString(),
                        "--passphrase-file",
                        k.resolve("other.passphrase").toString(),
                        "--home",
                        home());
        assertThat(carried.err())
                .contains("the file to carry " + fifoSealed + " is not a regular file");
        assertThat(fifos.resolve("carried.md")).doesNotExist();
    }

    /**
     * A return copy made by stock gpg (`gpg --sign --encrypt`, no Intended Recipient Fingerprint in
     * its signature) cannot show it was sent to the key that decrypted it: refused (40) with a hint
     * naming the pair to give instead; that pair, decrypted by gpg and with the custodian's .asc,
     * checks (R11.10).
     */
    @Test
    @Pins("R11.10")
    void aReturnCopyWhoseSignatureNamesNoIntendedRecipientIsRefused() throws Exception {
        assertThat(gpg.importKey(keys("courier.key.asc"), k.resolve("other.passphrase")).exit())
                .isZero();
        assertThat(gpg.importKey(k.resolve("signer.cert.asc"), null).exit()).isZero();
        Path back = Files.createDirectory(dir.resolve("gpg-back"));
        Proc.Result made =
                gpg.sh(
                        dir,
                        "gpg --batch --yes --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(k.resolve("other.passphrase"))
                                + " --trust-model always -z 0 --armor --digest-algo SHA512"
                                + " -u courier@example.org -r signer@test.sealpack.invalid"
                                + " --set-filename 2-courier.md --sign --encrypt -o "
                                + GnuPG.q(back.resolve("2-courier.md.pgp"))
                                + " 2-courier.md");
        assertThat(made.exit()).as(made.toString()).isZero();
        String[] key = {
            "--key",
            k.resolve("signer.key.asc").toString(),
            "--passphrase-file",
            k.resolve("signer.passphrase").toString()
        };
        Cli.Run refused =
                check(
                        ExitCode.RECEIPT_ALTERED.code,
                        sealed,
                        List.of("1-sender.md", back.resolve("2-courier.md.pgp").toString()),
                        key);
        assertThat(refused.err())
                .contains(
                        "names no intended recipient in its signature",
                        "it cannot show that it was sent to the key that decrypted it",
                        Hex.grouped(field("1-sender.md", "custodian", "fingerprint")),
                        "give that pair",
                        "2-courier.md and 2-courier.md.asc");
        Proc.Result decrypted =
                gpg.sh(
                        back,
                        "gpg --batch --yes --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(k.resolve("signer.passphrase"))
                                + " --import "
                                + GnuPG.q(k.resolve("signer.key.asc"))
                                + " && gpg --batch --yes --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(k.resolve("signer.passphrase"))
                                + " -o 2-courier.md --decrypt 2-courier.md.pgp");
        assertThat(decrypted.exit()).as(decrypted.toString()).isZero();
        Files.copy(dir.resolve("2-courier.md.asc"), back.resolve("2-courier.md.asc"));
        check(0, sealed, List.of("1-sender.md", back.resolve("2-courier.md").toString()));
    }

    /**
     * A receipt's Markdown, which people read, must be what sealpack writes for its record
     * (R11.14): the vectors of src/test/resources/receipts/markdown (an unclosed HTML comment that
     * hides the record from a renderer, a GOOD Markdown over a FAILED record, a paragraph sealpack
     * never writes), filled from the courier's receipt and signed by the courier with gpg, are each
     * refused (3) naming the first line that differs; the control, as sealpack writes it, checks.
     */
    @Test
    @Pins("R11.14")
    void aReceiptWhoseMarkdownIsNotWhatSealpackWritesForItsRecordIsRefused() throws Exception {
        String courier = Files.readString(dir.resolve("2-courier.md"));
        JsonNode r =
                new ObjectMapper()
                        .readTree(
                                courier.substring(
                                        courier.lastIndexOf("```json sealpack-receipt-1\n") + 27,
                                        courier.length() - 4));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("@CHECKED_AT_UTC@", People.time(Instant.parse(r.get("checkedAt").asText())));
        values.put("@CHECKED_AT@", r.get("checkedAt").asText());
        values.put("@VERSION@", r.get("software").asText().substring("sealpack ".length()));
        values.put("@CUSTODIAN_UID@", r.at("/custodian/userId").asText());
        values.put("@CUSTODIAN_FPR_GROUPED@", Hex.grouped(r.at("/custodian/fingerprint").asText()));
        values.put("@CUSTODIAN_FPR@", r.at("/custodian/fingerprint").asText());
        values.put("@AFTER@", r.at("/after/0").asText());
        values.put("@NAME@", r.at("/sealedFile/name").asText());
        values.put("@BYTES@", r.at("/sealedFile/bytes").asText());
        values.put("@SHA256@", r.at("/sealedFile/sha256").asText());
        values.put("@SIGNER_UID@", r.at("/signer/userId").asText());
        values.put("@SIGNER_FPR_GROUPED@", Hex.grouped(r.at("/signer/fingerprint").asText()));
        values.put("@SIGNER_FPR@", r.at("/signer/fingerprint").asText());
        values.put("@KEYID_1@", r.at("/recipients/0/keyId").asText());
        values.put("@KEYID_2@", r.at("/recipients/1/keyId").asText());
        assertThat(gpg.importKey(keys("courier.key.asc"), k.resolve("other.passphrase")).exit())
                .isZero();
        Path corpus = Proc.root().resolve("src/test/resources/receipts/markdown");
        List<Path> vectors;
        try (Stream<Path> s = Files.list(corpus)) {
            vectors =
                    s.filter(
                                    p ->
                                            p.toString().endsWith(".md")
                                                    && !p.getFileName()
                                                            .toString()
                                                            .equals("README.md"))
                            .sorted()
                            .toList();
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(4);
        for (Path vector : vectors) {
            String text = Files.readString(vector, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            assertThat(text).doesNotContainPattern("@[A-Z_0-9]+@");
            String name = "markdown-" + vector.getFileName();
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
            Proc.Result signed =
                    gpg.sh(
                            dir,
                            "gpg --batch --yes --pinentry-mode loopback --passphrase-file "
                                    + GnuPG.q(k.resolve("other.passphrase"))
                                    + " --digest-algo SHA512 -u courier@example.org --armor"
                                    + " --detach-sign -o "
                                    + GnuPG.q(name + ".asc")
                                    + " "
                                    + GnuPG.q(name));
            assertThat(signed.exit()).as(signed.toString()).isZero();
            Map<String, String> expect =
                    Cli.expectations(Path.of(vector.toString().replaceAll("\\.md$", ".expect")));
            int exit = Integer.parseInt(expect.get("exit"));
            Cli.Run run = check(exit, sealed, List.of("1-sender.md", name));
            if (exit == 0) {
                assertThat(run.out()).contains(expect.get("message"));
            } else {
                assertThat(run.err())
                        .as(name)
                        .contains(
                                name
                                        + " is not a sealpack receipt: its Markdown is not what"
                                        + " sealpack writes for its record (docs/FORMAT.md R11.14): "
                                        + expect.get("message"));
            }
        }
    }
}
