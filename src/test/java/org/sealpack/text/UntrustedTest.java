package org.sealpack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedTest {
    @Test
    void isShownOnlyEscaped() {
        Untrusted name = Untrusted.of("Mallory\u001b[2J\u202Egpj.exe \\ ok");
        assertThat(name.toString()).isEqualTo("Mallory\\u001B[2J\\u202Egpj.exe \\\\ ok");
        assertThat("signer: " + name)
                .as("concatenation escapes")
                .isEqualTo("signer: " + Untrusted.escape(name.unescaped()));
        assertThat(String.format("%s", name)).isEqualTo(name.toString());
        assertThat(name.unescaped()).isEqualTo("Mallory\u001b[2J\u202Egpj.exe \\ ok");
    }

    @Test
    void visibleTextStaysAsItIs() {
        assertThat(Untrusted.of("Баёнот 𝔸 🙂").toString()).isEqualTo("Баёнот 𝔸 🙂");
        assertThat(Untrusted.of(null).toString()).isEmpty();
        assertThat(Untrusted.of("\uDB40\uDC41").toString())
                .as("a tag character, as two escapes")
                .isEqualTo("\\uDB40\\uDC41");
    }

    @Test
    void comparesByItsCharacters() {
        assertThat(Untrusted.each(List.of("a", "b")))
                .containsExactly(Untrusted.of("a"), Untrusted.of("b"));
        assertThat(Untrusted.of("a").hashCode()).isEqualTo("a".hashCode());
    }
}
