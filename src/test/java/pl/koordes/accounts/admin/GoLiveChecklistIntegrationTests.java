package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The go-live checklist as an administrator uses it: every module's item with its state and what to do,
 * the particular things left (a placeholder in the privacy policy, an administrator without a second
 * factor) listed with a link to where they are fixed, and an item turning done once it is fixed.
 */
@IntegrationTest
class GoLiveChecklistIntegrationTests {

    private static final String PRIVACY = "Polityka prywatności podaje dane operatora";
    private static final String SECOND_FACTOR = "Każda osoba administrująca ma drugi składnik logowania";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SignedInClient admin;

    @BeforeEach
    void signIn() {
        admin = AdminSession.administrator(port);
    }

    @Test
    void theChecklistShowsEachItemWithItsStateAndWhatToDo() {
        HttpResponse<String> page = admin.get("/admin/gotowosc");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body)
                .contains("<h1>Gotowość do uruchomienia</h1>")
                .contains(PRIVACY)
                .contains("Deklaracja dostępności jest uzupełniona")
                .contains("Pozostałe strony nie mają miejsc do uzupełnienia")
                .contains("Adres publiczny jest ustawiony i używa HTTPS")
                .contains("Poczta wychodzi przez serwer SMTP")
                .contains("Nadawca wiadomości ma adres w domenie operatora")
                .contains("Konto pierwszego administratora jest gotowe")
                .contains(SECOND_FACTOR)
                .contains("Dane demonstracyjne są wyłączone")
                .contains("Komentarze mają stały klucz");
        // In development the address comes from the port: flagged, with what to set.
        assertThat(item(body, "Adres publiczny jest ustawiony"))
                .contains("Do zrobienia.")
                .contains("platforma używa adresu wywiedzionego z portu: http://localhost:" + port)
                .contains("KOORDES_BASE_URL");
        assertThat(item(body, "Dane demonstracyjne są wyłączone")).contains("Do zrobienia.");
        assertThat(item(body, "Konto pierwszego administratora"))
                .contains("Pierwszy administrator ma przykładowy adres admin@koordes.example.");
        long privacyId = pageId("prywatnosc");
        assertThat(item(body, PRIVACY))
                .contains("Do zrobienia.")
                .contains("<a href=\"/redakcja/strony/" + privacyId
                        + "\">[DO UZUPEŁNIENIA: pełna nazwa operatora programu")
                .contains("<li lang=\"en\"><a href=\"/redakcja/strony/" + privacyId + "\">[TO BE COMPLETED: ");
        assertThat(item(body, "Deklaracja dostępności"))
                .contains("Do zrobienia.")
                .contains("[DO UZUPEŁNIENIA: imię i nazwisko, adres e-mail i numer telefonu]");
        assertThat(admin.get("/admin").body())
                .contains("<a href=\"/admin/gotowosc\">Gotowość do uruchomienia</a>")
                .containsPattern("Przed uruchomieniem zost(ało|ały) \\d+ spraw");
    }

    @Test
    void anItemTurnsDoneOnceFixed() {
        long id = pageId("prywatnosc");
        Map<String, Object> original = jdbc.sql(
                        "select body_markdown, body_html, body_markdown_en, body_html_en from content_page where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        try {
            jdbc.sql("""
                            update content_page set body_markdown = '## Administrator\n\nFundacja Próbna, ul. Testowa 1.',
                                   body_html = '<h2>Administrator</h2><p>Fundacja Próbna, ul. Testowa 1.</p>',
                                   body_markdown_en = '## Controller\n\nTest Foundation.',
                                   body_html_en = '<h2>Controller</h2><p>Test Foundation.</p>'
                            where id = :id""").param("id", id).update();
            assertThat(item(admin.get("/admin/gotowosc").body(), PRIVACY))
                    .contains("Zrobione.")
                    .contains("Nie ma miejsc do uzupełnienia.")
                    .doesNotContain("Do zrobienia.")
                    .doesNotContain("W edytorze strony");
        } finally {
            jdbc.sql("""
                            update content_page set body_markdown = :markdown, body_html = :html,
                                   body_markdown_en = :markdownEn, body_html_en = :htmlEn where id = :id""")
                    .param("markdown", original.get("body_markdown"))
                    .param("html", original.get("body_html"))
                    .param("markdownEn", original.get("body_markdown_en"))
                    .param("htmlEn", original.get("body_html_en"))
                    .param("id", id)
                    .update();
        }
        assertThat(item(admin.get("/admin/gotowosc").body(), PRIVACY)).contains("Do zrobienia.");
    }

    @Test
    void anAdministratorWithoutASecondFactorIsListedUntilTheyHaveOne() {
        long id = jdbc.sql("""
                        insert into account (email, display_name, status, language)
                        values ('bez-drugiego-skladnika@test.koordes.example', 'Bez Składnika', 'ACTIVE', 'pl') returning id""").query(Long.class).single();
        try {
            jdbc.sql("insert into role_assignment (account_id, role) values (:id, 'ADMINISTRATOR')")
                    .param("id", id)
                    .update();
            assertThat(item(admin.get("/admin/gotowosc").body(), SECOND_FACTOR))
                    .contains("Do zrobienia.")
                    .contains("<a href=\"/admin/osoby/" + id + "\">bez-drugiego-skladnika@test.koordes.example</a>");
            jdbc.sql("update account set totp_enabled = true, totp_secret = 'JBSWY3DPEHPK3PXP' where id = :id")
                    .param("id", id)
                    .update();
            assertThat(item(admin.get("/admin/gotowosc").body(), SECOND_FACTOR))
                    .doesNotContain("bez-drugiego-skladnika@test.koordes.example");
        } finally {
            jdbc.sql("delete from role_assignment where account_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("delete from account where id = :id").param("id", id).update();
        }
    }

    private long pageId(String slug) {
        return jdbc.sql("select id from content_page where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    /** The checklist's card whose title starts with {@code title}. */
    private static String item(String body, String title) {
        int at = body.indexOf("<h2>" + title);
        assertThat(at).as("item " + title).isPositive();
        int start = body.lastIndexOf("<li class=\"card\">", at);
        int next = body.indexOf("<li class=\"card\">", at);
        return body.substring(start, next < 0 ? body.indexOf("</ol>", at) : next);
    }
}
