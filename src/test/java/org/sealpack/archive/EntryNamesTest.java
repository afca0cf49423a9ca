package org.sealpack.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryNamesTest {
    /** The rule as it is written: NFC, upper then lower case, NFC again. */
    private static String folded(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return Normalizer.normalize(
                nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    @Test
    void anAsciiNameFoldsAsTheRuleSays() {
        for (char c = 0; c < 0x80; c++) {
            String name = "data/" + c + "x" + c;
            assertThat(EntryNames.fold(name)).isEqualTo(folded(name));
        }
        Random random = new Random(29);
        for (int i = 0; i < 2000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(40); n >= 0; n--) {
                name.append((char) random.nextInt(0x80));
            }
            assertThat(EntryNames.fold(name.toString())).isEqualTo(folded(name.toString()));
        }
    }

    @Test
    void otherNamesFoldAsTheRuleSays() {
        for (String name :
                new String[] {
                    "data/É.txt", "data/e\u0301.txt", "data/STRASSE-ß", "data/İi", "data/ﬁ"
                }) {
            assertThat(EntryNames.fold(name)).isEqualTo(folded(name));
        }
        assertThat(EntryNames.fold("data/E\u0301")).isEqualTo(EntryNames.fold("data/é"));
        assertThat(EntryNames.fold("data/README")).isEqualTo(EntryNames.fold("data/readme"));
    }
}
