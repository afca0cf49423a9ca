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
 * A bag with more files than the heap holds (a few hundred bytes each, more with long names) fails
 * with one line naming the heap and how to raise it, exit code 6, and nothing left behind,
 * whichever thread ran out: never a stack trace, never "corrupt" or "disk full". 40,000 files with
 * 130-character names against a 16 MiB heap stand in for millions against 128.
 */
class OutOfMemoryIT {
    /**
     * Since pack holds less per file (b2c82e3), 20,000 of these fit in 16 MiB after a minute of
     * collections (37-75 s measured); 40,000 run out in about a second.
     */
    static final int FILES = 40_000;

    @TempDir Path dir;

    @Test
    void tooManyFilesForTheHeapIsSaidAndLeavesNothing() throws IOException {
        Path payload = dir.resolve("notes");
        for (int d = 0; d < 10; d++) {
            Files.createDirectories(payload.resolve("d" + d));
        }
        String longName =
                "witness-statement-translated-from-tajik-"
                        .repeat(6); // 240 bytes: half the files, the same heap
        for (int i = 0; i < FILES; i++) {
            Files.writeString(
                    payload.resolve("d" + i % 10).resolve(longName + i + ".txt"),
                    "note " + i + "\n");
        }
        String pack = " pack notes" + Proc.packKeys();
        String open = " open notes.sealed" + Proc.openKeys() + " -o opened";
        String small = "java -Xmx16m -XX:+UseSerialGC -jar " + Proc.jar();
        // Opening, a 16 MiB heap thrashes for a long while before it runs out; the parallel
        // collector's
        // overhead limit ends that sooner with the same OutOfMemoryError (measured: 15 s -> 7 s).
        String smallOpen =
                "java -Xmx16m -XX:+UseParallelGC -XX:GCTimeLimit=50 -XX:GCHeapFreeLimit=20 -jar "
                        + Proc.jar();

        Proc.Result packed = Proc.bash(dir, Map.of(), small + pack + " -o small.sealed");
        expectOutOfMemory(packed);
        Proc.Result opened =
                Proc.bash(
                        dir,
                        Map.of(),
                        Proc.javaJar() + pack + " -q -o notes.sealed && " + smallOpen + open);
        expectOutOfMemory(opened);
        try (var left = Files.list(dir)) {
            assertThat(
                            left.map(p -> p.getFileName().toString())
                                    .filter(name -> !name.equals("h"))
                                    .sorted()
                                    .toList())
                    .as(
                            "no sealed file, no opened bag, no temporary file or directory (h is sealpack's home)")
                    .containsExactly("notes", "notes.sealed");
        }
    }

    private static void expectOutOfMemory(Proc.Result r) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCode.OUT_OF_MEMORY.code);
        assertThat(r.err().strip())
                .doesNotContain("\n", "Exception", "corrupt", "disk")
                .startsWith("sealpack: error: out of memory: the Java heap (")
                .contains("SEALPACK_JAVA_OPTS=-Xmx4g");
        assertThat(r.out()).isEmpty();
    }
}
