package org.sealpack.jobs;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sealpack.pgp.Profile;

/**
 * What keys generate makes: a key pair for a name (and e-mail), of a profile, valid for a time,
 * into the keyring or as four files in a directory.
 *
 * @param validity how long the key is valid; null: no expiry
 * @param directory where to write the key files, or null for the keyring
 * @param baseName the files' base name, or null for one made from the name
 * @param passphrase where the new passphrase comes from, or null for none (an unprotected key)
 */
public record NewKey(
        String name,
        String email,
        KeyProfile profile,
        Duration validity,
        Path directory,
        String baseName,
        PassphraseSource passphrase) {

    /** The key profiles, as the user names them. */
    public enum KeyProfile {
        DEFAULT(Profile.DEFAULT),
        RFC9580(Profile.RFC9580);

        final Profile profile;

        KeyProfile(Profile profile) {
            this.profile = profile;
        }
    }

    String userId() {
        return email == null || email.isBlank() ? name : name + " <" + email + ">";
    }

    /**
     * A validity as typed (Ny years, Nm months, Nd days), or null for 'never'.
     *
     * @throws IllegalArgumentException if it is none of those
     */
    public static Duration validity(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("never")) {
            return null;
        }
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return switch (t.charAt(t.length() - 1)) {
                case 'y' -> Duration.ofDays(365 * n + n / 4);
                case 'm' -> Duration.ofDays(30 * n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a validity: write for example 2y, 18m,"
                            + " 90d or never");
        }
    }

    /**
     * A file name from a person's name, in ASCII letters, digits and hyphens (so it survives every
     * file system, archive tool and e-mail attachment): accents are dropped, Cyrillic (Russian and
     * Tajik) is transliterated, anything else left out; "key" if nothing is left.
     */
    public static String slug(String name) {
        StringBuilder ascii = new StringBuilder();
        String decomposed =
                Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        decomposed
                .codePoints()
                .forEach(
                        cp -> {
                            if (cp < 0x80) {
                                ascii.appendCodePoint(cp);
                            } else if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                                ascii.append(
                                        CYRILLIC.getOrDefault(
                                                cp, Character.isLetterOrDigit(cp) ? "" : "-"));
                            }
                        });
        String s = ascii.toString().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "key" : s;
    }

    /** Cyrillic letters as Latin, after decomposition (so й is и and a mark, ё is е and a mark). */
    private static final Map<Integer, String> CYRILLIC = cyrillic();

    private static Map<Integer, String> cyrillic() {
        String[] pairs = {
            "а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ж", "zh", "з", "z", "и",
            "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s",
            "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch",
            "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya", "ғ", "gh", "қ", "q", "ҳ",
            "h", "ҷ", "j", "і", "i", "ї", "yi", "є", "ye", "ў", "u"
        };
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i].codePointAt(0), pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
