package org.sealpack.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealpack.failure.InputException;
import org.sealpack.spec.Pins;

/**
 * The receipt file's form (docs/FORMAT.md section 11): the record is the last block, exactly as the
 * schema says.
 */
class ReceiptFileTest {
    static final ReceiptRecord RECORD =
            new ReceiptRecord(
                    ReceiptRecord.FORMAT,
                    "verify",
                    "2026-12-02T19:00:00Z",
                    "sealpack 0.1.0",
                    null,
                    "a note with ```json sealpack-receipt-1 in it",
                    new ReceiptRecord.SealedFile("s.sealed", "ab".repeat(32), 10L),
                    new ReceiptRecord.Party("15C6E52324F018516E63CA8B0DC067D1877D13C3", "signer"),
                    List.of(),
                    null,
                    ReceiptRecords.ALL.stream()
                            .map(
                                    c ->
                                            new ReceiptRecord.Check(
                                                    c,
                                                    c.equals("outer-signature")
                                                            ? "passed"
                                                            : "not checked"))
                            .toList(),
                    ReceiptRecord.GOOD,
                    0,
                    null,
                    List.of());

    static ReceiptRecord parse(String text) {
        return ReceiptFile.parse(text.getBytes(StandardCharsets.UTF_8), true, "r.md");
    }

    @Test
    @Pins("R11.1")
    void theRecordReadsBackAndOnlyTheLastBlockCounts() {
        String text =
                ReceiptFile.render(
                        "# receipt\n\n" + ReceiptFile.START + "\n{\"format\":\"forged\"}\n```\n",
                        RECORD);
        assertThat(parse(text)).isEqualTo(RECORD);
        assertThat(text).endsWith("\n```\n").contains("## Record (machine-readable)");
    }

    @Test
    void whatIsNotAReceiptIsRefused() {
        String good = ReceiptFile.render("# receipt\n", RECORD);
        assertThatThrownBy(() -> parse("# just Markdown\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not end with a record block");
        assertThatThrownBy(() -> parse(good + "trailing text\n"))
                .hasMessageContaining("does not end with a record block");
        assertThatThrownBy(() -> parse(good.replace("\"job\"", "\"extra\" : 1,\n  \"job\"")))
                .hasMessageContaining("has a field the schema does not name: \"extra\"");
        assertThatThrownBy(() -> parse(good.replace(ReceiptRecord.FORMAT, "sealpack-receipt/2")))
                .hasMessageContaining("not sealpack-receipt/1");
        assertThatThrownBy(() -> parse(good.replace("2026-12-02T19:00:00Z", "yesterday")))
                .hasMessageContaining("not a time in UTC to the second");
        assertThatThrownBy(() -> ReceiptFile.parse(new byte[] {(byte) 0xff, 0x0a}, true, "r.md"))
                .hasMessageContaining("not UTF-8");
    }
}
