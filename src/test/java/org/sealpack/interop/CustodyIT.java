package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.report.People;
import org.sealpack.spec.Pins;

/**
 * A four-hand chain of custody of the example statement, through the real command line: the sender
 * checks the sealed file before sending it, a courier and a custodian at an NGO check its outer
 * layer (no key to open it), the rapporteur opens it; each signs a receipt that follows the
 * previous one. custody check accepts the chain (of the sealed file and of the opened bag); gpg
 * alone verifies a receipt's signature; and each kind of break is refused with its own exit code
 * and one line.
 */
class CustodyIT {
    @TempDir static Path dir;
    static Path k;
    static Path sealed;
    static GnuPG gpg;
    static final List<String> TRUST = new ArrayList<>();

    static CustodyChain chain;

    @BeforeAll
    static void chain() throws Exception {
        chain = new CustodyChain(dir).custodian("courier").custodian("custodian");
        k = chain.k;
        gpg = chain.gpg;
        chain.trust(
                k.resolve("signer.cert.asc"),
                keys("courier.cert.asc"),
                keys("custodian.cert.asc"),
                k.resolve("recipient.cert.asc"));
        TRUST.addAll(chain.trust);
        sealed = chain.seal("statement.sealed");
        chain.hand("verify", sealed, "1-sender.md", "signer", "--note", "checked before sending");
        chain.hand("verify", sealed, "2-courier.md", "courier", "--after", "1-sender.md");
        chain.hand(
                "verify",
                sealed,
                "3-custodian.md",
                "custodian",
                "--after",
                "2-courier.md",
                "--note",
                "held in the NGO's safe");
        chain.open(
                sealed,
                "bag",
                "4-rapporteur.md",
                "--after",
                "3-custodian.md",
                "--receipt-to",
                k.resolve("signer.cert.asc").toString());
    }

    @AfterAll
    static void close() {
        if (chain != null) {
            chain.close();
        }
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
        return run;
    }

    static Cli.Run check(int exit, Object target, List<String> receipts, List<String> trust) {
        List<String> args = new ArrayList<>(List.of("custody", "check", target.toString()));
        receipts.forEach(name -> args.add(r(name)));
        args.addAll(trust);
        args.addAll(List.of("--home", dir.resolve("empty-home").toString()));
        Cli.Run run = run(exit, args.toArray(String[]::new));
        if (exit != 0) {
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("sealpack: error: receipt ").contains(". hint: ");
        }
        return run;
    }

    static final List<String> ALL =
            List.of("3-custodian.md", "1-sender.md", "4-rapporteur.md", "2-courier.md");

    @Test
    @Pins("R11.3")
    void theFourHandChainChecksAsATimelineOfTheFileAndOfTheOpenedBag() throws Exception {
        Cli.Run chain = check(0, sealed, ALL, TRUST);
        String out = chain.out();
        assertThat(out).contains("4 hands", "Verdict: GOOD", "note: held in the NGO's safe");
        assertThat(out.indexOf("1-sender.md")).isLessThan(out.indexOf("2-courier.md"));
        assertThat(out.indexOf("2-courier.md")).isLessThan(out.indexOf("3-custodian.md"));
        assertThat(out.indexOf("3-custodian.md")).isLessThan(out.indexOf("4-rapporteur.md"));
        assertThat(out)
                .contains(
                        "verify: outer-signature passed; GOOD; the first hand",
                        "open: outer-signature, integrity, bag-signature, intended-recipient, manifest, tag-manifest passed; GOOD; follows #3");
        check(0, dir.resolve("bag"), ALL, TRUST);
        Cli.Run json = check(0, sealed, ALL, append(TRUST, "--json", "--report", r("chain.md")));
        assertThat(json.out())
                .contains("\"kind\" : \"custody\"", "\"verdict\" : \"GOOD\"", "\"receiptSha256\"");
        assertThat(Files.readString(dir.resolve("chain.md")))
                .contains("# sealpack chain of custody", "| #3 |");
        Files.writeString(Path.of("target/custody-timeline.txt"), out); // for the issue's note
    }

