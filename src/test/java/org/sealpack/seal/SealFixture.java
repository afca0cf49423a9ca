package org.sealpack.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sealpack.TestKeys;
import org.sealpack.archive.Limits;
import org.sealpack.pgp.Certificate;

/** Packs and opens with the library API, for tests. */
final class SealFixture {
    static final String METADATA =
            String.join(
                    "\n",
                    "Title: Statement on the events at ITK-3, Khujand",
                    "Source-Organization: National Alliance of Tajikistan",
                    "Date-Issued: 2018-11-12",
                    "Event-Date: 2018-11-07",
                    "Coverage-Spatial: Khujand, Sughd Region, Tajikistan; the ITK-3 prison",
                    "Language: en",
                    "External-Description: A statement on the killings at the ITK-3 prison in Khujand.",
                    "  It continues on a second line.",
                    "");

    private SealFixture() {}

    static Path statement(Path dir) throws IOException {
        Path payload = dir.resolve("statement.txt");
        Files.copy(Path.of("examples/statement.txt"), payload);
        return payload;
    }

    static Path metadata(Path dir, String text) throws IOException {
        Path m = dir.resolve("metadata.txt");
        Files.writeString(m, text, StandardCharsets.UTF_8);
        return m;
    }

    static Packer.Result pack(
            List<Path> payload, Path metadata, String signer, List<String> recipients, Path out) {
        List<Certificate> certs = recipients.stream().map(TestKeys::cert).toList();
        return Packer.pack(
                PackRequest.to(out, TestKeys.key(signer))
                        .payload(payload)
                        .metadata(metadata)
                        .recipients(certs)
                        .build(),
                TestKeys.passphrases(signer),
                Progress.NONE,
                n -> {});
    }

    static Reports.Full open(Path sealed, String key, String trustedSigner, Path destination) {
        return Opener.open(
                        Source.file(sealed),
                        List.of(TestKeys.cert(trustedSigner)),
                        List.of(TestKeys.key(key)),
                        TestKeys.passphrases(key),
                        Opener.Destination.of(destination),
                        Limits.DEFAULT,
                        new Checks())
                .report();
    }

    static Reports.Full verifyFull(Path sealed, String key, String trustedSigner) {
        return Verifier.full(
                        Source.file(sealed),
                        List.of(TestKeys.cert(trustedSigner)),
                        List.of(TestKeys.key(key)),
                        TestKeys.passphrases(key),
                        Limits.DEFAULT,
                        new Checks())
                .report();
    }

    static Reports.Outer verifyOuter(Path sealed, String trustedSigner) {
        return Verifier.custody(
                        Source.file(sealed), List.of(TestKeys.cert(trustedSigner)), new Checks())
                .report();
    }
}
