package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.failure.InputException;

/** Listing the payload through directory handles, and opening its files through them. */
class PayloadTest {
    @TempDir Path dir;

    private Path file(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, relative);
    }

    @Test
    void aTreeIsListedInBagOrderWithItsEmptyDirectories() throws IOException {
        file("in/a.txt");
        file("in/b/c.txt");
        file("in/b-c/d.txt");
        file("in/b/e/f.txt");
        file("in/z");
        Files.createDirectories(dir.resolve("in/empty/deeper/still"));
        Files.createDirectories(dir.resolve("in/b/none"));
        file("other/x.txt");
        file("single.txt");
        Payload.Collected c =
                Payload.collect(
                        List.of(
                                dir.resolve("in"),
                                dir.resolve("other"),
                                dir.resolve("single.txt")));
        assertThat(c.files().stream().map(PayloadFile::bagPath))
                .containsExactly(
                        "data/in/a.txt",
                        "data/in/b-c/d.txt",
                        "data/in/b/c.txt",
                        "data/in/b/e/f.txt",
                        "data/in/z",
                        "data/other/x.txt",
                        "data/single.txt");
        assertThat(c.files().get(0).size()).isEqualTo("in/a.txt".length());
        assertThat(c.emptyDirectories())
                .containsExactlyInAnyOrder(dir.resolve("in/empty"), dir.resolve("in/b/none"));
        // Every file opens, in bag order, through the handles, with its own content.
        try (PayloadOpener opener = new PayloadOpener()) {
            for (PayloadFile f : c.files()) {
                try (SeekableByteChannel in = opener.open(f);
                        InputStream s = Channels.newInputStream(in)) {
                    assertThat(new String(s.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo(dir.relativize(f.source()).toString());
                }
            }
        }
    }

    @Test
    void linksAndSpecialFilesInsideAreRefused() throws IOException {
        file("in/a.txt");
        Files.createSymbolicLink(dir.resolve("in/link"), dir.resolve("in/a.txt"));
        assertThatThrownBy(() -> Payload.collect(List.of(dir.resolve("in"))))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("in/link") + " is a symbolic link");
        Files.delete(dir.resolve("in/link"));
        file("elsewhere/b.txt");
        Files.createSymbolicLink(dir.resolve("in/dirlink"), dir.resolve("elsewhere"));
        assertThatThrownBy(() -> Payload.collect(List.of(dir.resolve("in"))))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("in/dirlink") + " is a symbolic link");
        Files.delete(dir.resolve("in/dirlink"));
        new ProcessBuilder("mkfifo", dir.resolve("in/fifo").toString()).start().onExit().join();
        assertThatThrownBy(() -> Payload.collect(List.of(dir.resolve("in"))))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("in/fifo") + " is not a regular file");
    }

    /** A file or directory replaced by a link after the payload was listed is not read. */
    @Test
    void aLinkPutInPlaceAfterListingIsNotFollowed() throws IOException {
        file("in/sub/deeper/a.txt");
        file("in/sub/b.txt");
        file("secret/deeper/a.txt");
        file("secret/b.txt");
        List<PayloadFile> files =
                new ArrayList<>(Payload.collect(List.of(dir.resolve("in"))).files());
        Files.move(dir.resolve("in/sub"), dir.resolve("moved"));
        Files.createSymbolicLink(dir.resolve("in/sub"), dir.resolve("secret"));
        try (PayloadOpener opener = new PayloadOpener()) {
            for (PayloadFile f : files) {
                assertThatThrownBy(() -> opener.open(f).close()).isInstanceOf(IOException.class);
            }
        }
        Files.delete(dir.resolve("in/sub"));
        Files.move(dir.resolve("moved"), dir.resolve("in/sub"));
        Files.delete(dir.resolve("in/sub/b.txt"));
        Files.createSymbolicLink(dir.resolve("in/sub/b.txt"), dir.resolve("secret/b.txt"));
        try (PayloadOpener opener = new PayloadOpener()) {
            PayloadFile b =
                    files.stream()
                            .filter(f -> f.bagPath().equals("data/in/sub/b.txt"))
                            .findFirst()
                            .orElseThrow();
            assertThatThrownBy(() -> opener.open(b).close()).isInstanceOf(IOException.class);
        }
    }

    /** A file gone since the listing is named by its full path, as before the handles. */
    @Test
    void aFileGoneSinceTheListingIsNamedInFull() throws IOException {
        file("in/sub/a.txt");
        file("in/sub/b.txt");
        List<PayloadFile> files = Payload.collect(List.of(dir.resolve("in"))).files();
        Files.delete(dir.resolve("in/sub/b.txt"));
        try (PayloadOpener opener = new PayloadOpener()) {
            opener.open(files.get(0)).close();
            assertThatThrownBy(() -> opener.open(files.get(1)))
                    .isInstanceOf(java.nio.file.NoSuchFileException.class)
                    .hasMessage(dir.resolve("in/sub/b.txt").toString());
        }
    }
}
