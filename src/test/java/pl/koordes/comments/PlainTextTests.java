package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pl.koordes.comments.internal.PlainText;

class PlainTextTests {

    @Test
    void keepsLineBreaksButNotControlCharactersOrSurplusEmptyLines() {
        assertThat(PlainText.multiLine("  Pierwszy\r\ndrugi\u0000\u202E  \n\n\n\n\ttrzeci  "))
                .isEqualTo("Pierwszy\ndrugi\n\n trzeci");
    }

    @Test
    void oneLineFieldsCollapseAllWhiteSpace() {
        assertThat(PlainText.oneLine(" Anna\n\tz  Krakowa\u00A0 ")).isEqualTo("Anna z Krakowa");
    }

    @Test
    void composedAndDecomposedPolishLettersAreTheSame() {
        assertThat(PlainText.oneLine("z\u0307o\u0301łw")).isEqualTo("żółw");
        assertThat(PlainText.length("żółw😀")).isEqualTo(5);
    }

    @Test
    void countsTheLinksSpammersWrite() {
        assertThat(PlainText.links("zobacz https://a.example/x i www.b.example oraz tanie.com/kup"))
                .isEqualTo(3);
        assertThat(PlainText.links("Ekonomia społeczna w regionach, np. w woj. śląskim."))
                .isZero();
        assertThat(PlainText.links("javascript://%0aalert(1)")).isEqualTo(1);
    }

    @Test
    void theSameWordsWithOtherSpacingOrCapitalsHaveTheSameFingerprint() {
        assertThat(PlainText.fingerprint("Kup  TANIO\nteraz")).isEqualTo(PlainText.fingerprint("kup tanio teraz"));
        assertThat(PlainText.fingerprint("kup tanio")).isNotEqualTo(PlainText.fingerprint("kup drogo"));
    }
}
