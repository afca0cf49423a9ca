package org.sealpack.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealpack.failure.MalformedSealException;

/**
 * The strict armor reader: Bouncy Castle's armor (with and without checksum) read back; each
 * addition refused by name.
 */
class ArmorTest {
    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        b[0] = (byte) 0x90; // a one-pass signature's tag: Bouncy Castle names the armor after the
        // first packet
        return b;
    }

    static String armor(byte[] binary, boolean checksum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream a =
                ArmoredOutputStream.builder().clearHeaders().enableCRC(checksum).build(out)) {
            a.write(binary);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static byte[] read(String text) throws IOException {
        InputStream in =
                new java.io.BufferedInputStream(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        try (InputStream decoded = Armor.decoder(in, Armor.MESSAGE, "the file")) {
            return decoded.readAllBytes();
        }
    }

    @Test
    void readsWhatBouncyCastleArmorsOfEveryLengthWithOrWithoutChecksum() throws IOException {
        for (int n : new int[] {1, 2, 3, 47, 48, 49, 1000, 65537}) {
            byte[] binary = data(n);
            assertThat(read(armor(binary, true))).isEqualTo(binary);
            assertThat(read(armor(binary, false))).isEqualTo(binary);
            assertThat(read("\r\n\n" + armor(binary, true).replace("\n", "\r\n") + "\n\r\n"))
                    .isEqualTo(binary);
        }
    }

    @Test
    void binaryPassesThroughUntouched() throws IOException {
        byte[] binary = {(byte) 0x90, 0x0d, 3, 0};
        try (InputStream in =
                Armor.decoder(
                        new java.io.BufferedInputStream(new ByteArrayInputStream(binary)),
                        Armor.MESSAGE,
                        "x")) {
            assertThat(in.readAllBytes()).isEqualTo(binary);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HEADER|armor header line",
                "VERSION|armor header line",
                "AFTER|text after its END line",
                "SECOND|second armored block",
                "SPACES_BEFORE|does not start with the line",
                "CHECKSUM|armor checksum",
                "NOT_BASE64|not base64",
                "TRUNCATED|END line",
                "OTHER_KIND|does not start with the line",
                "BLANK_INSIDE|empty line inside"
            })
    void eachAdditionIsRefusedWithItsOwnMessage(String change, String message) throws IOException {
        String good = armor(data(300), true);
        String bad =
                switch (change) {
                    case "HEADER" ->
                            good.replaceFirst("-----\n\n", "-----\nComment: RETRACTED\n\n");
                    case "VERSION" -> good.replaceFirst("-----\n\n", "-----\nVersion: 1\n\n");
                    case "AFTER" -> good + "RETRACTED\n";
                    case "SECOND" -> good + good;
                    case "SPACES_BEFORE" -> "  " + good;
                    case "CHECKSUM" -> {
                        int at = good.lastIndexOf("\n=") + 2;
                        yield good.substring(0, at)
                                + (good.charAt(at) == 'A' ? 'B' : 'A')
                                + good.substring(at + 1);
                    }
                    case "NOT_BASE64" -> good.replaceFirst("\n\n(.)", "\n\n!");
                    case "TRUNCATED" -> good.substring(0, good.indexOf("-----END"));
                    case "OTHER_KIND" -> good.replace("PGP MESSAGE", "PGP SIGNATURE");
                    case "BLANK_INSIDE" -> good.replaceFirst("\n\n(.{64})\n", "\n\n$1\n\n");
                    default -> throw new IllegalArgumentException(change);
                };
        assertThatThrownBy(() -> read(bad))
                .isInstanceOf(MalformedSealException.class)
                .hasMessageContaining(message);
    }

    @Test
    void dearmorReadsOneSignatureBlock() throws IOException {
        byte[] binary = data(100);
        String text = armor(binary, true).replace("PGP MESSAGE", "PGP SIGNATURE");
        assertThat(
                        Armor.dearmor(
                                text.getBytes(StandardCharsets.US_ASCII),
                                Armor.SIGNATURE,
                                "the receipt's signature"))
                .isEqualTo(binary);
        assertThatThrownBy(
                        () ->
                                Armor.dearmor(
                                        (text + "note\n").getBytes(StandardCharsets.US_ASCII),
                                        Armor.SIGNATURE,
                                        "the receipt's signature"))
                .hasMessageStartingWith("the receipt's signature has text after its END line");
    }
}