    /**
     * Each receipt's record validates against docs/receipt.schema.json, custody --json against
     * sealpack.schema.json.
     */
    @Test
    @Pins("R11.1")
    void recordsAndTheJsonDocumentFollowTheirSchemas() throws Exception {
        var factory =
                com.networknt.schema.JsonSchemaFactory.getInstance(
                        com.networknt.schema.SpecVersion.VersionFlag.V202012);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.networknt.schema.JsonSchema receipt;
        com.networknt.schema.JsonSchema output;
        try (var in = Files.newInputStream(Proc.root().resolve("docs/receipt.schema.json"));
                var out = Files.newInputStream(Proc.root().resolve("docs/sealpack.schema.json"))) {
            receipt = factory.getSchema(in);
            output = factory.getSchema(out);
        }
        for (String name : ALL) {
            String text = Files.readString(dir.resolve(name));
            String json =
                    text.substring(
                            text.lastIndexOf("```json sealpack-receipt-1\n") + 27,
                            text.length() - 4);
            var node = mapper.readTree(json);
            assertThat(receipt.validate(node)).as(name + "\n" + json).isEmpty();
            assertThat(node.get("custodian").get("fingerprint").asText()).hasSize(40);
        }
        var first =
                mapper.readTree(
                        Files.readString(dir.resolve("4-rapporteur.md"))
                                .replaceAll("(?s).*```json sealpack-receipt-1\n(.*)```\n$", "$1"));
        assertThat(first.get("tagManifestSha512").asText()).hasSize(128);
        assertThat(first.get("after")).hasSize(1);
        Cli.Run json = check(0, sealed, ALL, append(TRUST, "--json"));
        assertThat(output.validate(mapper.readTree(json.out()))).as(json.out()).isEmpty();
        Cli.Run broken =
                Cli.run(
                        append(
                                        List.of(
                                                "custody",
                                                "check",
                                                sealed.toString(),
                                                r("3-custodian.md"),
                                                "--json"),
                                        TRUST.toArray(String[]::new))
                                .toArray(String[]::new));
        assertThat(broken.exit()).isEqualTo(ExitCode.CHAIN_LINK_MISSING.code);
        assertThat(output.validate(mapper.readTree(broken.out()))).as(broken.out()).isEmpty();
        assertThat(broken.out()).contains("\"error\" : \"chain-link-missing\"");
    }

    @Test
    void gpgAloneVerifiesAReceipt() {
        assertThat(gpg.importKey(k.resolve("recipient.cert.asc"), null).exit()).isZero();
        Proc.Result v = gpg.sh(dir, "gpg --batch --verify 4-rapporteur.md.asc 4-rapporteur.md");
        assertThat(v.exit()).as(v.toString()).isZero();
        assertThat(v.err()).contains("Good signature from \"sealpack test recipient");
    }

    /**
     * The receipt back to the sender: gpg decrypts it with the sender's key and checks the
     * custodian's signature.
     */
    @Test
    void theReceiptGoesBackToTheSenderEncryptedAndSigned() throws Exception {
        assertThat(
                        gpg.importKey(k.resolve("signer.key.asc"), k.resolve("signer.passphrase"))
                                .exit())
                .isZero();
        assertThat(gpg.importKey(k.resolve("recipient.cert.asc"), null).exit()).isZero();
        Proc.Result d =
                gpg.sh(
                        dir,
                        "gpg --batch --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(k.resolve("signer.passphrase"))
                                + " --decrypt -o back.md 4-rapporteur.md.pgp");
        assertThat(d.exit()).as(d.toString()).isZero();
        assertThat(d.err()).contains("Good signature from \"sealpack test recipient");
        assertThat(Files.readAllBytes(dir.resolve("back.md")))
                .isEqualTo(Files.readAllBytes(dir.resolve("4-rapporteur.md")));
        assertThat(Files.readString(dir.resolve("4-rapporteur.md.pgp")))
                .startsWith("-----BEGIN PGP MESSAGE-----")
                .doesNotContain("sealpack-receipt");
    }

