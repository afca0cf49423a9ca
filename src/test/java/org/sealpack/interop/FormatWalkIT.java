package org.sealpack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.Requires;
import org.sealpack.spec.Pins;
import org.sealpack.spec.Walker;

/**
 * What is inside the encryption, decrypted by gpg and walked by the tests' own tar and packet
 * reader ({@link Walker}, not sealpack's): every field docs/FORMAT.md sections 2, 3, 4 and 8 pin,
 * on a file sealpack writes from a folder with nested, long and non-ASCII names.
 */
class FormatWalkIT {
    static final Path ROOT = Proc.root();
    static final String SIGNER_FPR = "15C6E52324F018516E63CA8B0DC067D1877D13C3";
    static final String RECIPIENT_FPR = "C4921F2CC061CA5AEF9C5EA664E2E5A0E7EFC495";
    static final String LONG =
            "\u041e\u0431\u0440\u0430\u0449\u0435\u043d\u0438\u0435-".repeat(9) + ".txt";

    @TempDir static Path dir;
    static Path evidence;
    static GnuPG gpg;

    @BeforeAll
    static void importKeys() throws IOException {
        Requires.tool("gpg", "sudo apt-get install gnupg");
        evidence = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(evidence.resolve("b.txt"), "second\n");
        Files.writeString(evidence.resolve("a.txt"), "first\n");
        Files.writeString(evidence.resolve(LONG), "long name\n");
        Files.writeString(
                Files.createDirectories(evidence.resolve("sub")).resolve("c.txt"), "nested\n");
        Files.copy(ROOT.resolve("examples/statement.txt"), evidence.resolve("statement.txt"));
        gpg = new GnuPG();
        assertThat(gpg.importKey(ROOT.resolve("keys/signer.cert.asc"), null).exit()).isZero();
        assertThat(
                        gpg.importKey(
                                        ROOT.resolve("keys/recipient.key.asc"),
                                        ROOT.resolve("keys/recipient.passphrase"))
                                .exit())
                .isZero();
        assertThat(gpg.sh(dir, "gpg --batch --export " + SIGNER_FPR + " > sender.gpg").exit())
                .isZero();
    }

