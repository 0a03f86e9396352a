package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Reporting comments (issue 10, abuse of reporting): open to everybody, but only reports by signed-in
 * accounts hide a comment; visitors' reports bring it to the editors' queue and leave it public. One report
 * per address or account and comment, and a limit per client address.
 */
@IntegrationTest
class CommentsReportsIntegrationTests {

    /** Each client connects from its own loopback address, so that the per-address limits count it alone. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    CommentsTesting samples;
    ArticleReference article;

    @BeforeEach
    void article() {
        samples = CommentsTesting.of(context);
        article = samples.article();
    }

    @Test
    void reportsFromVisitorsWithoutAnAccountNeverHideTheCommentButBringItToTheEditors() {
        String title = samples.unique("Zgłaszany anonimowo");
        long id = approved(title);

        for (int i = 0; i < 3; i++) {
            SignedInClient visitor = client();
            HttpResponse<String> form = visitor.get("/komentarze/" + id + "/zgloszenie");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains(title).contains("od osób zalogowanych");
            HttpResponse<String> reported = visitor.post("/komentarze/" + id + "/zgloszenie");
            assertThat(SignedInClient.location(reported)).isEqualTo(article.path() + "?komentarz=zgloszony#komentarze");
            // The same address again does not count twice.
            assertThat(visitor.post("/komentarze/" + id + "/zgloszenie").statusCode())
                    .isEqualTo(302);
        }

        Comment comment = samples.byTitle(title);
        assertThat(comment.state()).isEqualTo(CommentState.APPROVED);
        assertThat(comment.reports()).isEqualTo(3);
        assertThat(comment.signedInReports()).isZero();
        assertThat(client().get(article.path()).body()).contains(title);
        SignedInClient editor = signedIn(DemoAccounts.EDITOR);
        assertThat(editor.get("/redakcja/komentarze").body())
                .contains("Czytelnicy zgłosili")
                .contains("/redakcja/komentarze?stan=ZGLOSZONE");
        String queue = editor.get("/redakcja/komentarze?stan=ZGLOSZONE&artykul=" + article.id())
                .body();
        assertThat(queue).contains(title).contains("3 zgłoszenia").contains("Zostaw opublikowany");
    }

    @Test
    void reportsBySignedInAccountsHideTheCommentOnceThereAreEnoughAndAnApprovalSettlesThem() {
        String title = samples.unique("Zgłaszany przez zalogowanych");
        long id = approved(title);
        report(id, null);
        report(id, null);
        SignedInClient participant = signedIn(DemoAccounts.PARTICIPANT);
        SignedInClient expert = signedIn(DemoAccounts.EXPERT);
        SignedInClient institution = signedIn(DemoAccounts.CENTRAL_INSTITUTION);
        report(id, participant);
        report(id, expert);
        // The same account again does not count twice.
        report(id, expert);
        assertThat(samples.byTitle(title).state()).isEqualTo(CommentState.APPROVED);
        assertThat(samples.byTitle(title).signedInReports()).isEqualTo(2);

        report(id, institution);

        Comment hidden = samples.byTitle(title);
        assertThat(hidden.state()).isEqualTo(CommentState.HIDDEN);
        assertThat(hidden.reports()).isEqualTo(5);
        assertThat(hidden.signedInReports()).isEqualTo(3);
        assertThat(client().get(article.path()).body()).doesNotContain(title);
        assertThat(client().get("/komentarze/" + id + "/zgloszenie").statusCode())
                .isEqualTo(404);
        // An audit line, as every change of state (written by accounts, in the report's transaction).
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'COMMENT_HIDDEN_BY_REPORTS' "
                                + "and target_type = 'comment' and target_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // An editor looks and keeps the comment: its reports are settled, and the same reporters cannot hide it again.
        SignedInClient editor = signedIn(DemoAccounts.EDITOR);
        editor.get("/redakcja/komentarze/" + id);
        editor.post("/redakcja/komentarze/" + id + "/decyzja", "action", "APPROVE", "powrot", "komentarz");
        assertThat(samples.byTitle(title).state()).isEqualTo(CommentState.APPROVED);
        assertThat(samples.byTitle(title).reports()).isZero();
        for (SignedInClient again : List.of(participant, expert, institution)) {
            report(id, again);
        }
        for (int i = 0; i < 3; i++) {
            report(id, null);
        }
        Comment kept = samples.byTitle(title);
        assertThat(kept.state()).isEqualTo(CommentState.APPROVED);
        assertThat(kept.reports()).isEqualTo(3);
        assertThat(kept.signedInReports()).isZero();
        assertThat(client().get(article.path()).body()).contains(title);

        // New reports by signed-in accounts count from zero again.
        report(id, signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE));
        report(id, editor);
        assertThat(samples.byTitle(title).state()).isEqualTo(CommentState.APPROVED);
        report(id, signedIn(DemoAccounts.COORDINATOR_SLASKIE));
        assertThat(samples.byTitle(title).state()).isEqualTo(CommentState.HIDDEN);
    }

    @Test
    void tooManyReportsFromOneAddressAreRefusedInPolishAndTheEarlierOnesAreKept() {
        samples.approvedComments(article, 21);
        List<Long> ids = jdbc.sql("select id from comments_comment where article_id = :a order by id")
                .param("a", article.id())
                .query(Long.class)
                .list();
        SignedInClient visitor = client();
        for (long id : ids.subList(0, 20)) {
            visitor.get("/komentarze/" + id + "/zgloszenie");
            assertThat(visitor.post("/komentarze/" + id + "/zgloszenie").statusCode())
                    .isEqualTo(302);
        }

        long last = ids.get(20);
        visitor.get("/komentarze/" + last + "/zgloszenie");
        HttpResponse<String> refused = visitor.post("/komentarze/" + last + "/zgloszenie");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body())
                .contains("Z tego adresu wysłano ostatnio zbyt wiele zgłoszeń")
                .contains("Wcześniejsze zgłoszenia zostały przyjęte")
                .contains("#komentarz-" + last);
        assertThat(jdbc.sql("select sum(reports) from comments_comment where article_id = :a and id <> :last")
                        .param("a", article.id())
                        .param("last", last)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
        assertThat(samples.byTitle("Komentarz próbny 21").reports()).isZero();
        // Another address is not limited by this one.
        report(last, null);
        assertThat(samples.byTitle("Komentarz próbny 21").reports()).isEqualTo(1);
    }

    private long approved(String title) {
        samples.approvedComment(article, title, title + " treść", "Ola");
        return samples.byTitle(title).id();
    }

    /** Reports the comment as this signed-in person, or (null) as a new visitor from an address of their own. */
    private void report(long id, @Nullable SignedInClient reporter) {
        SignedInClient client = reporter == null ? client() : reporter;
        HttpResponse<String> form = client.get("/komentarze/" + id + "/zgloszenie");
        if (form.statusCode() != 200) {
            throw new IllegalStateException("report form of " + id + ": " + form.statusCode());
        }
        HttpResponse<String> reported = client.post("/komentarze/" + id + "/zgloszenie");
        assertThat(reported.statusCode()).isEqualTo(302);
    }

    private SignedInClient signedIn(String email) {
        SignedInClient client = client();
        client.signInFully(
                email,
                DemoAccounts.PASSWORD,
                email.equals(DemoAccounts.COORDINATOR_SLASKIE) ? DemoAccounts.TOTP_SECRET : null);
        return client;
    }

    private SignedInClient client() {
        return new SignedInClient(port, "127.0.8." + ADDRESSES.incrementAndGet());
    }
}
