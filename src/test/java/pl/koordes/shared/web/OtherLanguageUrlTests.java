package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.koordes.shared.charts.ChartSamples;
import pl.koordes.shared.i18n.Language;

/** The language switch's address without a query, written directly, is what the URI builder gives for it. */
class OtherLanguageUrlTests {

    @Test
    void anAddressWithoutAQueryGetsTheBuildersAddress() {
        List<String> paths = new ArrayList<>(List.of(
                "", "/", "/wydarzenia", "/aktualnosci/zażółć-gęślą", "/a%20b/c", "/regiony/małopolskie/", "/x;y=1"));
        for (String naughty : ChartSamples.naughtyStrings()) {
            paths.add("/strony/" + naughty);
        }
        for (String path : paths) {
            for (Language language : Language.values()) {
                for (String query : new String[] {null, "", "  "}) {
                    assertThat(Page.otherLanguageUrl(path, query, language))
                            .as(path)
                            .isEqualTo(Page.built(path, query, language));
                }
            }
        }
    }

    @Test
    void anAddressWithAQueryKeepsItAndReplacesTheLanguage() {
        assertThat(Page.otherLanguageUrl("/wydarzenia", "strona=2&lang=pl", Language.PL))
                .isEqualTo("/wydarzenia?strona=2&lang=en");
    }
}