    @Test
    @Pins("R11.2")
    void anAlteredReceiptIsRefused() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("altered"));
        for (String name : ALL) {
            Files.copy(dir.resolve(name), copy.resolve(name));
            Files.copy(dir.resolve(name + ".asc"), copy.resolve(name + ".asc"));
        }
        Path courier = copy.resolve("2-courier.md");
        Files.writeString(
                courier, Files.readString(courier).replace("| Verdict |", "| Verdict (as seen) |"));
        Cli.Run run =
                check(
                        ExitCode.RECEIPT_ALTERED.code,
                        sealed,
                        ALL.stream().map(n -> "altered/" + n).toList(),
                        TRUST);
        assertThat(run.err()).contains("2-courier.md was altered after it was signed");
    }

    @Test
    @Pins("R11.3")
    void aReceiptOfAnotherFileIsRefused() throws Exception {
        Path other = dir.resolve("other.sealed");
        Files.write(other, Files.readAllBytes(sealed));
        Files.write(other, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Cli.Run run = check(ExitCode.RECEIPT_OTHER_FILE.code, other, ALL, TRUST);
        assertThat(run.err()).contains("names another file");
    }

    @Test
    @Pins("R11.4")
    void aMissingLinkIsRefused() {
        Cli.Run run =
                check(
                        ExitCode.CHAIN_LINK_MISSING.code,
                        sealed,
                        List.of("1-sender.md", "3-custodian.md", "4-rapporteur.md"),
                        TRUST);
        assertThat(run.err())
                .contains("3-custodian.md follows a receipt with SHA-256", "which was not given");
    }

    @Test
    @Pins("R11.2")
    void anUntrustedCustodianIsRefused() {
        List<String> withoutCustodian = new ArrayList<>(TRUST);
        int at = withoutCustodian.indexOf(keys("custodian.cert.asc").toString());
        withoutCustodian.remove(at);
        withoutCustodian.remove(at - 1);
        Cli.Run run = check(ExitCode.RECEIPT_UNTRUSTED.code, sealed, ALL, withoutCustodian);
        assertThat(run.err()).contains("3-custodian.md is signed by a custodian not trusted");
        Path unsigned = dir.resolve("unsigned");
        run(
                0,
                "verify",
                sealed.toString(),
                "--signer",
                k.resolve("signer.cert.asc").toString(),
                "--receipt",
                r("5-unsigned.md"),
                "--after",
                r("4-rapporteur.md"),
                "--home",
                dir.resolve("h").toString());
        Cli.Run none =
                check(ExitCode.RECEIPT_UNTRUSTED.code, sealed, append(ALL, "5-unsigned.md"), TRUST);
        assertThat(none.err()).contains("5-unsigned.md is not signed");
        assertThat(unsigned).doesNotExist();
    }

    /**
     * A hand whose check failed (here: it trusted the wrong certificate) signs a receipt that says
     * so.
     */
    @Test
    @Pins("R11.5")
    void aReceiptThatReportsAFailureIsRefused() throws Exception {
        run(
                ExitCode.UNTRUSTED_SIGNER.code,
                "verify",
                sealed.toString(),
                "--signer",
                k.resolve("other.cert.asc").toString(),
                "--receipt",
                r("3-failed.md"),
                "--sign-receipt",
                keys("custodian.key.asc").toString(),
                "--passphrase-file",
                k.resolve("other.passphrase").toString(),
                "--after",
                r("2-courier.md"),
                "--home",
                dir.resolve("h").toString());
        assertThat(Files.readString(dir.resolve("3-failed.md")))
                .contains("\"verdict\" : \"FAILED\"", "\"exitCode\" : 22");
        Cli.Run run =
                check(
                        ExitCode.RECEIPT_FAILURE.code,
                        sealed,
                        List.of("1-sender.md", "2-courier.md", "3-failed.md"),
                        TRUST);
        assertThat(run.err()).contains("3-failed.md reports a failed check");
    }

    /**
     * A custodian whose clock was wrong: its receipt, validly signed (here re-signed with gpg after
     * its time was set back), is older than the receipt it follows.
     */
    @Test
    @Pins("R11.4")
    void timeGoingBackwardsIsRefused() throws Exception {
        assertThat(gpg.importKey(keys("custodian.key.asc"), k.resolve("other.passphrase")).exit())
                .isZero();
        Path back = Files.createDirectories(dir.resolve("back"));
        for (String name : List.of("1-sender.md", "2-courier.md")) {
            Files.copy(dir.resolve(name), back.resolve(name));
            Files.copy(dir.resolve(name + ".asc"), back.resolve(name + ".asc"));
        }
        // A minute before the courier's: within the tolerance of its own signature's time (R11.8),
        // so only the order breaks.
        String courier =
                Files.readString(dir.resolve("2-courier.md"))
                        .replaceAll("(?s).*\"checkedAt\" : \"([^\"]+)\".*", "$1");
        String earlier = java.time.Instant.parse(courier).minusSeconds(60).toString();
        String text = Files.readString(dir.resolve("3-custodian.md"), StandardCharsets.UTF_8);
        Files.writeString(
                back.resolve("3-custodian.md"),
                text.replaceFirst(
                                "\"checkedAt\" : \"[^\"]+\"", "\"checkedAt\" : \"" + earlier + "\"")
                        .replaceFirst(
                                "\\| Checked at \\| [^|]+ \\(",
                                "| Checked at | "
                                        + People.time(java.time.Instant.parse(earlier))
                                        + " ("));
        Proc.Result signed =
                gpg.sh(
                        back,
                        "gpg --batch --pinentry-mode loopback --passphrase-file "
                                + GnuPG.q(k.resolve("other.passphrase"))
                                + " --digest-algo SHA512 -u custodian@example.org --armor"
                                + " --detach-sign -o 3-custodian.md.asc 3-custodian.md");
        assertThat(signed.exit()).as(signed.toString()).isZero();
        Cli.Run run =
                check(
                        ExitCode.CHAIN_TIME.code,
                        sealed,
                        List.of("back/1-sender.md", "back/2-courier.md", "back/3-custodian.md"),
                        TRUST);
        assertThat(run.err())
                .contains(
                        "3-custodian.md (" + earlier + ")", "which is later: time goes backwards");
    }

    static List<String> append(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }
}
