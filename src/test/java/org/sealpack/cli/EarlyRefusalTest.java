package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.spec.Pins;

/**
 * Work before the signer is known is bounded: a sealed file whose signer is not trusted is refused
 * before anything in it is decrypted. The proof: an 8 GiB file (sparse: a few kilobytes on disk)
 * made of a real file's first and last 4 KiB with nothing valid between. A reader that decrypted
 * would stumble on the garbage (exit 20); one that looks at the header and the signature first says
 * "not trusted" (exit 22) or "altered" (21). Time and disk are printed, not asserted (the build
 * machine varies).
 */
class EarlyRefusalTest {
    static final Path KEYS = Proc.testKeys();

    @TempDir static Path dir;
    static Path byOther;
    static Path bySigner;

    @BeforeAll
    static void seal() throws IOException {
        byte[] payload = new byte[64 << 10];
        new java.util.Random(5).nextBytes(payload);
        Files.write(dir.resolve("video.bin"), payload);
        byOther = pack("other", "by-other.sealed");
        bySigner = pack("signer", "by-signer.sealed");
    }

    static Path pack(String signer, String name) {
        Path out = dir.resolve(name);
        Cli.Run r =
                Cli.run(
                        "pack",
                        dir.resolve("video.bin").toString(),
                        "--signer",
                        KEYS.resolve(signer + ".key.asc").toString(),
                        "--passphrase-file",
                        KEYS.resolve(signer + ".passphrase").toString(),
                        "--recipient",
                        KEYS.resolve("recipient.cert.asc").toString(),
                        "-o",
                        out.toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }

    /** The file's first and last 4 KiB, 8 GiB apart, with a hole between (no disk used for it). */
    static Path hollow(Path sealed, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(sealed);
        Path out = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw")) {
            long size = 8L << 30;
            file.setLength(size);
            file.seek(0);
            file.write(bytes, 0, 4096);
            file.seek(size - 4096);
            file.write(bytes, bytes.length - 4096, 4096);
        }
        return out;
    }

    static Cli.Run open(Path file, Path destination) {
        return Cli.run(
                "open",
                file.toString(),
                "--key",
                KEYS.resolve("recipient.key.asc").toString(),
                "--passphrase-file",
                KEYS.resolve("recipient.passphrase").toString(),
                "--signer",
                KEYS.resolve("signer.cert.asc").toString(),
                "-o",
                destination.toString(),
                "--home",
                dir.resolve("h").toString());
    }

    @Test
    @Pins("R1.20")
    void anUntrustedEightGibFileIsRefusedBeforeAnythingIsDecrypted() throws IOException {
        Path hollow = hollow(byOther, "untrusted-8g.sealed");
        Path parent = Files.createDirectories(dir.resolve("untrusted"));
        long before = System.nanoTime();
        Cli.Run r = open(hollow, parent.resolve("bag"));
        long millis = (System.nanoTime() - before) / 1_000_000;
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.UNTRUSTED_SIGNER.code);
        assertThat(r.err()).contains("not a trusted signer");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left.toList()).isEmpty();
        }
        Cli.Run verify =
                Cli.run(
                        "verify",
                        hollow.toString(),
                        "--signer",
                        KEYS.resolve("signer.cert.asc").toString(),
                        "--home",
                        dir.resolve("h").toString());
        assertThat(verify.exit()).as(verify.err()).isEqualTo(ExitCode.UNTRUSTED_SIGNER.code);
        System.out.println(
                "untrusted 8 GiB file refused in "
                        + millis
                        + " ms; the file holds "
                        + Proc.bash(dir, java.util.Map.of(), "stat -c %b " + hollow).out().strip()
                        + " blocks of 512 bytes on disk");
    }

    @Test
    void aOnePassHeaderThatDisagreesWithTheSignatureIsAnAlterationFoundFirst() throws IOException {
        // The trusted signer's file with the one-pass header's key ID changed: the signature at the
        // end
        // names the trusted signer, the header someone else: altered (21), before decrypting.
        byte[] bytes = Files.readAllBytes(bySigner);
        bytes[5] ^=
                0x01; // inside the one-pass signature packet's key ID (after tag, length, version,
        // type, hash, algorithm)
        Path altered = dir.resolve("altered-header.sealed");
        Files.write(altered, bytes);
        Path hollow = hollow(altered, "altered-8g.sealed");
        Cli.Run r = open(hollow, dir.resolve("altered-bag"));
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.BAD_SIGNATURE.code);
        assertThat(r.err()).contains("does not match its one-pass header");
    }

    @Test
    void aDestinationNameOf255BytesOpens() {
        Path dest = dir.resolve("d".repeat(255));
        Cli.Run r = open(bySigner, dest);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dest.resolve("data/video.bin")).exists();
    }
}
