package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/** Only administrators reach the panel: a signed-in editor gets 403 everywhere, a visitor is sent to sign in. */
@IntegrationTest
class AdminAccessIntegrationTests {

    private static final List<String> PAGES = List.of(
            "/admin",
            "/admin/osoby",
            "/admin/osoby?szukaj=a",
            "/admin/osoby/zapros",
            "/admin/osoby/1",
            "/admin/dziennik",
            "/admin/dziennik.csv");
    private static final List<String> ACTIONS = List.of(
            "/admin/osoby/zapros",
            "/admin/osoby/1/role",
            "/admin/osoby/1/role/odbierz",
            "/admin/osoby/1/dezaktywuj",
            "/admin/osoby/1/aktywuj",
            "/admin/osoby/1/zaproszenie");

    @LocalServerPort
    int port;

    @Test
    void anEditorIsForbiddenEveryAdministrationPageAndAction() {
        SignedInClient editor = AdminSession.signedIn(port, DemoAccounts.EDITOR);
        for (String page : PAGES) {
            assertThat(editor.get(page).statusCode()).as(page).isEqualTo(403);
        }
        editor.get("/");
        for (String action : ACTIONS) {
            assertThat(editor.post(action, "email", "x@example.org", "displayName", "X", "role", "ADMINISTRATOR")
                            .statusCode())
                    .as(action)
                    .isEqualTo(403);
        }
        assertThat(editor.get("/").body()).doesNotContain("href=\"/admin\"");
    }

    @Test
    void aVisitorIsAskedToSignIn() {
        SignedInClient visitor = new SignedInClient(port);
        for (String page : PAGES) {
            var answer = visitor.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(SignedInClient.location(answer)).as(page).startsWith("/logowanie");
        }
    }

    @Test
    void theAdministratorReachesEveryPage() {
        SignedInClient admin = AdminSession.administrator(port);
        for (String page : PAGES) {
            assertThat(admin.get(page).statusCode()).as(page).isIn(200, 404);
        }
        assertThat(admin.get("/").body()).contains("href=\"/admin\"");
    }
}
