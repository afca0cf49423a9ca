package org.sealpack.seal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpack.Proc;
import org.sealpack.archive.Limits;
import org.sealpack.failure.BadSignatureException;
import org.sealpack.failure.SealpackException;
import org.sealpack.failure.UnsafeArchiveException;
import org.sealpack.pgp.Certificate;
import org.sealpack.pgp.Key;
import org.sealpack.pgp.KeyFiles;
import org.sealpack.pgp.SealReader;
import org.sealpack.spec.Pins;

/**
 * Authenticate before decrypting (issue 26): a file whose outer signature does not verify over the
 * whole file is refused with nothing decrypted (the decryptor's own count of plaintext bytes does
 * not move), no key unlocked (the passphrase is never asked) and nothing staged (inotify on the
 * destination's folder sees nothing made there, or for a pipe only the spool of its ciphertext).
 * Each observation waits for an event (a sentinel file made after the run), never for a time.
 */
class AuthenticateFirstTest {
    static final Path KEYS = Proc.testKeys();
    static final Path VECTORS = Path.of("src/test/resources/conformance");

    @TempDir static Path shared;
    @TempDir Path dir;
    static Path big;
    static Path bigGraft;

    /**
     * A genuine 256 MiB file by the trusted signer, and the same body sealed by someone else
     * grafted under a donor's signature.
     */
    @BeforeAll
    static void seal() throws IOException {
        Path payload = shared.resolve("video.bin");
        try (OutputStream out = Files.newOutputStream(payload)) {
            byte[] block = new byte[1 << 20];
            java.util.Random random = new java.util.Random(26);
            for (int i = 0; i < 256; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Path metadata = SealFixture.metadata(shared, SealFixture.METADATA);
        big = shared.resolve("big.sealed");
        SealFixture.pack(List.of(payload), metadata, "signer", List.of("recipient"), big);
        Path byOther = shared.resolve("by-other.sealed");
        SealFixture.pack(List.of(payload), metadata, "other", List.of("recipient"), byOther);
        Files.delete(payload);
        bigGraft = graft(byOther, big, shared.resolve("big-graft.sealed"));
        Files.delete(byOther);
    }

    Certificate cert(String name) {
        return org.sealpack.TestKeys.cert(name);
    }

    /**
     * The one-pass header and signature of {@code donor} around the literal data of {@code body}: a
     * donor-signature graft.
     */
    static Path graft(Path body, Path donor, Path out) throws IOException {
        long[][] b = packets(body);
        long[][] d = packets(donor);
        try (RandomAccessFile from = new RandomAccessFile(body.toFile(), "r");
                RandomAccessFile sig = new RandomAccessFile(donor.toFile(), "r");
                OutputStream to = Files.newOutputStream(out)) {
            copy(sig, d[0][0], d[0][1], to);
            copy(from, b[1][0], b[1][1], to);
            copy(sig, d[2][0], d[2][1], to);
        }
        return out;
    }

    static void copy(RandomAccessFile file, long from, long to, OutputStream out)
            throws IOException {
        byte[] buffer = new byte[1 << 20];
        file.seek(from);
        for (long left = to - from; left > 0; ) {
            int n = file.read(buffer, 0, (int) Math.min(buffer.length, left));
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /**
     * The [start, end) of each top-level packet, reading only headers (partial body lengths
     * followed).
     */
    static long[][] packets(Path file) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long at = 0;
            while (at < f.length()) {
                long start = at;
                f.seek(at);
                int tag = f.read();
                if ((tag & 0x40) == 0) {
                    int n = new int[] {1, 2, 4}[tag & 3];
                    long length = 0;
                    for (int i = 0; i < n; i++) {
                        length = length << 8 | f.read();
                    }
                    at = f.getFilePointer() + length;
                } else {
                    while (true) {
                        int first = f.read();
                        if (first < 192) {
                            at = f.getFilePointer() + first;
                            break;
                        } else if (first < 224) {
                            int second = f.read();
                            at = f.getFilePointer() + ((first - 192) << 8) + second + 192;
                            break;
                        } else if (first == 255) {
                            long length = f.readInt() & 0xffffffffL;
                            at = f.getFilePointer() + length;
                            break;
                        }
                        f.seek(f.getFilePointer() + (1L << (first & 0x1f)));
                    }
                }
                out.add(new long[] {start, at});
            }
        }
        return out.toArray(long[][]::new);
    }

    /**
     * Runs {@code run} and returns the name of every entry created in {@code folder} meanwhile, in
     * order, read from inotify up to a sentinel file made after the run (so every earlier event has
     * arrived).
     */
    static List<String> created(Path folder, Runnable run)
            throws IOException, InterruptedException {
        try (WatchService watcher = folder.getFileSystem().newWatchService()) {
            folder.register(watcher, ENTRY_CREATE);
            run.run();
            Files.createFile(folder.resolve("sentinel"));
            List<String> names = new ArrayList<>();
            while (!names.contains("sentinel")) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> e : key.pollEvents()) {
                    assertThat(e.kind()).isNotEqualTo(OVERFLOW);
                    names.add(e.context().toString());
                }
                key.reset();
            }
            Files.delete(folder.resolve("sentinel"));
            return names;
        }
    }