    @AfterAll
    static void cleanUp() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static Path pack(String name, String... extra) {
        Path sealed = dir.resolve(name + ".sealed");
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "pack",
                                evidence.toString(),
                                "--metadata",
                                ROOT.resolve("examples/statement.metadata").toString(),
                                "--signer",
                                ROOT.resolve("keys/signer.key.asc").toString(),
                                "--passphrase-file",
                                ROOT.resolve("keys/signer.passphrase").toString(),
                                "--recipient",
                                ROOT.resolve("keys/recipient.cert.asc").toString(),
                                "-o",
                                sealed.toString()));
        args.addAll(List.of(extra));
        Proc.Result r = Proc.sealpack(dir, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
        return sealed;
    }

    static String pass() {
        return " --batch --pinentry-mode loopback --passphrase-file "
                + GnuPG.q(ROOT.resolve("keys/recipient.passphrase"));
    }

    /**
     * gpg's listing of the encrypted message (with the recipient's key) and the tar it decrypts to.
     */
    static Proc.Result decrypt(Path message, Path tar) {
        Proc.Result listed =
                gpg.sh(
                        dir,
                        "gpg"
                                + pass()
                                + " -v --list-packets "
                                + GnuPG.q(message)
                                + " 2>&1 && gpg"
                                + pass()
                                + " -o "
                                + GnuPG.q(tar)
                                + " --decrypt "
                                + GnuPG.q(message));
        assertThat(listed.exit()).as(listed.toString()).isZero();
        return listed;
    }

    @Test
    @Pins({
        "R2.2", "R2.3", "R3.1", "R3.2", "R3.3", "R3.4", "R3.5", "R3.6", "R4.1", "R4.2", "R4.3",
        "R4.4", "R4.5", "R4.6", "R4.7", "R4.8", "R4.9"
    })
    void theInnerLiteralTheTarAndTheBagHaveEveryPinnedField() throws Exception {
        Path sealed = pack("evidence");
        Proc.Result verified =
                gpg.sh(dir, "gpgv --keyring ./sender.gpg -o inner.pgp " + GnuPG.q(sealed));
        assertThat(verified.exit()).as(verified.toString()).isZero();
        String listing = decrypt(dir.resolve("inner.pgp"), dir.resolve("evidence.tar")).out();
        assertThat(listing)
                .as("R2.2 AES-256")
                .contains("AES256 encrypted data")
                .contains("mdc_method: 2");
        assertThat(listing)
                .as("R2.3 the inner literal")
                .contains("mode b (62), created 0, name=\"evidence.tar\"");
        assertThat(listing)
                .as("R2.3 not compressed, not signed inside")
                .doesNotContain("compressed packet", "onepass_sig");
        byte[] tarBytes = Files.readAllBytes(dir.resolve("evidence.tar"));
        walkTarAndBag(Walker.tar(tarBytes), tarBytes.length, "evidence");
    }

    @Test
    @Pins("R8.1")
    void anAnonymousFilesLiteralHasNoNameAndItsBagNamesTheRecipients() throws Exception {
        Path sealed = pack("anonymous", "--anonymous");
        String listing = decrypt(sealed, dir.resolve("anonymous.tar")).out();
        assertThat(listing).as("R8.1 wildcard recipient").contains("keyid 0000000000000000");
        assertThat(listing)
                .as("R8.1 the inner literal: no name, date 0")
                .contains("mode b (62), created 0, name=\"\"");
        byte[] tarBytes = Files.readAllBytes(dir.resolve("anonymous.tar"));
        walkTarAndBag(Walker.tar(tarBytes), tarBytes.length, "anonymous");
    }

    static void walkTarAndBag(Walker.Tar tar, int length, String root) throws IOException {
        assertThat(length % 512).as("whole blocks").isZero();
        assertThat(tar.trailingBytes())
                .as("the end-of-archive: two zero blocks, no record padding")
                .isEqualTo(1024);
        List<Walker.TarEntry> entries = tar.entries();
        Set<String> folded = new HashSet<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Walker.TarEntry e : entries) {
            assertThat(e.type()).as("R3.1 %s", e.name()).isIn('0', '5');
            assertThat(e.magic()).as("ustar").isEqualTo("ustar");
            assertThat(e.version()).isEqualTo("00");
            assertThat(e.uid()).as("R3.4 owner").isZero();
            assertThat(e.gid()).as("R3.4 group").isZero();
            assertThat(e.uname()).isEmpty();
            assertThat(e.gname()).isEmpty();
            assertThat(e.mode())
                    .as("R3.4 mode of %s", e.name())
                    .isEqualTo(e.type() == '5' ? 0755 : 0644);
            assertThat(e.pax().keySet())
                    .as("R3.3/R3.4 pax records: a name only, no mtime")
                    .isSubsetOf(Set.of("path", "size"));
            assertThat(e.name()).as("R3.2 below the bag root").startsWith(root + "/");
            assertThat(e.name()).doesNotContain("\\").doesNotContain("//");
            boolean needsPax =
                    e.name().getBytes(StandardCharsets.UTF_8).length > 100
                            || !StandardCharsets.US_ASCII.newEncoder().canEncode(e.name());
            assertThat(e.pax().containsKey("path"))
                    .as("R3.3 pax path for %s", e.name())
                    .isEqualTo(needsPax);
            assertThat(
                            folded.add(
                                    Normalizer.normalize(e.name(), Normalizer.Form.NFC)
                                            .toLowerCase(Locale.ROOT)))
                    .as("R3.5 unique after NFC and case folding")
                    .isTrue();
            names.add(e.name().substring(root.length() + 1));
            if (e.type() == '0') {
                files.put(e.name().substring(root.length() + 1), e.content());
            }
        }
        assertThat(names.get(0)).as("R3.2 the bag root first").isEmpty();
        List<String> payload =
                names.stream().filter(n -> n.startsWith("data/") && files.containsKey(n)).toList();
        List<String> sorted = new ArrayList<>(payload);
        sorted.sort(
                (a, b) ->
                        java.util.Arrays.compareUnsigned(
                                a.getBytes(StandardCharsets.UTF_8),
                                b.getBytes(StandardCharsets.UTF_8)));
        assertThat(payload).as("R3.6 payload in order of UTF-8 path").isEqualTo(sorted);
        assertThat(names.subList(names.size() - 5, names.size()))
                .as("R3.6 the tag files last, in order")
                .containsExactly(
                        "manifest-sha512.txt",
                        "bag-info.txt",
                        "tagmanifest-sha512.txt",
                        "signatures/",
                        "signatures/tagmanifest-sha512.txt.asc");
        assertThat(names.subList(0, 3)).containsExactly("", "bagit.txt", "data/");
        long mtime =
                Files.getLastModifiedTime(evidence.resolve("a.txt")).toInstant().getEpochSecond();
        assertThat(
                        entries.stream()
                                .filter(e -> e.name().endsWith("/data/evidence/a.txt"))
                                .findFirst()
                                .orElseThrow()
                                .mtime())
                .as("R3.4 a payload file keeps its source's time")
                .isEqualTo(mtime);

        Set<String> top = new HashSet<>();
        names.stream()
                .filter(n -> !n.isEmpty())
                .forEach(n -> top.add(n.contains("/") ? n.substring(0, n.indexOf('/') + 1) : n));
        assertThat(top)
                .as("R4.1 the bag root holds exactly its parts")
                .containsExactlyInAnyOrder(
                        "bagit.txt",
                        "bag-info.txt",
                        "manifest-sha512.txt",
                        "tagmanifest-sha512.txt",
                        "data/",
                        "signatures/");
        assertThat(new String(files.get("bagit.txt"), StandardCharsets.UTF_8))
                .as("R4.2")
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        for (String n : names) {
            if (n.endsWith("/") && n.startsWith("data/")) {
                assertThat(names)
                        .as("R4.3 no empty directory: %s", n)
                        .anyMatch(m -> m.startsWith(n) && !m.equals(n));
            }
        }
        Map<String, String> manifest = manifest(files.get("manifest-sha512.txt"));
        assertThat(manifest.keySet())
                .as("R4.4 every payload file once")
                .containsExactlyInAnyOrderElementsOf(payload);
        assertThat(new ArrayList<>(manifest.keySet()))
                .as("R4.4 in order of path")
                .isEqualTo(sorted);
        long octets = 0;
        for (String p : payload) {
            assertThat(manifest.get(p)).as("R4.4 %s", p).isEqualTo(sha512(files.get(p)));
            octets += files.get(p).length;
        }
        String info = new String(files.get("bag-info.txt"), StandardCharsets.UTF_8);
        assertThat(info).endsWith("\n").doesNotContain("\r").doesNotContain("\n\n");
        for (String label :
                List.of("Payload-Oxum", "Bagging-Date", "Bag-Size", "Bag-Software-Agent")) {
            assertThat(info.lines().filter(l -> l.startsWith(label + ": ")).count())
                    .as("R4.5 %s once", label)
                    .isEqualTo(1);
        }
        assertThat(info)
                .as("R4.5 Payload-Oxum")
                .contains("\nPayload-Oxum: " + octets + "." + payload.size() + "\n");
        assertThat(
                        info.lines()
                                .filter(l -> l.startsWith("Bagging-Date: "))
                                .findFirst()
                                .orElseThrow())
                .matches("Bagging-Date: \\d{4}-\\d{2}-\\d{2}");
        Map<String, String> tags = manifest(files.get("tagmanifest-sha512.txt"));
        assertThat(tags.keySet())
                .as("R4.6")
                .containsExactlyInAnyOrder("bagit.txt", "bag-info.txt", "manifest-sha512.txt");
        tags.forEach((n, sum) -> assertThat(sha512(files.get(n))).as("R4.6 %s", n).isEqualTo(sum));
        assertThat(files).as("R4.7").doesNotContainKey("fetch.txt");

        String armor =
                new String(
                        files.get("signatures/tagmanifest-sha512.txt.asc"),
                        StandardCharsets.US_ASCII);
        assertThat(armor)
                .as("R4.8 armor and nothing else")
                .startsWith("-----BEGIN PGP SIGNATURE-----\n")
                .endsWith("-----END PGP SIGNATURE-----\n");
        List<Walker.Packet> packets = Walker.packets(Walker.dearmor(armor));
        assertThat(packets)
                .extracting(Walker.Packet::tag)
                .as("R4.8 one signature")
                .containsExactly(2);
        Walker.Signature sig = Walker.signature(packets.get(0));
        assertThat(sig.version()).as("R4.8 v4").isEqualTo(4);
        assertThat(sig.type()).as("R4.8 binary").isZero();
        assertThat(sig.hash()).as("R4.8 SHA-512").isEqualTo(10);
        assertThat(sig.unhashed()).isEmpty();
        assertThat(Walker.hex(sig.first(33)).toUpperCase(Locale.ROOT))
                .as("R4.8 the outer signer")
                .isEqualTo("04" + SIGNER_FPR);
        List<String> intended =
                sig.hashed().stream()
                        .filter(s -> s.type() == 35)
                        .map(
                                s -> {
                                    assertThat(s.critical()).as("R4.9 non-critical").isFalse();
                                    return Walker.hex(s.body()).toUpperCase(Locale.ROOT);
                                })
                        .toList();
        assertThat(intended)
                .as("R4.9 one per recipient, the sender included")
                .containsExactlyInAnyOrder("04" + RECIPIENT_FPR, "04" + SIGNER_FPR);
        assertThat(sig.hashedTypes()).containsOnly(2, 33, 16, 35);
    }

    static Map<String, String> manifest(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("R4.4 LF, final line break").endsWith("\n").doesNotContain("\r");
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            assertThat(line)
                    .as("R4.4 lower-case hex, two spaces")
                    .matches("[0-9a-f]{128}  [^ *./][^\\t]*");
            assertThat(m.put(line.substring(130), line.substring(0, 128))).isNull();
        }
        return m;
    }

    static String sha512(byte[] data) {
        try {
            return Walker.hex(MessageDigest.getInstance("SHA-512").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
