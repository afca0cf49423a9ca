package org.sealpack.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure through directory handles, on the real file system: links removed, never followed;
 * identity checked.
 */
class ErasureTest {
    @TempDir Path dir;

    @Test
    void aTreeIsErasedAndLinksInItAreRemovedNeverFollowed() throws IOException {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("witness.txt"), "a witness statement");
        Path tree = Files.createDirectories(dir.resolve(".sealpack-x.tmp/a/b/c"));
        Files.writeString(tree.resolve("f.txt"), "x");
        Files.createSymbolicLink(tree.resolve("to-victim"), victim);
        Files.createSymbolicLink(
                dir.resolve(".sealpack-x.tmp/a/file-link"), victim.resolve("witness.txt"));
        String id = Journal.identity(dir.resolve(".sealpack-x.tmp"));

        assertThat(Erasure.erase(dir, ".sealpack-x.tmp", id)).isEmpty();

        assertThat(dir.resolve(".sealpack-x.tmp")).doesNotExist();
        assertThat(victim.resolve("witness.txt")).hasContent("a witness statement");
    }

    @Test
    void aTopThatIsALinkIsRemovedAndItsTargetKept() throws IOException {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("witness.txt"), "a witness statement");
        Path link = Files.createSymbolicLink(dir.resolve(".sealpack-y.tmp"), victim);

        assertThat(Erasure.erase(dir, ".sealpack-y.tmp", Journal.identity(link))).isEmpty();

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(victim.resolve("witness.txt")).hasContent("a witness statement");
    }

    @Test
    void anotherFileOrDirectoryUnderTheNameIsLeftAloneAndNamed() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve(".sealpack-z.tmp"));
        Files.writeString(tmp.resolve("kept.txt"), "kept");

        assertThat(Erasure.erase(dir, ".sealpack-z.tmp", "(dev=0,ino=0)"))
                .singleElement()
                .asString()
                .isEqualTo(tmp + " was left alone: it is not the one sealpack made there");
        assertThat(tmp.resolve("kept.txt")).hasContent("kept");
        assertThat(Erasure.erase(dir, "not-there", null)).isEmpty();
    }

    @Test
    void manyThingsLeftAloneAreSummedUpInAFewLines() {
        var lines = new java.util.ArrayList<String>();
        for (int i = 0; i < 10_000; i++) {
            lines.add("x" + i + " was left alone");
        }
        assertThat(Erasure.summarized(lines, dir))
                .hasSize(4)
                .last()
                .asString()
                .isEqualTo("and 9997 more things in " + dir + " were left alone");
    }
}
