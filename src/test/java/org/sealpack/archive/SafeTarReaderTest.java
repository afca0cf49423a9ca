package org.sealpack.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.failure.UnsafeArchiveException;

class SafeTarReaderTest {
    @TempDir Path dir;

    /**
     * A tar with the given entries: "name" (file), "name/" (directory), "name->target" (symlink),
     * "name=>target" (hard link).
     */
    static byte[] tar(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8")) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setAddPaxHeadersForNonAsciiNames(true);
            for (String e : entries) {
                TarArchiveEntry entry;
                byte[] content = new byte[0];
                if (e.contains("->")) {
                    entry = new TarArchiveEntry(e.split("->")[0], TarConstants.LF_SYMLINK, true);
                    entry.setLinkName(e.split("->")[1]);
                } else if (e.contains("=>")) {
                    entry = new TarArchiveEntry(e.split("=>")[0], TarConstants.LF_LINK, true);
                    entry.setLinkName(e.split("=>")[1]);
                } else if (e.endsWith("/")) {
                    entry = new TarArchiveEntry(e, TarConstants.LF_DIR, true);
                } else {
                    entry = new TarArchiveEntry(e, TarConstants.LF_NORMAL, true);
                    content = e.getBytes(StandardCharsets.UTF_8);
                    entry.setSize(content.length);
                }
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static List<String> readAll(byte[] tar, UnverifiedSink sink) throws IOException {
        SafeTarReader reader = new SafeTarReader(new ByteArrayInputStream(tar), Limits.DEFAULT);
        List<String> paths = new ArrayList<>();
        SafeTarReader.Entry e;
        while ((e = reader.next()) != null) {
            paths.add(e.path());
            if (e.directory()) {
                if (!e.path().isEmpty()) {
                    sink.directory(e.path());
                }
            } else {
                try (var out = sink.file(e.path())) {
                    reader.content().transferTo(out);
                }
            }
        }
        return paths;
    }

    @Test
    void aPlainBagTreeIsReadAndExtracted() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        List<String> paths =
                readAll(
                        tar(
                                "bag/",
                                "bag/bagit.txt",
                                "bag/data/",
                                "bag/data/Баёнот.txt",
                                "bag/data/" + "long".repeat(40) + ".txt"),
                        new UnverifiedDirectory(out));
        assertThat(paths).contains("", "bagit.txt", "data/Баёнот.txt");
        assertThat(out.resolve("data/Баёнот.txt")).hasContent("bag/data/Баёнот.txt");
    }

    @Test
    void hostileEntriesAreRefused() {
        String[][] cases = {
            {"bag/", "bag/../escape.txt"},
            {"/etc/passwd"},
            {"bag/", "bag/link->/etc/passwd"},
            {"bag/", "bag/hard=>/etc/passwd"},
            {"bag/", "bag/a.txt", "bag/a.txt"},
            {"bag/", "bag/data/Case.txt", "bag/data/case.txt"},
            {"bag/", "bag/data/caf\u00e9.txt", "bag/data/cafe\u0301.txt"},
            {"bag/", "other/x.txt"},
            {"top.txt"},
            {"bag/", "bag/back\\slash.txt"},
            {"bag/", "bag//double.txt"},
        };
        for (String[] c : cases) {
            Throwable t =
                    org.assertj.core.api.Assertions.catchThrowable(
                            () -> readAll(tar(c), UnverifiedSink.DISCARD));
            assertThat(t).as(String.join(" ", c)).isInstanceOf(UnsafeArchiveException.class);
        }
    }

    @Test
    void limitsAreEnforced() throws IOException {
        byte[] many = tar("bag/", "bag/a", "bag/b", "bag/c");
        SafeTarReader reader =
                new SafeTarReader(new ByteArrayInputStream(many), new Limits(3, 100, 100, 5, 100));
        assertThatThrownBy(
                        () -> {
                            while (reader.next() != null) {
                                // read on
                            }
                        })
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("more than 3 entries");
        SafeTarReader small =
                new SafeTarReader(
                        new ByteArrayInputStream(tar("bag/", "bag/abcdef")),
                        new Limits(9, 5, 100, 5, 100));
        small.next();
        assertThatThrownBy(small::next)
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void theExtractorNeverWritesThroughALinkOrOverAFile() throws IOException {
        Path out = Files.createDirectory(dir.resolve("dest"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.createSymbolicLink(out.resolve("data"), outside);
        UnverifiedDirectory extractor = new UnverifiedDirectory(out);
        assertThatThrownBy(() -> extractor.file("data/x.txt"))
                .isInstanceOf(UnsafeArchiveException.class);
        assertThat(outside.toFile().list()).isEmpty();
        Files.writeString(out.resolve("exists.txt"), "mine");
        assertThatThrownBy(() -> extractor.file("exists.txt"))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThatThrownBy(() -> extractor.file("../escape.txt"))
                .isInstanceOf(UnsafeArchiveException.class);
    }
}
