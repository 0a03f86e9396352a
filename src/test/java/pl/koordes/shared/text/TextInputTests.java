package pl.koordes.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.text.Normalizer;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextInputTests {

    private static ValidatorFactory factory;
    private static Validator validator;

    record Name(@Text(max = 5) String value) {}

    record Note(@Text(max = 20, multiline = true) String value) {}

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void polishLettersTypedAsLetterAndMarkBecomeOneLetter() {
        assertThat(TextInput.normalise("z\u0307o\u0301łw")).isEqualTo("żółw").hasSize(4);
    }

    @Test
    void directionOverridesAndZeroWidthCharactersAreRemoved() {
        // "Anna" followed by a right-to-left override that would show "gpj.exe" as "exe.jpg" on a list.
        assertThat(TextInput.normalise("Anna\u202Egpj.exe\u202C\u200B\uFEFF")).isEqualTo("Annagpj.exe");
        assertThat(TextInput.normalise("\u2066Kowalska\u2069\u200E")).isEqualTo("Kowalska");
    }

    @Test
    void lineEndsBecomeLineFeedsAndSurroundingSpaceGoes() {
        assertThat(TextInput.normalise("  jeden\r\ndwa\rtrzy\u2028cztery \n")).isEqualTo("jeden\ndwa\ntrzy\ncztery");
        assertThat(TextInput.normalise(null)).isNull();
        assertThat(TextInput.normalise("   ")).isEmpty();
    }

    @Test
    void controlCharactersAreLeftForTheConstraintToRefuse() {
        assertThat(TextInput.normalise("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(TextInput.normalise("a\u0000\u007F\u0090b\u0000")).isEqualTo("a\uFFFD\uFFFD\uFFFDb\uFFFD");
        assertThat(TextInput.normalise("a\nb\tc")).isEqualTo("a\nb\tc");
        assertThat(messages(new Name("a\u0000b"))).containsExactly("form.unprintable");
        assertThat(messages(new Name("a\uFFFDb"))).containsExactly("form.unprintable");
        assertThat(messages(new Name("a\u001Bb"))).containsExactly("form.unprintable");
        assertThat(messages(new Name("a\nb"))).containsExactly("form.unprintable");
        assertThat(messages(new Note("a\nb\tc"))).isEmpty();
        assertThat(messages(new Note("a\u0007b"))).containsExactly("form.unprintable");
    }

    @Test
    void brokenSurrogatesAreRefused() {
        assertThat(messages(new Name("a\uD800"))).containsExactly("form.unprintable");
        assertThat(messages(new Name("\uDC00a"))).containsExactly("form.unprintable");
    }

    @Test
    void lengthIsCountedAsAReaderCountsIt() {
        // Five characters, seven UTF-16 units: within the limit of five.
        assertThat(messages(new Name("ż😀ł😀a"))).isEmpty();
        assertThat(messages(new Name("żółwie"))).containsExactly("form.tooLong");
        assertThat(messages(new Name(null))).isEmpty();
        assertThat(messages(new Name(""))).isEmpty();
    }

    private static Set<String> messages(Object form) {
        return validator.validate(form).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theQuickLookLetsThroughOnlyWhatTheFourPassesLeaveAsItIsAloneAndInEveryPair() {
        StringBuilder kept = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (TextInput.kept(c)) {
                String alone = String.valueOf(c);
                assertThat(TextInput.fully("a" + alone + "b"))
                        .as("U+%04X", (int) c)
                        .isEqualTo("a" + alone + "b");
                kept.append(c);
            }
        }
        assertThat(kept.length())
                .as("Polish letters, quotes and dashes among them")
                .isGreaterThan(700);
        assertThat(TextInput.unchangedButStrip("ĄĘÓŁŚŻŹĆŃąęółśżźćń „”–—…"))
                .as("Polish letters, quotes and dashes")
                .isTrue();
        // Only NFC looks at characters together (the other passes replace single characters; CR LF is not let through).
        for (int i = 0; i < kept.length(); i++) {
            for (int j = 0; j < kept.length(); j++) {
                String pair = "" + kept.charAt(i) + kept.charAt(j);
                if (!Normalizer.isNormalized(pair, Normalizer.Form.NFC)) {
                    throw new AssertionError("U+%04X U+%04X change under the four passes"
                            .formatted((int) kept.charAt(i), (int) kept.charAt(j)));
                }
            }
        }
    }

    @Test
    void whatTheQuickLookRefusesIsStillNormalised() {
        assertThat(TextInput.unchangedButStrip("  Zażółć gęślą jaźń – „cytat”…  "))
                .isTrue();
        assertThat(TextInput.normalise("  Zażółć gęślą jaźń – „cytat”…  ")).isEqualTo("Zażółć gęślą jaźń – „cytat”…");
        assertThat(TextInput.unchangedButStrip("a\r\nb")).isFalse();
        assertThat(TextInput.normalise("a\r\nb")).isEqualTo("a\nb");
        assertThat(TextInput.normalise("e\u0301\u200B")).isEqualTo("\u00E9");
        assertThat(TextInput.normalise("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(TextInput.normalise("\u2000x")).isEqualTo("x");
    }
}
