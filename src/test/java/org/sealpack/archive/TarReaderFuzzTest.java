package org.sealpack.archive;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.sealpack.bag.BagReader;
import org.sealpack.failure.SealpackException;

/**
 * Fuzzes the safe tar reader and the bag reader over it; only sealpack failures and I/O errors may
 * come out.
 */
class TarReaderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void readTar(byte[] data) {
        try {
            BagReader.read(
                    new SafeTarReader(
                            new ByteArrayInputStream(data),
                            new Limits(1000, 1 << 20, 1 << 22, 16, 1024)),
                    UnverifiedSink.DISCARD);
        } catch (SealpackException | IOException expected) {
            // refused: the right answer
        }
    }
}
