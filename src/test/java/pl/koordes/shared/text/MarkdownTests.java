package pl.koordes.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What survives of an editor's Markdown: formatting yes, anything that could run no. */
class MarkdownTests {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

    private final Markdown markdown = new Markdown();

    @Test
    void ordinaryMarkdownBecomesHtmlWithHeadingsBelowTheTitle() {
        String html = markdown.toHtml(
                "# Tytuł\n\n## Śródtytuł\n\n**Pogrubienie**, *kursywa*, [link](https://example.org/a?b=1&c=2)\n\n"
                        + "- punkt\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Opis zdjęcia](/media/12)");
        assertThat(html)
                .contains("<h2>Tytuł</h2>")
                .contains("<h2>Śródtytuł</h2>")
                .contains("<strong>Pogrubienie</strong>")
                .contains("<em>kursywa</em>")
                // The sanitiser keeps rel values in a set: either order.
                .containsPattern(
                        "<a href=\"https://example.org/a\\?b&#61;1&amp;c&#61;2\" rel=\"(nofollow noopener|noopener nofollow)\">link</a>")
                .contains("<li>punkt</li>")
                .contains("<table>")
                .contains("<td>1</td>")
                .contains("<img src=\"/media/12\" alt=\"Opis zdjęcia\" />");
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksNeverSurvive() {
        String[] hostile = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klik](javascript:alert(1))",
            "[klik](JaVaScRiPt:alert(1))",
            "[klik](jav&#x09;ascript:alert(1))",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](/media/1)",
            "[x](/a \"title\\\" onmouseover=alert(1) x=\\\"\")",
            "<a href=\"javascript:alert(1)\">a</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<style>body{display:none}</style>",
            "![tracker](https://evil.example/pixel.gif)",
            "[x](vbscript:msgbox(1))",
        };
        for (String input : hostile) {
            String html = markdown.toHtml(input);
            // Escaped text may say "javascript:"; what matters is that no element or attribute carries it.
            Matcher tags = TAG.matcher(html);
            while (tags.find()) {
                String tag = tags.group().toLowerCase();
                assertThat(tag)
                        .as(input)
                        .doesNotContain("javascript:")
                        .doesNotContain("vbscript:")
                        .doesNotContain("data:")
                        .doesNotContainPattern("\\son[a-z]+\\s*=")
                        .doesNotContain("evil.example/pixel")
                        .doesNotStartWith("<script")
                        .doesNotStartWith("<iframe")
                        .doesNotStartWith("<svg")
                        .doesNotStartWith("<style");
            }
        }
    }

    @Test
    void rawHtmlIsShownAsTextNotInterpreted() {
        assertThat(markdown.toHtml("Tekst <b>pogrubiony</b>")).contains("&lt;b&gt;pogrubiony&lt;/b&gt;");
    }

    @Test
    void thePlainTextKeepsWhatAReaderSeesAndNoMarkup() {
        String text = markdown.toPlainText(
                "## Spółdzielnie\n\n**Pięć** [spółdzielni](https://example.org/x) i `kod`\n\n"
                        + "- punkt pierwszy\n- punkt drugi\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        assertThat(text)
                .contains("Spółdzielnie\nPięć spółdzielni i kod\npunkt pierwszy\npunkt drugi")
                .contains("a b")
                .doesNotContain("**")
                .doesNotContain("example.org")
                .doesNotContain("##");
    }
}
