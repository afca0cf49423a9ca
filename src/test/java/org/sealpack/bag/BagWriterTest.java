package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BagWriterTest {
    @Test
    void everyDirectoryThatHoldsAFileParentsFirst() {
        List<PayloadFile> files =
                Stream.of(
                                "data/top.txt",
                                "data/a/b/c/one",
                                "data/a/b/c/two",
                                "data/a/b-c/x",
                                "data/a/b/d",
                                "data/a/bc/y",
                                "data/z/1",
                                "data/z/2",
                                "data/zz")
                        .map(p -> new PayloadFile(Path.of("/"), p, 1, 0))
                        .sorted(Comparator.comparing(PayloadFile::bagPath))
                        .toList();
        assertThat(BagWriter.directories(files))
                .containsExactly(
                        "data/a", "data/a/b", "data/a/b-c", "data/a/b/c", "data/a/bc", "data/z");
    }
}
