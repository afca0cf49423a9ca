package org.sealpack.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.TestKeys;
import org.sealpack.bag.Digests;
import org.sealpack.failure.NotRecipientException;
import org.sealpack.failure.OutputExistsException;
import org.sealpack.failure.UntrustedSignerException;

class RoundTripTest {
    @TempDir Path dir;

    @Test
    void theExampleOpensByteIdenticalWithEveryLabelAndChecksum() throws IOException {
        Path payload = SealFixture.statement(dir);
        Path metadata = SealFixture.metadata(dir, SealFixture.METADATA);
        Path sealed = dir.resolve("example.sealed");
        Packer.Result packed =
                SealFixture.pack(
                        List.of(payload), metadata, TestKeys.SIGNER, List.of("alice"), sealed);
        assertThat(packed.files()).isEqualTo(1);

        Path opened = dir.resolve("opened");
        Reports.Full report = SealFixture.open(sealed, "alice", TestKeys.SIGNER, opened);

        assertThat(Files.readAllBytes(opened.resolve("data/statement.txt")))
                .isEqualTo(Files.readAllBytes(payload));
        assertThat(report.outer().signer()).isEqualTo(TestKeys.cert(TestKeys.SIGNER));
        assertThat(report.intendedRecipients()).contains(TestKeys.cert("alice").fingerprint());
        String bagInfo = Files.readString(opened.resolve("bag-info.txt"));
        for (String line : SealFixture.METADATA.split("\n")) {
            assertThat(bagInfo).contains(line);
        }
        assertThat(bagInfo)
                .contains(
                        "Bagging-Date: ",
                        "Payload-Oxum: " + Files.size(payload) + ".1",
                        "Bag-Size: ",
                        "Bag-Software-Agent: sealpack");
        assertThat(Files.readString(opened.resolve("bagit.txt")))
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        assertEveryManifestLineChecks(opened, "manifest-sha512.txt", 1);
        assertEveryManifestLineChecks(opened, "tagmanifest-sha512.txt", 3);
        assertThat(opened.resolve("signatures/tagmanifest-sha512.txt.asc")).exists();
        assertNoTemporaryLeftIn(dir);
    }

    @Test
    void threeRecipientsEachOpenAndAFourthIsToldItIsNotARecipient() throws IOException {
        Path sealed = dir.resolve("three.sealed");
        SealFixture.pack(
                List.of(SealFixture.statement(dir)),
                null,
                TestKeys.SIGNER,
                List.of("alice", "bob", "carol"),
                sealed);
        for (String r : List.of("alice", "bob", "carol")) {
            Path out = dir.resolve("opened-" + r);
            SealFixture.open(sealed, r, TestKeys.SIGNER, out);
            assertThat(out.resolve("data/statement.txt")).exists();
        }
        String ids = String.join(", ", org.sealpack.pgp.Craft.keyIds(TestKeys.cert("alice")));
        assertThatThrownBy(
                        () ->
                                SealFixture.open(
                                        sealed, "mallory", TestKeys.SIGNER, dir.resolve("mallory")))
                .isInstanceOf(NotRecipientException.class)
                .hasMessageContaining("is not a recipient")
                .hasMessageContaining(org.sealpack.pgp.Craft.keyIds(TestKeys.cert("alice")).get(1));
        assertThat(dir.resolve("mallory")).doesNotExist();
        assertThat(ids).isNotEmpty();
        assertNoTemporaryLeftIn(dir);
    }

    @Test
    void aFileSignedByAnotherKeyNamesThatSignerAndSaysItIsNotTrusted() throws IOException {
        Path sealed = dir.resolve("forged.sealed");
        SealFixture.pack(
                List.of(SealFixture.statement(dir)),
                null,
                TestKeys.FORGER,
                List.of("alice"),
                sealed);
        String forger = org.sealpack.pgp.Hex.grouped(TestKeys.cert(TestKeys.FORGER).fingerprint());
        assertThatThrownBy(() -> SealFixture.verifyOuter(sealed, TestKeys.SIGNER))
                .isInstanceOf(UntrustedSignerException.class)
                .hasMessageContaining(forger)
                .hasMessageContaining("not a trusted signer");
        assertThatThrownBy(
                        () ->
                                SealFixture.open(
                                        sealed, "alice", TestKeys.SIGNER, dir.resolve("out")))
                .isInstanceOf(UntrustedSignerException.class)
                .hasMessageContaining(forger);
        assertThat(dir.resolve("out")).doesNotExist();
        assertNoTemporaryLeftIn(dir);
    }

