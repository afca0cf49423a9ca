package org.sealpack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Cli;
import org.sealpack.spec.Pins;

/**
 * Expansions from a trusted signer's file are bounded by the limits before they reach the disk:
 * data after the tar's end (here 64 MiB of zeros that ZLIB shrinks to 64 KiB) is refused after at
 * most 1 MiB of it is read, and a file over --max-file-size is refused at its header, before a byte
 * of it is written. Time and what was left are printed and checked.
 */
class ExpansionTest {
    @TempDir Path dir;

    Cli.Run open(Path sealed, Path dest, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "open",
                                sealed.toString(),
                                "--key",
                                Crafted.KEYS.resolve("recipient.key.asc").toString(),
                                "--passphrase-file",
                                Crafted.KEYS.resolve("recipient.passphrase").toString(),
                                "--signer",
                                Crafted.KEYS.resolve("signer.cert.asc").toString(),
                                "--home",
                                dir.resolve("h").toString(),
                                "-o",
                                dest.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    @Pins("R9.1")
    void zerosAfterTheTarsEndAreReadOnlyUpToTheBound() throws IOException {
        var signer = Crafted.unlocked("signer");
        var intended = List.of(Crafted.cert("recipient"), Crafted.cert("signer"));
        byte[] tar = Crafted.tar(HostileCorpus.validBag(signer, intended));
        byte[] padded = new byte[tar.length + (64 << 20)];
        System.arraycopy(tar, 0, padded, 0, tar.length);
        Path sealed = dir.resolve("padded.sealed");
        Crafted.seal(sealed, padded, signer, List.of(Crafted.cert("recipient")), true);
        Path parent = Files.createDirectories(dir.resolve("padded"));
        long start = System.nanoTime();
        Cli.Run r = open(sealed, parent.resolve("bag"));
        System.out.println(
                "64 MiB of zeros after the tar (a "
                        + Files.size(sealed)
                        + "-byte file): refused in "
                        + (System.nanoTime() - start) / 1_000_000
                        + " ms");
        assertThat(r.exit()).as(r.err()).isEqualTo(25);
        assertThat(r.err()).contains("more than 1048576 bytes after its end");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedAtItsHeader() throws IOException {
        var signer = Crafted.unlocked("signer");
        var intended = List.of(Crafted.cert("recipient"), Crafted.cert("signer"));
        String big = "x".repeat(2 << 20);
        byte[] tar =
                Crafted.tar(
                        Crafted.bag(
                                "bag",
                                Map.of("data/big.txt", big),
                                Map.of("data/big.txt", big),
                                Map.of(),
                                signer,
                                intended));
        Path sealed = dir.resolve("big.sealed");
        Crafted.seal(sealed, tar, signer, List.of(Crafted.cert("recipient")), true);
        Path parent = Files.createDirectories(dir.resolve("big"));
        Cli.Run r = open(sealed, parent.resolve("bag"), "--max-file-size", "1048576");
        assertThat(r.exit()).as(r.err()).isEqualTo(25);
        assertThat(r.err()).contains("claims 2097152 bytes, over the limit of 1048576");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(open(sealed, parent.resolve("bag")).exit())
                .as("and opens within the default limits")
                .isZero();
    }
}
