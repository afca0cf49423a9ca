package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sealpack.failure.InputException;

class MetadataTest {
    @Test
    void parsesCommentsContinuationsAndKeepsOrderAndRepetition() {
        Metadata m = Metadata.parseSenderFile("# a comment\nTitle: Изҳорот\n\nSubject: one\nSubject: two\n"
                + "External-Description: first line\n  second line\n", "meta");
        assertThat(m.elements()).extracting(Metadata.Element::label)
                .containsExactly("Title", "Subject", "Subject", "External-Description");
        assertThat(m.first("title")).contains("Изҳорот");
        assertThat(m.first("External-Description")).contains("first line second line");
        String info = m.toBagInfo();
        assertThat(info).isEqualTo("Title: Изҳорот\nSubject: one\nSubject: two\n"
                + "External-Description: first line\n  second line\n");
        assertThat(Metadata.parseBagInfo(info).elements()).isEqualTo(m.elements());
    }

    @Test
    void refusesComputedLabelsBadLinesAndControlCharacters() {
        assertThatThrownBy(() -> Metadata.parseSenderFile("Payload-Oxum: 1.1\n", "meta"))
                .isInstanceOf(InputException.class).hasMessageContaining("computed by sealpack");
        assertThatThrownBy(() -> Metadata.parseSenderFile("no colon here\n", "meta"))
                .isInstanceOf(InputException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Metadata.parseSenderFile("  continued\n", "meta"))
                .isInstanceOf(InputException.class).hasMessageContaining("continuation");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Title: a\u001b[31mred\n", "meta"))
                .isInstanceOf(InputException.class).hasMessageContaining("control");
    }
}