    @Test
    void cyrillicNamesAndMetadataRoundTripExactly() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("Баёнот"));
        Path file = folder.resolve("Баёнот.txt");
        Files.writeString(file, "Изҳороти Иттиҳоди миллии Тоҷикистон\n", StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("Шоҳидон"));
        Files.writeString(folder.resolve("Шоҳидон/номҳо.txt"), "махфӣ\n", StandardCharsets.UTF_8);
        String title = "Title: Изҳороти Иттиҳоди миллии Тоҷикистон дар бораи фоҷиаи Хуҷанд\n";
        Path metadata = SealFixture.metadata(dir, title + "Language: tg\n");
        Path sealed = dir.resolve("баёнот.sealed");
        SealFixture.pack(List.of(folder), metadata, TestKeys.SIGNER, List.of("alice"), sealed);

        Path opened = dir.resolve("кушода");
        Reports.Full report = SealFixture.open(sealed, "alice", TestKeys.SIGNER, opened);
        assertThat(report.bagName()).isEqualTo("баёнот");
        assertThat(Files.readString(opened.resolve("data/Баёнот/Баёнот.txt")))
                .isEqualTo(Files.readString(file));
        assertThat(opened.resolve("data/Баёнот/Шоҳидон/номҳо.txt")).exists();
        assertThat(Files.readString(opened.resolve("bag-info.txt"), StandardCharsets.UTF_8))
                .contains(title);
        assertThat(report.bagInfo().first("Title")).contains(title.substring(7).strip());
        assertEveryManifestLineChecks(opened, "manifest-sha512.txt", 2);
    }

    @Test
    void anExistingOutputOrDestinationIsNeverOverwrittenWithoutForce() throws IOException {
        Path payload = SealFixture.statement(dir);
        Path sealed = dir.resolve("x.sealed");
        Files.writeString(sealed, "precious");
        assertThatThrownBy(
                        () ->
                                SealFixture.pack(
                                        List.of(payload),
                                        null,
                                        TestKeys.SIGNER,
                                        List.of("alice"),
                                        sealed))
                .isInstanceOf(OutputExistsException.class);
        assertThat(Files.readString(sealed)).isEqualTo("precious");

        PackRequest forced =
                PackRequest.to(sealed, TestKeys.key(TestKeys.SIGNER))
                        .payload(List.of(payload))
                        .recipients(List.of(TestKeys.cert("alice")))
                        .force(true)
                        .build();
        assertThatThrownBy(
                        () ->
                                Packer.pack(
                                        forced,
                                        TestKeys.passphrases(TestKeys.SIGNER),
                                        Progress.NONE,
                                        n -> {}))
                .as("--force replaces only an earlier sealed file")
                .isInstanceOf(OutputExistsException.class)
                .hasMessageContaining("is not a sealed file");
        assertThat(Files.readString(sealed)).isEqualTo("precious");

        Path earlier = dir.resolve("earlier.sealed");
        SealFixture.pack(List.of(payload), null, TestKeys.SIGNER, List.of("alice"), earlier);
        byte[] before = Files.readAllBytes(earlier);
        Packer.pack(
                PackRequest.to(earlier, TestKeys.key(TestKeys.SIGNER))
                        .payload(List.of(payload))
                        .recipients(List.of(TestKeys.cert("alice")))
                        .force(true)
                        .build(),
                TestKeys.passphrases(TestKeys.SIGNER),
                Progress.NONE,
                n -> {});
        assertThat(Files.readAllBytes(earlier)).isNotEqualTo(before);

        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> SealFixture.open(earlier, "alice", TestKeys.SIGNER, existing))
                .isInstanceOf(OutputExistsException.class);
        assertThat(existing.resolve("keep.txt")).hasContent("mine");
        assertThat(existing.resolve("data")).doesNotExist();
        assertNoTemporaryLeftIn(dir);
    }

    @Test
    void verifyWithAKeyChecksEverythingAndWritesNothing() throws IOException {
        Path sealed = dir.resolve("v.sealed");
        SealFixture.pack(
                List.of(SealFixture.statement(dir)),
                null,
                TestKeys.SIGNER,
                List.of("alice"),
                sealed);
        List<Path> before;
        try (Stream<Path> s = Files.list(dir)) {
            before = s.toList();
        }
        Reports.Full full = SealFixture.verifyFull(sealed, "alice", TestKeys.SIGNER);
        assertThat(full.manifest().checksums()).containsOnlyKeys("data/statement.txt");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactlyInAnyOrderElementsOf(before);
        }
        Reports.Outer outer = SealFixture.verifyOuter(sealed, TestKeys.SIGNER);
        assertThat(outer.recipients()).hasSize(2);
        assertThat(outer.fileBytes()).isEqualTo(Files.size(sealed));
    }

    static void assertEveryManifestLineChecks(Path bag, String manifest, int expectedLines)
            throws IOException {
        List<String> lines = Files.readAllLines(bag.resolve(manifest));
        assertThat(lines).hasSize(expectedLines);
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertThat(Digests.sha512Hex(Files.readAllBytes(bag.resolve(parts[1]))))
                    .as(line)
                    .isEqualTo(parts[0]);
        }
    }

    static void assertNoTemporaryLeftIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(
                            s.filter(
                                            p ->
                                                    p.getFileName()
                                                            .toString()
                                                            .startsWith(
                                                                    org.sealpack.io.Staging.PREFIX))
                                    .toList())
                    .isEmpty();
        }
    }
}
