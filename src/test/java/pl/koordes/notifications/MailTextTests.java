package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pl.koordes.shared.mail.MailText;

/** The plain-text part says what the HTML part says: blocks on their own lines, links with their address. */
class MailTextTests {

    @Test
    void paragraphsHeadingsAndLineBreaksBecomeLines() {
        String html = "<!DOCTYPE html><html><head><title>Ignored</title><style>p { color: red; }</style></head>"
                + "<body><h1>Zaproszenie</h1>\n  <p>Dzień   dobry,\n pani Zofio!</p><p>Linia pierwsza<br>linia druga</p></body></html>";
        assertThat(MailText.fromHtml(html))
                .isEqualTo("Zaproszenie\n\nDzień dobry, pani Zofio!\n\nLinia pierwsza\nlinia druga\n");
    }

    @Test
    void linksKeepTheirAddressUnlessTheTextIsTheAddress() {
        assertThat(MailText.fromHtml(
                        "<p><a href=\"https://koordes.example/konto?x=1&amp;y=2\">Przyjmij zaproszenie</a></p>"))
                .isEqualTo("Przyjmij zaproszenie (https://koordes.example/konto?x=1&y=2)\n");
        assertThat(MailText.fromHtml("<p><a href=\"https://koordes.example\">https://koordes.example</a></p>"))
                .isEqualTo("https://koordes.example\n");
        assertThat(MailText.fromHtml("<p>Pisz: <a href=\"mailto:biuro@rops.example\">biuro@rops.example</a>.</p>"))
                .isEqualTo("Pisz: biuro@rops.example.\n");
        assertThat(MailText.fromHtml("<p><a href=\"/wzgledny\">Odnośnik względny</a></p>"))
                .isEqualTo("Odnośnik względny\n");
    }

    @Test
    void escapedTextComesBackAsWritten() {
        String html =
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;cudzysłów&#34; &#39;apostrof&#39; &#x17C;&#243;&#322;w</p>";
        assertThat(MailText.fromHtml(html)).isEqualTo("<script>alert(1)</script> & \"cudzysłów\" 'apostrof' żółw\n");
    }

    @Test
    void listsAndLayoutTablesReadInOrder() {
        String html =
                "<table role=\"presentation\"><tr><td style=\"padding:0\"><a href=\"https://koordes.example\">KoordES</a>"
                        + "<div>Koordynacja</div></td></tr><tr><td><ul><li>pierwszy</li><li>drugi</li></ul></td></tr></table>";
        assertThat(MailText.fromHtml(html))
                .isEqualTo("KoordES (https://koordes.example)\nKoordynacja\n\n- pierwszy\n- drugi\n");
    }

    @Test
    void aQuotedGreaterThanSignDoesNotEndATag() {
        assertThat(MailText.fromHtml("<p title=\"a > b\">treść</p>")).isEqualTo("treść\n");
    }

    @Test
    void emptyHtmlGivesEmptyText() {
        assertThat(MailText.fromHtml("<html><head><title>x</title></head><body> </body></html>"))
                .isEmpty();
    }
}
