package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Every field of the comment form tried with every string of the Big List of Naughty Strings and with
 * script payloads: never a server error; a refused comment says why in Polish; whatever is accepted
 * and approved is shown escaped, and nothing typed comes back as markup. Real HTTP requests, not
 * MockMvc: MockMvc's {@code csrf()} would swap the CSRF filter's repository in the shared application
 * and later anonymous pages would get sessions.
 */
@IntegrationTest
class CommentsHostileInputIntegrationTests {

    private static final List<String> FIELDS = List.of("title", "body", "signature", "email");
    /** Comments sent from one client address before the next: under the per-address limit. */
    private static final int PER_ADDRESS = 4;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    CommentsTesting testing;

    @BeforeEach
    void setUp() {
        testing = CommentsTesting.of(context);
    }

    @Test
    void everyFieldWithEveryHostileStringIsAcceptedOrRefusedInPolishNeverAnError() throws Exception {
        ArticleReference article = testing.article();
        List<String> hostile = hostileStrings();
        int accepted = 0;
        int refused = 0;
        int sent = 0;
        SignedInClient visitor = null;
        for (String field : FIELDS) {
            for (int i = 0; i < hostile.size(); i++) {
                if (sent++ % PER_ADDRESS == 0) {
                    int n = sent / PER_ADDRESS;
                    visitor = new SignedInClient(port, "127.10." + (n / 250) + "." + (1 + n % 250));
                    visitor.get(article.path());
                }
                List<String> form = new ArrayList<>(List.of(
                        "title",
                        "Tytuł " + field + " " + i,
                        "body",
                        "Treść próbna " + field + " " + i,
                        "signature",
                        "Podpis",
                        "email",
                        ""));
                form.set(form.indexOf(field) + 1, hostile.get(i));
                if (field.equals("email")) {
                    form.addAll(List.of("consent", "true"));
                }
                HttpResponse<String> answer = visitor.post(article.path() + "/komentarze", form.toArray(String[]::new));
                assertThat(answer.statusCode())
                        .as("%s = %s", field, hostile.get(i))
                        .isIn(302, 422);
                if (answer.statusCode() == 422) {
                    refused++;
                    assertThat(answer.body())
                            .as("%s = %s", field, hostile.get(i))
                            .contains("Popraw błędy w formularzu");
                    assertNoMarkupFromInput(answer.body());
                } else {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();

        jdbc.sql("update comments_comment set state = 'APPROVED', published_at = created_at where article_id = :a")
                .param("a", article.id())
                .update();
        testing.approvedComments(article, 0);
        SignedInClient reader = new SignedInClient(port);
        int pages = (accepted + 19) / 20;
        for (int p = 1; p <= pages + 1; p++) {
            HttpResponse<String> page = reader.get(article.path() + "?komentarze=" + p);
            assertThat(page.statusCode()).isEqualTo(200);
            assertNoMarkupFromInput(page.body());
        }
        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        for (int p = 1; p <= (accepted + 24) / 25; p++) {
            HttpResponse<String> queue =
                    editor.get("/redakcja/komentarze?stan=APPROVED&artykul=" + article.id() + "&strona=" + p);
            assertThat(queue.statusCode()).isEqualTo(200);
            assertNoMarkupFromInput(queue.body());
        }
    }

    @Test
    void aNulInTheSignatureIsRefusedAndTheFormKeepsWhatWasTyped() {
        ArticleReference article = testing.article();
        SignedInClient visitor = new SignedInClient(port, "127.11.0.1");
        visitor.get(article.path());
        HttpResponse<String> answer = visitor.post(
                article.path() + "/komentarze",
                "title",
                "Tytuł zachowany",
                "body",
                "Treść zachowana",
                "signature",
                "Ola\u0000",
                "email",
                "");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("Popraw błędy w formularzu")
                .contains("niedozwolony znak sterujący")
                .contains("Tytuł zachowany")
                .contains("Treść zachowana");
        assertThat(jdbc.sql("select count(*) from comments_comment where article_id = :a")
                        .param("a", article.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void assertNoMarkupFromInput(String page) {
        // Escaped, the payloads stay visible as text (even inside a value="…"); only a real tag would be dangerous.
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "<svg onload", "<iframe", "href=\"javascript:");
    }

    static List<String> hostileStrings() throws IOException {
        List<String> strings = new ArrayList<>(List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "\"><script>alert(1)</script>",
                "javascript:alert(1)",
                "<svg onload=alert(1)>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "[x](javascript:alert(1))",
                "'; drop table comments_comment; --",
                "ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
                "a".repeat(10_000),
                "\u0000null\u0000",
                "line\r\nbreak",
                "\uD83D\uDE00".repeat(100),
                "\u202Ekcatta\u202C",
                "   ",
                "\n\n\n"));
        strings.addAll(NaughtyStrings.corpus());
        return strings;
    }
}
