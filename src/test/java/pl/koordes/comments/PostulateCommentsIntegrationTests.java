package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.comments.internal.CommentThreads;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Comments under public postulates: the same form, checks and moderation as under articles. Real HTTP requests,
 * from client addresses of their own (127.0.21.100 and up).
 */
@IntegrationTest
class PostulateCommentsIntegrationTests {

    /** Comments accepted from one client address before the next: under the per-address limit. */
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
    void aCommentUnderAPostulateWaitsForTheEditorsThenShowsUnderIt() {
        long postulate = postulate("FORWARDED");
        String title = testing.unique("Głos <b>z regionu</b>");
        SignedInClient visitor = new SignedInClient(port, "127.0.21.100");
        HttpResponse<String> page = visitor.get("/postulaty/" + postulate);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"comment-form\"")
                .contains("action=\"/postulaty/" + postulate + "/komentarze\"");

        HttpResponse<String> sent = visitor.post(
                "/postulaty/" + postulate + "/komentarze",
                "title",
                title,
                "body",
                "Popieramy, w naszej gminie jest tak samo.",
                "signature",
                "Ola <i>z Gorlic</i>",
                "email",
                "");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow())
                .endsWith("/postulaty/" + postulate + "?komentarz=oczekuje#komentarze");
        Comment comment = testing.byTitle(title);
        assertThat(comment.subject()).isEqualTo(CommentSubject.POSTULATE);
        assertThat(comment.articleId()).isEqualTo(postulate);
        assertThat(comment.state()).isEqualTo(CommentState.PENDING);
        assertThat(visitor.get("/postulaty/" + postulate).body()).doesNotContain(escaped(title));

        SignedInClient editor = new SignedInClient(port, "127.0.21.101");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String queue = editor.get("/redakcja/komentarze?stan=PENDING").body();
        assertThat(queue)
                .contains(escaped(title))
                .contains("do postulatu")
                .contains("href=\"/postulaty/" + postulate + "#komentarz-" + comment.id() + "\"");
        String detail = editor.get("/redakcja/komentarze/" + comment.id()).body();
        assertThat(detail)
                .contains("Postulat")
                .contains("href=\"/postulaty/" + postulate + "#komentarz-" + comment.id() + "\"");

        assertThat(editor.post("/redakcja/komentarze/" + comment.id() + "/decyzja", "action", "APPROVE")
                        .statusCode())
                .isEqualTo(302);
        String shown = new SignedInClient(port, "127.0.21.102")
                .get("/postulaty/" + postulate)
                .body();
        assertThat(shown)
                .contains(escaped(title))
                .contains("Ola &lt;i&gt;z Gorlic&lt;/i&gt;")
                .contains("id=\"komentarz-" + comment.id() + "\"")
                .doesNotContain("<b>z regionu</b>");
        // Reported from the postulate's page, the report page leads back to the postulate.
        String report =
                visitor.get("/komentarze/" + comment.id() + "/zgloszenie").body();
        assertThat(report).contains("Zgłaszasz komentarz do postulatu").contains("href=\"/postulaty/" + postulate);
    }

    @Test
    void aDraftAMergedAnUnknownOrAMalformedPostulateTakesNoComment() {
        SignedInClient visitor = new SignedInClient(port, "127.0.21.103");
        visitor.get("/postulaty/" + postulate("FORWARDED"));
        List<String> ids = new ArrayList<>(List.of("999999999", "abc", "-1", "1e3"));
        ids.add(String.valueOf(postulate("DRAFT")));
        ids.add(String.valueOf(postulate("MERGED")));
        for (String id : ids) {
            String title = testing.unique("Do szkicu");
            HttpResponse<String> answer = visitor.post(
                    "/postulaty/" + id + "/komentarze",
                    "title",
                    title,
                    "body",
                    "Treść " + title,
                    "signature",
                    "Ktoś",
                    "email",
                    "");
            assertThat(answer.statusCode()).as(id).isIn(400, 404);
            assertThat(jdbc.sql("select count(*) from comments_comment where title = :t")
                            .param("t", title)
                            .query(Long.class)
                            .single())
                    .as(id)
                    .isZero();
        }
    }

    @Test
    void everyHostileStringInTitleContentOrSignatureIsAcceptedOrRefusedNeverAnErrorAndShownEscaped() {
        long postulate = postulate("PARTLY_ACCEPTED");
        List<String> hostile = NaughtyStrings.corpusAnd(
                List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>"));
        int accepted = 0;
        int refused = 0;
        int address = 110;
        SignedInClient visitor = visitor(address, postulate);
        int fromThisAddress = 0;
        // Each string in the three fields at once (the body numbered, so the duplicate check lets it through):
        // one comment per string keeps the whole list within this test's client addresses.
        for (int i = 0; i < hostile.size(); i++) {
            if (fromThisAddress == PER_ADDRESS) {
                visitor = visitor(++address, postulate);
                fromThisAddress = 0;
            }
            String text = hostile.get(i);
            HttpResponse<String> answer = visitor.post(
                    "/postulaty/" + postulate + "/komentarze",
                    "title",
                    text,
                    "body",
                    text + "\n(" + i + ")",
                    "signature",
                    text,
                    "email",
                    "");
            assertThat(answer.statusCode()).as(text).isIn(302, 422);
            if (answer.statusCode() == 422) {
                refused++;
                assertThat(answer.body()).as(text).contains("Popraw błędy w formularzu");
                assertNoMarkupFromInput(answer.body());
            } else {
                accepted++;
                fromThisAddress++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
        assertThat(address).isLessThan(255);

        jdbc.sql("""
                        update comments_comment set state = 'APPROVED', published_at = created_at
                        where subject = 'POSTULATE' and article_id = :p and state = 'PENDING'""").param("p", postulate).update();
        context.getBean(CommentThreads.class).touchThreads(CommentSubject.POSTULATE, List.of(postulate));
        SignedInClient reader = new SignedInClient(port, "127.0.21.104");
        int pages = (accepted + 19) / 20 + 1;
        for (int p = 1; p <= pages; p++) {
            HttpResponse<String> page = reader.get("/postulaty/" + postulate + "?komentarze=" + p);
            assertThat(page.statusCode()).isEqualTo(200);
            assertNoMarkupFromInput(page.body());
        }
        SignedInClient editor = new SignedInClient(port, "127.0.21.105");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        for (int p = 1; p <= (accepted + 24) / 25; p++) {
            HttpResponse<String> queue = editor.get("/redakcja/komentarze?stan=APPROVED&strona=" + p);
            assertThat(queue.statusCode()).isEqualTo(200);
            assertNoMarkupFromInput(queue.body());
        }
    }

    private SignedInClient visitor(int address, long postulate) {
        SignedInClient visitor = new SignedInClient(port, "127.0.21." + address);
        visitor.get("/postulaty/" + postulate);
        return visitor;
    }

    private long postulate(String status) {
        return jdbc.sql("select min(id) from postulates_postulate where status = :s")
                .param("s", status)
                .query(Long.class)
                .single();
    }

    private static void assertNoMarkupFromInput(String page) {
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "<svg onload", "<iframe", "href=\"javascript:");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&#34;");
    }
}
