package org.sealpack.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TarWriter writes the headers of plain entries itself: the archive must stay byte for byte what
 * Commons Compress wrote for every entry before (docs/FORMAT.md section 3 does not change).
 */
class TarWriterTest {
    @TempDir Path dir;

    /** One entry: a directory (content null) or a file, read from bytes, a stream or a file. */
    private record Entry(String name, byte[] content, Instant modified, int source) {}

    private static final Instant NOW = Instant.parse("2026-12-06T06:30:00.123456789Z");

    @Test
    void plainAndPaxEntriesAreWhatCommonsCompressWrote() throws IOException {
        List<Entry> entries = new ArrayList<>();
        String[] names = {
            "bag/",
            "bag/bagit.txt",
            "bag/data/x",
            "bag/data/" + "n".repeat(90),
            "b/" + "n".repeat(97), // 99 bytes: the longest ustar name
            "b/" + "n".repeat(98), // 100 bytes: a pax header
            "b/" + "n".repeat(200),
            "bag/data/Заявление.txt",
            "bag/data/e\u0301.txt",
            "/absolute",
            "bag/data/with space and ~!@#$%^&*()",
            "bag/data/del\u007f",
        };
        int[] sizes = {0, 1, 80, 511, 512, 513, 1024, 65535, 65536, 65537, 66048, 200_000};
        Instant[] times = {
            NOW,
            Instant.EPOCH,
            Instant.ofEpochSecond(-1),
            Instant.ofEpochSecond(077777777777L),
            Instant.ofEpochSecond(077777777777L + 1),
            Instant.ofEpochSecond(1_700_000_000L, 999_999_999),
        };
        Random random = new Random(29);
        for (String name : names) {
            for (Instant time : times) {
                entries.add(new Entry(name.endsWith("/") ? name : name + "/", null, time, 0));
                for (int source = 0; source < 3; source++) {
                    int size = sizes[random.nextInt(sizes.length)];
                    entries.add(
                            new Entry(
                                    name.replaceAll("/$", ""), bytes(random, size), time, source));
                }
            }
        }
        for (int size : sizes) {
            for (int source = 0; source < 3; source++) {
                entries.add(new Entry("bag/data/f" + size, bytes(random, size), NOW, source));
            }
        }
        for (int i = 0; i < 300; i++) {
            StringBuilder name = new StringBuilder("bag/data/");
            int length = 1 + random.nextInt(120);
            for (int c = 0; c < length; c++) {
                name.append(
                        random.nextInt(10) == 0
                                ? (char) (0xa0 + random.nextInt(0x500))
                                : (char) ('!' + random.nextInt(0x5d)));
            }
            entries.add(
                    new Entry(
                            name.append('x').toString(),
                            bytes(random, random.nextInt(3000)),
                            Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE)),
                            random.nextInt(3)));
        }
        assertThat(written(entries)).isEqualTo(reference(entries));
    }

    @Test
    void theDataGoesToTheTeeAsWritten() throws IOException {
        byte[] content = bytes(new Random(1), 150_000);
        Path file = Files.write(dir.resolve("f"), content);
        MessageDigest digest = sha512();
        try (TarWriter tar = new TarWriter(OutputStream.nullOutputStream());
                FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            tar.file("bag/data/f", content.length, NOW, in, tee(digest));
        }
        assertThat(digest.digest()).isEqualTo(sha512().digest(content));
    }

    @Test
    void aFileLongerOrShorterThanListedIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[100]);
        for (long listed : new long[] {0, 99, 101, 5000}) {
            try (TarWriter tar = new TarWriter(OutputStream.nullOutputStream());
                    FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                assertThatThrownBy(
                                () ->
                                        tar.file(
                                                "bag/data/f",
                                                listed,
                                                NOW,
                                                in,
                                                OutputStream.nullOutputStream()))
                        .isInstanceOf(TarWriter.SizeChangedException.class)
                        .hasMessageContaining("bag/data/f changed while it was being read");
            }
            try (TarWriter tar = new TarWriter(OutputStream.nullOutputStream())) {
                assertThatThrownBy(
                                () ->
                                        tar.file(
                                                "bag/data/f",
                                                listed,
                                                NOW,
                                                new ByteArrayInputStream(new byte[100]),
                                                OutputStream.nullOutputStream()))
                        .isInstanceOf(TarWriter.SizeChangedException.class);
            }
        }
    }

    /** A stream that hands out one byte at a time is read to its end, not taken as ended. */
    @Test
    void aStreamsShortReadsAreNotItsEnd() throws IOException {
        byte[] content = bytes(new Random(2), 3000);
        MessageDigest digest = sha512();
        try (TarWriter tar = new TarWriter(OutputStream.nullOutputStream())) {
            tar.file("bag/data/f", content.length, NOW, trickle(content), tee(digest));
            assertThat(digest.digest()).isEqualTo(sha512().digest(content));
            assertThatThrownBy(
                            () ->
                                    tar.file(
                                            "bag/data/g",
                                            content.length - 1,
                                            NOW,
                                            trickle(content),
                                            OutputStream.nullOutputStream()))
                    .isInstanceOf(TarWriter.SizeChangedException.class)
                    .hasMessageContaining("found more");
        }
    }

    private static InputStream trickle(byte[] content) {
        return new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void plainIsWhatFitsAUstarHeader() {
        assertThat(TarWriter.plain("a", 0, 0)).isTrue();
        assertThat(TarWriter.plain("a".repeat(99), 077777777777L, 077777777777L)).isTrue();
        assertThat(TarWriter.plain("a".repeat(100), 0, 0)).isFalse();
        assertThat(TarWriter.plain("", 0, 0)).isFalse();
        assertThat(TarWriter.plain("/a", 0, 0)).isFalse();
        assertThat(TarWriter.plain("é", 0, 0)).isFalse();
        assertThat(TarWriter.plain("a\0", 0, 0)).isFalse();
        assertThat(TarWriter.plain("a", 077777777777L + 1, 0)).isFalse();
        assertThat(TarWriter.plain("a", 0, 077777777777L + 1)).isFalse();
        assertThat(TarWriter.plain("a", 0, -1)).isFalse();
    }

    private byte[] written(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        try (TarWriter tar =
                new TarWriter(bytes, new Limits(1 << 20, 1L << 40, 1L << 50, 64, 1024))) {
            for (Entry e : entries) {
                if (e.content() == null) {
                    tar.directory(e.name(), e.modified());
                } else if (e.source() == 0) {
                    tar.file(e.name(), e.content(), e.modified());
                } else if (e.source() == 1) {
                    tar.file(
                            e.name(),
                            e.content().length,
                            e.modified(),
                            new ByteArrayInputStream(e.content()),
                            OutputStream.nullOutputStream());
                } else {
                    Path file = Files.write(dir.resolve("e" + i++), e.content());
                    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                        tar.file(
                                e.name(),
                                e.content().length,
                                e.modified(),
                                in,
                                OutputStream.nullOutputStream());
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The archive as TarWriter wrote it through Commons Compress alone, entry by entry. */
    private static byte[] reference(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Entry e : entries) {
                TarArchiveEntry entry;
                if (e.content() == null) {
                    entry = new TarArchiveEntry(e.name(), TarConstants.LF_DIR);
                    entry.setMode(0755);
                } else {
                    entry = new TarArchiveEntry(e.name(), TarConstants.LF_NORMAL);
                    entry.setSize(e.content().length);
                    entry.setMode(0644);
                }
                entry.setModTime(Date.from(e.modified().truncatedTo(ChronoUnit.SECONDS)));
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                if (e.content() != null) {
                    tar.write(e.content());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream tee(MessageDigest digest) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        };
    }
}
