package org.sealpack.gnupg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gpg's colon listing is input: what sealpack takes from it, and that garbage yields nothing, never
 * a crash.
 */
class ColonsTest {
    static final String LISTING =
            String.join(
                    "\n",
                    "tru::1:1796519497:0:3:1:5",
                    "pub:u:255:22:E26D97F5557534DA:1796519497:::u:::scESC:::::ed25519:::0:",
                    "fpr:::::::::13102F1F7F7C4DE4CB5C5405E26D97F5557534DA:",
                    "grp:::::::::073F60B2852946A191C71870562EC0038B635C26:",
                    "uid:u::::1796519497::AB::Ed Agent \\x3cx\\x3a\\x3e \\xe2\\x80\\x8e <ed@example.org>::::::::::0:",
                    "sub:u:255:18:0C8C398C04C69990:1796519511::::::e:::::cv25519::",
                    "fpr:::::::::24027CE319BF4DDC4451A4660C8C398C04C69990:",
                    "grp:::::::::D9281D95A5AB07256C171CC3B79C9384216A3531:",
                    "pub:u:3072:1:6DF260C444340186:1796519517:::u:::scESC::::::23::0:",
                    "fpr:::::::::ECB9D4C4777C1AA42C1656726DF260C444340186:",
                    "");

    @Test
    void keysTheirPartsAndKeygrips() {
        List<GnuPG.Listed> keys = Colons.parse(LISTING);
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).fingerprint()).isEqualTo("13102F1F7F7C4DE4CB5C5405E26D97F5557534DA");
        assertThat(keys.get(0).keygrips())
                .containsEntry(
                        "13102F1F7F7C4DE4CB5C5405E26D97F5557534DA",
                        "073F60B2852946A191C71870562EC0038B635C26")
                .containsEntry(
                        "24027CE319BF4DDC4451A4660C8C398C04C69990",
                        "D9281D95A5AB07256C171CC3B79C9384216A3531");
        // escaped bytes are UTF-8; the invisible left-to-right mark is shown as '?'
        assertThat(keys.get(0).userIds()).containsExactly("Ed Agent <x:> ? <ed@example.org>");
        assertThat(keys.get(1).keygrips()).isEmpty();
    }

    @Test
    void garbageYieldsNothingAndNeverThrows() {
        String[] garbage = {
            "",
            ":::::",
            "fpr",
            "grp:::::::::XYZ:",
            "uid:::::::::\\x",
            "uid:::::::::\\xZZ\\x4",
            "fpr:::::::::13102F1F7F7C4DE4CB5C5405E26D97F5557534DA:\ngrp:::::::::nothex:",
            "sub:::\nfpr:::::::::13102F1F7F7C4DE4CB5C5405E26D97F5557534DA:",
            "\u0000\u0001\n\n\r\n:"
        };
        for (String g : garbage) {
            assertThat(Colons.parse(g)).as(g).isEmpty();
        }
        assertThat(Colons.parse("pub:::\nfpr:::::::::13102f1f7f7c4de4cb5c5405e26d97f5557534da:"))
                .as("lower case")
                .isEmpty();
    }
}
