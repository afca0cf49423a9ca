package org.sealpack.bag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sealpack.failure.InputException;

class MetadataTest {
    @Test
    void parsesCommentsContinuationsAndKeepsOrderAndRepetition() {
        Metadata m =
                Metadata.parseSenderFile(
                        "# a comment\nTitle: Изҳорот\n\nSubject: one\nSubject: two\n"
                                + "External-Description: first line\n  second line\n",
                        "meta");
        assertThat(m.elements())
                .extracting(Metadata.Element::label)
                .containsExactly("Title", "Subject", "Subject", "External-Description");
        assertThat(m.first("title")).contains("Изҳорот");
        assertThat(m.first("External-Description")).contains("first line second line");
        String info = m.toBagInfo();
        assertThat(info)
                .isEqualTo(
                        "Title: Изҳорот\nSubject: one\nSubject: two\n"
                                + "External-Description: first line\n  second line\n");
        assertThat(Metadata.parseBagInfo(info).elements()).isEqualTo(m.elements());
    }

    @Test
    void refusesComputedLabelsBadLinesAndControlCharacters() {
        assertThatThrownBy(() -> Metadata.parseSenderFile("Payload-Oxum: 1.1\n", "meta"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("computed by sealpack");
        assertThatThrownBy(() -> Metadata.parseSenderFile("no colon here\n", "meta"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> Metadata.parseSenderFile("  continued\n", "meta"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("continuation");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Title: a\u001b[31mred\n", "meta"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("control");
    }

    @Test
    void refusesEmptyValuesAndPlaceholdersNamingTheLine() {
        assertThatThrownBy(
                        () ->
                                Metadata.parseSenderFile(
                                        "Title: T\n# c\nSource-Organization:   \n", "meta"))
                .isInstanceOf(InputException.class)
                .hasMessage("meta line 3: Source-Organization has no value");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Date-Issued: YYYY-MM-DD\n", "meta"))
                .hasMessage("meta line 1: Date-Issued still holds the placeholder 'YYYY'");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Event-Date: 2018-MM-DD\n", "meta"))
                .hasMessageContaining("placeholder 'MM-DD'");
        assertThatThrownBy(() -> Metadata.parseSenderFile("Title: x\nSubject: TODO\n", "meta"))
                .hasMessageContaining("line 2: Subject still holds the placeholder 'TODO'");
        // An empty first line with a continuation has a value; a word that contains TODO is no
        // placeholder.
        assertThat(
                        Metadata.parseSenderFile(
                                        "Title:\n  on two lines\nSubject: TODOS and MMDD\n", "meta")
                                .first("Subject"))
                .contains("TODOS and MMDD");
    }

    @Test
    void namesEveryProblemOfTheFileInOneFailureInTheOrderOfItsLines() {
        assertThatThrownBy(
                        () ->
                                Metadata.parseSenderFile(
                                        "Title:\nno colon\nDate-Issued: 12/11/2018\nPayload-Oxum: 1.1\n"
                                                + "Subject: TODO\n",
                                        "meta"))
                .isInstanceOfSatisfying(
                        org.sealpack.failure.InputProblemsException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(Throwable::getMessage)
                                        .containsExactly(
                                                "meta line 1: Title has no value",
                                                "meta line 2 is not 'Label: value'",
                                                "meta line 3: Date-Issued '12/11/2018' is not a date in the form YYYY-MM-DD",
                                                "meta line 4: Payload-Oxum is computed by sealpack",
                                                "meta line 5: Subject still holds the placeholder 'TODO'"));
    }

    @Test
    void datesAreIso8601YearsMonthsDaysOrIntervals() {
        for (String good :
                new String[] {
                    "2018", "2018-11", "2018-11-12", "2018-11-07/2018-11-08", "2016-02-29"
                }) {
            assertThat(
                            Metadata.parseSenderFile(
                                            "Date-Issued: " + good + "\nEvent-Date: " + good + "\n",
                                            "meta")
                                    .first("Event-Date"))
                    .contains(good);
        }
        for (String bad :
                new String[] {
                    "12/11/2018",
                    "12.11.2018",
                    "2018-13",
                    "2018-02-30",
                    "18-11-12",
                    "12 November 2018",
                    "2018-11-12T10:00",
                    "2017-02-29",
                    "2018/2019/2020"
                }) {
            assertThatThrownBy(
                            () ->
                                    Metadata.parseSenderFile(
                                            "Title: t\nDate-Issued: " + bad + "\n", "meta"))
                    .as(bad)
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("meta line 2: Date-Issued '" + bad + "'")
                    .satisfies(e -> assertThat(((InputException) e).hint()).contains("YYYY-MM-DD"));
        }
        // Only labels that name a date are dates.
        assertThat(Metadata.parseSenderFile("Title: 12/11/2018\n", "meta").first("Title"))
                .contains("12/11/2018");
        assertThat(Metadata.parseSenderFile("Date-Created: 2018\n", "meta").first("Date-Created"))
                .contains("2018");
    }
}
