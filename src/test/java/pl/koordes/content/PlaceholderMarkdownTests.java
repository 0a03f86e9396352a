package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pl.koordes.content.internal.Placeholders;
import pl.koordes.shared.text.Markdown;

/**
 * What a visitor sees of a page with places left to fill in: the blocks holding them go, the rest stays,
 * and no heading is left standing over nothing.
 */
class PlaceholderMarkdownTests {

    private final Markdown markdown = new Markdown();

    @Test
    void theParagraphListItemAndTableRowHoldingAPlaceholderAreLeftOut() {
        String html = markdown.toHtmlLeavingOut("""
                Wstęp bez braków.

                Administratorem jest **[DO UZUPEŁNIENIA: nazwa operatora]**. Drugie zdanie akapitu.

                - Dane konta – do usunięcia konta.
                - Zapisy – **[DO UZUPEŁNIENIA: okres]**.

                | Co | Jak długo |
                |---|---|
                | Konto | do usunięcia |
                | Dziennik | [TO BE COMPLETED: period] |
                """, Placeholders.MARKER);
        assertThat(html)
                .contains("<p>Wstęp bez braków.</p>")
                .doesNotContain("Administratorem jest")
                .doesNotContain("Drugie zdanie")
                .contains("<li>Dane konta – do usunięcia konta.</li>")
                .doesNotContain("Zapisy")
                .contains("<td>Konto</td>")
                .doesNotContain("Dziennik")
                .doesNotContain("UZUPEŁNIENIA")
                .doesNotContain("COMPLETED");
    }

    @Test
    void aHeadingWhoseSectionLostAllItsTextGoesAndAnEmptiedQuoteOrListToo() {
        String html = markdown.toHtmlLeavingOut("""
                > **Tekst wstępny.** Miejsca **[DO UZUPEŁNIENIA: …]** wypełnia operator.

                ## Administrator danych

                Administratorem jest **[DO UZUPEŁNIENIA: nazwa]**.

                ### Inspektor

                - [DO UZUPEŁNIENIA: inspektor]

                ## Twoje prawa

                Masz prawo dostępu.

                ## Spis

                ### Część pierwsza

                Treść części.
                """, Placeholders.MARKER);
        assertThat(html)
                .doesNotContain("blockquote")
                .doesNotContain("Administrator danych")
                .doesNotContain("Inspektor")
                .doesNotContain("<ul>")
                .contains("<h2>Twoje prawa</h2>")
                .contains("<p>Masz prawo dostępu.</p>")
                // A heading that had only a subheading before anything was left out stays.
                .contains("<h2>Spis</h2>")
                .contains("<h3>Część pierwsza</h3>");
    }

    @Test
    void aPageMadeOfPlaceholdersOnlyLeavesNothing() {
        assertThat(markdown.toHtmlLeavingOut("## Dane\n\n[DO UZUPEŁNIENIA: wszystko]\n", Placeholders.MARKER))
                .isBlank();
        assertThat(Placeholders.in("a [DO UZUPEŁNIENIA: x] b [TO BE COMPLETED: y] [DO UZUPEŁNIENIA: x]"))
                .containsExactly("[DO UZUPEŁNIENIA: x]", "[TO BE COMPLETED: y]");
    }
}
