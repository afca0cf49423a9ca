package org.sealpack.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long MIB = 1 << 20;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLineGivesBytesRateAndTimeLeft() {
        assertThat(ProgressLine.line("sealing", 222 * MIB, 600 * MIB, 2 * SECOND))
                .isEqualTo("sealing  37% (222 of 600 MiB), 111 MiB/s, 3 s left");
        assertThat(ProgressLine.line("opening", 10 * MIB, 6000 * MIB, 10 * SECOND))
                .isEqualTo("opening   0% (10 of 6000 MiB), 1 MiB/s, 1 h 39 min left");
        assertThat(ProgressLine.line("opening", 222 * MIB, 0, 2 * SECOND))
                .as("from a pipe the size is not known")
                .isEqualTo("opening 222 MiB, 111 MiB/s");
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(ProgressLine.duration(0)).isEqualTo("0 s");
        assertThat(ProgressLine.duration(59)).isEqualTo("59 s");
        assertThat(ProgressLine.duration(61)).isEqualTo("1 min 01 s");
        assertThat(ProgressLine.duration(7322)).isEqualTo("2 h 02 min");
    }
}
