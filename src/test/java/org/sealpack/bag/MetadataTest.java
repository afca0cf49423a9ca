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

    @Test
    void refusesEmptyValuesAndPlaceholdersNamingTheLine() {
        assertThatThrownBy(() -> Metadata.parseSenderFile("Title: T\n# c\nSource-Organization:   \n", "meta"))
                .isInstanceOf(InputException.class).hasMessage("meta line 3: Source-Organization has no value");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Date-Issued: YYYY-MM-DD\n", "meta"))
                .hasMessage("meta line 1: Date-Issued still holds the placeholder 'YYYY'");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Event-Date: 2018-MM-DD\n", "meta"))
                .hasMessageContaining("placeholder 'MM-DD'");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Title: x\nSubject: TODO\n", "meta"))
                .hasMessageContaining("line 2: Subject still holds the placeholder 'TODO'");
        // An empty first line with a continuation has a value; a word that contains TODO is no placeholder.
        assertThat(Metadata.parseSenderFile("Title:\n  on two lines\nSubject: TODOS and MMDD\n", "meta")
                .first("Subject")).contains("TODOS and MMDD");
    }
}
