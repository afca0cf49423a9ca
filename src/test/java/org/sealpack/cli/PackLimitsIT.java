package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;
import org.sealpack.spec.Pins;

/**
 * pack makes nothing that open would refuse: the limits open applies to a tar (entries, file size,
 * total size, depth) bound what pack writes, with the same defaults and the same options. Found by
 * packing a million files, which pack sealed and open then refused (1,000,010 entries).
 */
class PackLimitsIT {
    static final String PACK = " pack in" + Proc.packKeys() + " -o s.sealed";
    static final String OPEN = " open s.sealed" + Proc.openKeys() + " -o out";

    @TempDir Path dir;

    /**
     * 20 files in data/in/a/b: a tar of 20 files, 3 directories below data/ and 8 entries of the
     * bag.
     */
    @BeforeEach
    void twentyFiles() throws IOException {
        Files.createDirectories(dir.resolve("in/a/b"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("in/a/b/f" + i + ".txt"), "note " + i + "\n");
        }
    }

    private Proc.Result sealpack(String args) {
        return Proc.bash(dir, Map.of(), Proc.javaJar() + args);
    }

    private void refused(Proc.Result r, String... expected) throws IOException {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.INPUT.code);
        assertThat(r.err().strip())
                .doesNotContain("\n", "Exception", "disk space")
                .startsWith("sealpack: error: cannot seal this payload: ")
                .contains(expected);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .as("no sealed file, no temporary file")
                    .allMatch(n -> n.equals("in") || n.equals("h"));
        }
    }

    @Test
    @Pins("R3.9")
    void moreFilesThanTheLimitAreRefusedBeforeSealing() throws IOException {
        refused(
                sealpack(PACK + " --max-entries 10"),
                "more than 10 files and directories (20 files)",
                "raise the limit with --max-entries here and tell the recipients");
    }

    @Test
    void theLimitCountsWhatOpenCountsDirectoriesAndTagFilesToo() throws IOException {
        refused(sealpack(PACK + " --max-entries 30"), "more than 30 files and directories");
        Proc.Result packed = sealpack(PACK + " -q --max-entries 31");
        assertThat(packed.exit()).as(packed.toString()).isZero();
        Proc.Result tooStrict = sealpack(OPEN + " --max-entries 30");
        assertThat(tooStrict.exit())
                .as("open counts the same 31 entries: " + tooStrict)
                .isEqualTo(ExitCode.UNSAFE_ARCHIVE.code);
        Proc.Result opened = sealpack(OPEN + " -q --max-entries 31");
        assertThat(opened.exit()).as(opened.toString()).isZero();
    }

    @Test
    void depthFileSizeAndTotalSizeAreBoundedToo() throws IOException {
        refused(
                sealpack(PACK + " --max-depth 3"),
                "s/data/in/a/b/ is nested deeper than 3",
                "--max-depth");
        refused(
                sealpack(PACK + " --max-file-size 20"),
                "bytes, more than 20 in one file",
                "--max-file-size");
        refused(
                sealpack(PACK + " --max-total-size 100"),
                "more than 100 bytes",
                "--max-total-size");
    }

    /** A file whose size changes while it is read (here: one of /proc's, which claim 0 bytes). */
    @Test
    void aFileThatChangesWhileItIsReadIsSaidSo() {
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of(),
                        Proc.javaJar() + PACK.replace(" pack in ", " pack /proc/self/status "));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.INPUT.code);
        assertThat(r.err().strip())
                .doesNotContain("\n", "Exception", "disk space")
                .contains(
                        "status changed while it was being read",
                        "pack again when nothing is writing to the payload");
        assertThat(dir.resolve("s.sealed")).doesNotExist();
    }
}