    /**
     * Opens with the recipient's key, counting each time a passphrase is asked (once per key
     * unlocked).
     */
    static Runnable open(
            Source source,
            Certificate signer,
            Path destination,
            AtomicInteger asked,
            Class<?> failure) {
        Key recipient = KeyFiles.readSecretKey(KEYS.resolve("recipient.key.asc"));
        Passphrases passphrases =
                k -> {
                    asked.incrementAndGet();
                    return read(KEYS.resolve("recipient.passphrase")).toCharArray();
                };
        return () ->
                assertThatThrownBy(
                                () ->
                                        Opener.open(
                                                source,
                                                List.of(signer),
                                                List.of(recipient),
                                                passphrases,
                                                Opener.Destination.of(destination),
                                                Limits.DEFAULT,
                                                new Checks()))
                        .isInstanceOf(failure);
    }

    static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @Pins("R1.20")
    @ValueSource(
            strings = {
                "graft-donor-signature",
                "graft-garbage-byte",
                "graft-no-signature",
                "armor-comment-header",
                "armor-version-header",
                "armor-text-after",
                "armor-second-message",
                "armor-text-before",
                "armor-bad-checksum",
                "anonymous-65-recipients"
            })
    void aGraftedOrAlteredFileIsRefusedWithNothingDecryptedUnlockedOrStaged(String vector)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("case"));
        Certificate signer = KeyFiles.readCertificate(KEYS.resolve("signer.cert.asc"));
        long decrypted = SealReader.bytesDecrypted();
        AtomicInteger asked = new AtomicInteger();
        List<String> made =
                created(
                        folder,
                        open(
                                Source.file(VECTORS.resolve(vector + ".sealed")),
                                signer,
                                folder.resolve("bag"),
                                asked,
                                SealpackException.class));
        assertThat(SealReader.bytesDecrypted()).as("bytes decrypted").isEqualTo(decrypted);
        assertThat(asked).as("keys unlocked").hasValue(0);
        assertThat(made).as("entries made beside the destination").containsExactly("sentinel");
    }

    @Test
    @Pins("R1.20")
    void a256MibBodyUnderADonorSignatureIsRefusedWithNothingDecryptedOrStaged() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("file"));
        long decrypted = SealReader.bytesDecrypted();
        AtomicInteger asked = new AtomicInteger();
        List<String> made =
                created(
                        folder,
                        open(
                                Source.file(bigGraft),
                                cert("signer"),
                                folder.resolve("bag"),
                                asked,
                                BadSignatureException.class));
        assertThat(SealReader.bytesDecrypted()).isEqualTo(decrypted);
        assertThat(asked).hasValue(0);
        assertThat(made).containsExactly("sentinel");
    }

    @Test
    @Pins("R1.20")
    void fromAPipeOnlyItsCiphertextIsSpooledAndErased() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pipe"));
        long decrypted = SealReader.bytesDecrypted();
        AtomicInteger asked = new AtomicInteger();
        try (InputStream stdin = Files.newInputStream(bigGraft)) {
            List<String> made =
                    created(
                            folder,
                            open(
                                    Source.stream(stdin, "standard input"),
                                    cert("signer"),
                                    folder.resolve("bag"),
                                    asked,
                                    BadSignatureException.class));
            // The spool: its lock (made as .new, then renamed) and the one staged file of
            // ciphertext; no
            // second staged entry (a bag directory) was ever made.
            assertThat(made.stream().filter(n -> n.endsWith(".tmp"))).hasSize(1);
            assertThat(made.stream().filter(n -> n.startsWith(".sealpack-"))).hasSize(3);
        }
        assertThat(SealReader.bytesDecrypted()).isEqualTo(decrypted);
        assertThat(asked).hasValue(0);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.toList()).as("the spool is erased").isEmpty();
        }
    }

    @Test
    void aFileRenamedOverTheNameBetweenThePassesIsNotRead() throws Exception {
        Path sealed = Files.copy(big, dir.resolve("swapped.sealed"));
        Path other = Files.copy(bigGraft, dir.resolve("other.sealed"));
        Key recipient = org.sealpack.TestKeys.key("recipient");
        Passphrases swapping =
                k -> {
                    // Asked after the first pass verified, before the second decrypts: the graft
                    // takes the name.
                    try {
                        Files.move(
                                other,
                                sealed,
                                StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return org.sealpack.TestKeys.passphrase("recipient").toCharArray();
                };
        Reports.Full opened =
                Opener.open(
                                Source.file(sealed),
                                List.of(cert("signer")),
                                List.of(recipient),
                                swapping,
                                Opener.Destination.of(dir.resolve("bag")),
                                Limits.DEFAULT,
                                new Checks())
                        .report();
        assertThat(opened.outer().signer().fingerprint()).isEqualTo(cert("signer").fingerprint());
        assertThat(dir.resolve("bag/data/video.bin")).hasSize(256L << 20);
    }

    @Test
    void aFileChangedInPlaceBetweenThePassesIsRefusedByTheSecondPassAndNothingIsLeft()
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in-place"));
        Path sealed = Files.copy(big, folder.resolve("changed.sealed"));
        Throwable refused =
                openChangedAfterTheFirstPass(
                        folder,
                        sealed,
                        () -> {
                            // The same inode rewritten: the descriptor both passes read now gives
                            // the graft's bytes.
                            try (InputStream in = Files.newInputStream(bigGraft);
                                    OutputStream out =
                                            Files.newOutputStream(
                                                    sealed,
                                                    java.nio.file.StandardOpenOption.WRITE)) {
                                in.transferTo(out);
                            }
                        });
        assertThat(refused).isInstanceOf(SealpackException.class);
    }

    /** A change made to the file on disk. */
    interface Change {
        void make() throws IOException;
    }

    /**
     * Opens {@code sealed} into a new bag in {@code folder}, making {@code change} while the key is
     * unlocked (after the first pass verified, before the second decrypts); returns the failure,
     * once it is checked that nothing but the sealed file is left in the folder.
     */
    Throwable openChangedAfterTheFirstPass(Path folder, Path sealed, Change change)
            throws IOException {
        Key recipient = org.sealpack.TestKeys.key("recipient");
        Passphrases changing =
                k -> {
                    try {
                        change.make();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return org.sealpack.TestKeys.passphrase("recipient").toCharArray();
                };
        Throwable refused =
                catchThrowable(
                        () ->
                                Opener.open(
                                        Source.file(sealed),
                                        List.of(cert("signer")),
                                        List.of(recipient),
                                        changing,
                                        Opener.Destination.of(folder.resolve("bag")),
                                        Limits.DEFAULT,
                                        new Checks()));
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.toList()).containsExactly(sealed);
        }
        return refused;
    }

    /**
     * The second pass is not hashed again: a keyed tag of its bytes must equal the first pass's. A
     * byte flipped in the middle of the body (decryption then fails), in the signature that ends
     * the file (decryption succeeds: only the tag can tell), or bytes appended, each written into
     * the same inode after the first pass verified, are refused as a file that changed while it was
     * read, with nothing left.
     */
    @ParameterizedTest
    @ValueSource(strings = {"middle", "signature", "appended"})
    void bytesChangedInPlaceAfterTheFirstPassAreRefusedAsAChangedFile(String where)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in-place-" + where));
        Path sealed = Files.copy(big, folder.resolve("changed.sealed"));
        long size = Files.size(sealed);
        Throwable refused =
                openChangedAfterTheFirstPass(
                        folder,
                        sealed,
                        () -> {
                            try (RandomAccessFile f = new RandomAccessFile(sealed.toFile(), "rw")) {
                                if (where.equals("appended")) {
                                    f.seek(size);
                                    f.write(new byte[] {0x0a});
                                } else {
                                    long at = where.equals("middle") ? size / 2 : size - 5;
                                    f.seek(at);
                                    int b = f.read();
                                    f.seek(at);
                                    f.write(b ^ 0x01);
                                }
                            }
                        });
        assertThat(refused)
                .isInstanceOf(BadSignatureException.class)
                .hasMessageContaining("the file changed while it was read");
    }

    /**
     * The signature looked at first, from the file's end, is read at the descriptor the data is
     * read from, never through the name: a file by an untrusted signer renamed over the name after
     * the file was opened is not what is judged (it used to make a genuine file fail as "altered"
     * or "untrusted").
     */
    @Test
    void theSignatureAtTheEndIsReadAtTheDescriptorNotThroughTheName() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("renamed"));
        Path payload = Files.writeString(folder.resolve("note.txt"), "a short statement\n");
        Path metadata = SealFixture.metadata(folder, SealFixture.METADATA);
        Path genuine = folder.resolve("genuine.sealed");
        SealFixture.pack(List.of(payload), metadata, "signer", List.of("recipient"), genuine);
        Path byOther = folder.resolve("other.sealed");
        SealFixture.pack(List.of(payload), metadata, "other", List.of("recipient"), byOther);
        try (java.nio.channels.FileChannel channel =
                java.nio.channels.FileChannel.open(
                        genuine, java.nio.file.StandardOpenOption.READ)) {
            Files.move(byOther, genuine, StandardCopyOption.REPLACE_EXISTING);
            try (SealReader reader =
                    SealReader.open(
                            java.nio.channels.Channels.newInputStream(channel),
                            List.of(cert("signer")),
                            genuine,
                            SealReader.Tail.of(channel))) {
                assertThat(reader.verifyOuter(List.of(cert("signer"))).signer().fingerprint())
                        .isEqualTo(cert("signer").fingerprint());
            }
        }
    }

    @Test
    @Pins("R8.4")
    void eachKeyIsUnlockedOnceHoweverManyHiddenRecipients() {
        AtomicInteger asked = new AtomicInteger();
        Key recipient = KeyFiles.readSecretKey(KEYS.resolve("recipient.key.asc"));
        Passphrases counting =
                k -> {
                    asked.incrementAndGet();
                    return read(KEYS.resolve("recipient.passphrase")).toCharArray();
                };
        Reports.Full opened =
                Opener.open(
                                Source.file(VECTORS.resolve("anonymous-64-recipients.sealed")),
                                List.of(KeyFiles.readCertificate(KEYS.resolve("signer.cert.asc"))),
                                List.of(recipient),
                                counting,
                                Opener.Destination.of(dir.resolve("bag")),
                                Limits.DEFAULT,
                                new Checks())
                        .report();
        assertThat(opened.outer().anonymous()).isTrue();
        assertThat(asked).as("passphrases asked (keys unlocked)").hasValue(1);
        Limits lower = new Limits(1_000_000, 256L << 30, 1L << 40, 64, 4096, 63);
        assertThatThrownBy(
                        () ->
                                Opener.open(
                                        Source.file(
                                                VECTORS.resolve("anonymous-64-recipients.sealed")),
                                        List.of(
                                                KeyFiles.readCertificate(
                                                        KEYS.resolve("signer.cert.asc"))),
                                        List.of(recipient),
                                        counting,
                                        Opener.Destination.of(dir.resolve("bag2")),
                                        lower,
                                        new Checks()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("over the limit of 63");
        assertThat(asked).hasValue(1);
    }
}
