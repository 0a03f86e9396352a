package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * In production a visitor never meets a placeholder: the privacy policy and the accessibility declaration
 * come without the paragraphs still marked [DO UZUPEŁNIENIA: …], from the anonymous page cache too, while
 * an editor sees the same page with a warning listing what is left, which is never given to visitors.
 */
@IntegrationTest
@Import(TestExtensions.class)
// The same settings as PageCacheIntegrationTests, so that both share one application.
@TestPropertySource(
        properties = {
            "koordes.web.page-cache.enabled=true",
            "koordes.web.page-cache.ttl=3s",
            "koordes.content.hide-placeholders=true"
        })
class PagePlaceholdersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void visitorsSeeThePagesWithoutPlaceholdersAndEditorsSeeAWarning() {
        Http visitor = new Http(port);
        SignedInClient editor = new SignedInClient(port, "127.0.0.147");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        // The editor first: their page (with the warning) must not become the visitors' cached page.
        String edited = editor.get("/prywatnosc").body();
        assertThat(edited)
                .contains("Na tej stronie zostało 8 miejsc do uzupełnienia")
                .contains("Odwiedzający nie widzą akapitów")
                .contains("<li>[DO UZUPEŁNIENIA: pełna nazwa operatora programu, adres siedziby, NIP lub KRS]</li>")
                .contains("Uzupełnij stronę w edytorze")
                // Below the warning, the page as visitors see it.
                .doesNotContain("<strong>[DO UZUPEŁNIENIA");
        for (int visit = 0; visit < 2; visit++) {
            String privacy = visitor.get("/prywatnosc").body();
            assertThat(privacy)
                    .contains("<h1 id=\"page-title\">Polityka prywatności</h1>")
                    .contains("<h2>Jakie dane przetwarzamy</h2>")
                    .contains("<h2>Twoje prawa</h2>")
                    .contains("Prezesa Urzędu Ochrony Danych Osobowych")
                    .contains("Dane konta – do jego usunięcia")
                    // The section whose every paragraph waits for the operator goes with its heading.
                    .doesNotContain("<h2>Administrator danych</h2>")
                    .doesNotContain("<h2>Odbiorcy danych</h2>")
                    .doesNotContain("UZUPEŁNIENIA")
                    .doesNotContain("miejsc do uzupełnienia");
        }
        assertThat(visitor.get("/prywatnosc?lang=en").body())
                .contains("<h1 id=\"page-title\">Privacy policy</h1>")
                .contains("Your rights")
                .doesNotContain("TO BE COMPLETED");
        assertThat(visitor.get("/deklaracja-dostepnosci").body())
                .contains("Procedura wnioskowo-skargowa")
                .doesNotContain("UZUPEŁNIENIA")
                .doesNotContain("<h2>Dostępność architektoniczna</h2>");
        assertThat(editor.get("/deklaracja-dostepnosci").body())
                .contains("[DO UZUPEŁNIENIA: imię i nazwisko, adres e-mail i numer telefonu]");
        // A page without placeholders is shown whole, with no warning.
        assertThat(editor.get("/strony/o-programie").body()).doesNotContain("miejsc do uzupełnienia");
    }
}
