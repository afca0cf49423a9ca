package org.sealpack.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged bag is placed only with the verified result of the check that filled it; otherwise it is
 * erased.
 */
class StagedBagTest {
    @TempDir Path dir;

    @Test
    void aBagIsPlacedOnlyWithItsOwnVerifiedResult() throws Exception {
        Path destination = dir.resolve("opened");
        try (StagedBag staged = StagedBag.beside(destination, destination)) {
            staged.directory("data");
            try (var out = staged.file("data/statement.txt")) {
                out.write("unverified".getBytes());
            }
            Verified<Reports.Full> other = new Verified<>(null, null, new Object());
            assertThatThrownBy(() -> staged.place(other, destination, null))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(
                            () -> staged.place(new Verified<>(null, null, null), destination, null))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(destination).doesNotExist();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList())
                    .as("the staged plaintext is erased when it is not placed")
                    .isEmpty();
        }
        try (StagedBag staged = StagedBag.beside(destination, destination)) {
            staged.directory("data");
            staged.place(new Verified<>(null, null, staged), destination, null);
        }
        assertThat(destination.resolve("data")).isDirectory();
    }
}
