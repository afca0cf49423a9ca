package org.sealpack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpack.Proc;
import org.sealpack.failure.ExitCode;

/**
 * A full disk while packing: one line naming it, exit code 5, and nothing left behind. Packing runs
 * on two threads (payload; encryption and file): the failure of the writing one must be what is
 * said.
 */
class DiskFullIT {
    static final String SIGNER = Proc.packKeys();

    @TempDir Path dir;

    @Test
    void packingToAFullStreamSaysSo() throws IOException {
        Files.write(dir.resolve("video.bin"), new byte[4 << 20]);
        Proc.Result r =
                Proc.bash(
                        dir,
                        Map.of(),
                        Proc.javaJar() + " pack video.bin" + SIGNER + " -o - > /dev/full");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.WRITE_FAILED.code);
        assertThat(r.err().strip())
                .doesNotContain("\n", "Exception")
                .startsWith(
                        "sealpack: error: writing the sealed stream failed: No space left on device");
    }

    /** Needs a small file system: a tmpfs mounted for the test (root only; skipped elsewhere). */
    @Test
    void packingOntoAFullFileSystemLeavesNothing() throws IOException {
        Path small = dir.resolve("small");
        Files.createDirectory(small);
        Proc.Result mount = Proc.bash(dir, Map.of(), "mount -t tmpfs -o size=2m tmpfs " + small);
        org.sealpack.Requires.that(
                mount.exit() == 0,
                "mounting a tmpfs (" + mount.err().strip() + ")",
                "run the tests as root");
        try {
            Files.write(dir.resolve("video.bin"), new byte[5 << 20]);
            Proc.Result r =
                    Proc.bash(
                            dir,
                            Map.of(),
                            Proc.javaJar() + " pack video.bin" + SIGNER + " -o small/video.sealed");
            assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.WRITE_FAILED.code);
            assertThat(r.err().strip())
                    .doesNotContain("\n", "Exception")
                    .startsWith(
                            "sealpack: error: writing small/video.sealed failed: No space left on device");
            try (var left = Files.list(small)) {
                assertThat(left.toList()).as("no sealed file and no temporary file").isEmpty();
            }
        } finally {
            Proc.bash(dir, Map.of(), "umount " + small);
        }
    }
}
