package pl.koordes.comments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainText}'s one-look shortcuts give what its passes give: over random texts made of the characters each
 * shortcut has to tell apart (spaces, tabs, line breaks, no-break spaces, Polish letters, dashes, a combining mark, a
 * carriage return, control and invisible characters, slashes and the letters of "www."), and over the cases written
 * out below.
 */
class PlainTextPassesTests {

    private static final char[] ALPHABET = {
        'a', 'W', 'w', '.', '/', ':', ' ', ' ', '\n', '\n', '\t', '\u00A0', 'ż', 'Ó', '—', '„', '\u0301', '\r',
        '\u0000', '\u200B', '\u2028', '\u0085', '\u2003', '\uFEFF', 'o', 'm', 'c', 'p', 'l'
    };

    @Test
    void theShortcutsGiveWhatThePassesGiveOnRandomTexts() {
        Random random = new Random(19);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random, 1 + random.nextInt(12));
            assertThat(PlainText.multiLine(text))
                    .as("multi-line %s", escaped(text))
                    .isEqualTo(PlainText.multiLineFully(text));
            assertThat(PlainText.oneLine(text))
                    .as("one line %s", escaped(text))
                    .isEqualTo(PlainText.oneLineFully(text));
            assertThat(PlainText.links(text)).as("links %s", escaped(text)).isEqualTo(PlainText.linksFully(text));
        }
    }

    @Test
    void theShortcutsTakeOrdinaryTextsAndPassTheRestOn() {
        String ordinary = "Dzień dobry — w naszym regionie \u201Eekonomia społeczna\u201D rośnie.\n\nPozdrawiam";
        assertThat(PlainText.onlyStripped(ordinary, true)).isTrue();
        assertThat(PlainText.multiLine("  " + ordinary + "\n")).isEqualTo(ordinary);
        assertThat(PlainText.onlyStripped("Anna z Krakowa", false)).isTrue();
        assertThat(PlainText.onlyStripped("koniec linii \nnastępna", true)).isFalse();
        assertThat(PlainText.onlyStripped("a\n\n\nb", true)).isFalse();
        assertThat(PlainText.onlyStripped("tab\there", true)).isFalse();
        assertThat(PlainText.onlyStripped("dwie  spacje", false)).isFalse();
        assertThat(PlainText.onlyStripped("e\u0301", true)).isFalse();
        assertThat(PlainText.links("Zobacz WwW.przyklad i nic więcej")).isEqualTo(1);
        assertThat(PlainText.links("ekonomia.pl/strona")).isEqualTo(1);
        assertThat(PlainText.links("Bez adresów. Ani jednego.")).isZero();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
