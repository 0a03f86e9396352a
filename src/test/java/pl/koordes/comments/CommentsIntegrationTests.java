package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.comments.internal.ProofOfWork;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Sending comments under a real article, every reason a comment is refused (each said in Polish,
 * with what was typed kept), the spam checks, moderation and replies (reports: {@link CommentsReportsIntegrationTests}).
 */
@IntegrationTest
class CommentsIntegrationTests {

    /** Each test sends from its own loopback address, so the per-address limit counts it alone. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    CommentsTesting samples;

    ArticleReference article;
    SignedInClient visitor;

    @BeforeEach
    void visitor() {
        samples = CommentsTesting.of(context);
        article = samples.article();
        visitor = new SignedInClient(port, "127.0.1." + ADDRESSES.incrementAndGet());
    }

    @Test
    void aCommentWithItsProofOfWorkWaitsForModerationAndIsNotPublicUntilApproved() {
        String title = samples.unique("Spółdzielnia w gminie");
        HttpResponse<String> sent = send(title, "Pierwsza linia\nDruga linia", "Anna z Tarnowa", true);

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(sent)).isEqualTo(article.path() + "?komentarz=oczekuje#komentarze");
        assertThat(visitor.get(SignedInClient.location(sent)).body())
                .contains("Komentarz czeka na zatwierdzenie przez redakcję");
        Comment stored = samples.byTitle(title);
        assertThat(stored.state()).isEqualTo(CommentState.PENDING);
        assertThat(stored.flags()).isEmpty();
        assertThat(visitor.get(article.path()).body()).doesNotContain(title);

        samples.approve(stored.id());
        String page = visitor.get(article.path()).body();
        assertThat(page)
                .contains(title)
                .contains("Pierwsza linia<br>Druga linia")
                .contains("Anna z Tarnowa");
    }

    @Test
    void withoutJavaScriptTheCommentIsAcceptedIntoModerationMarkedForTheEditors() {
        String title = samples.unique("Bez skryptu");
        HttpResponse<String> sent = send(title, "Treść bez dowodu pracy", "Jan", false);

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(samples.byTitle(title).flags()).containsExactly(CommentManagement.NO_PROOF_OF_WORK);
    }

    @Test
    void aForgedOrReusedProofOfWorkGoesToModerationMarked() {
        String page = visitor.get(article.path()).body();
        String proof = Proofs.solveFor(visitor);
        String first = samples.unique("Pierwszy z dowodem");
        visitor.post(
                article.path() + "/komentarze",
                "title",
                first,
                "body",
                first + " treść",
                "signature",
                "A",
                "proof",
                proof);
        String reused = samples.unique("Ten sam dowód");
        visitor.post(
                article.path() + "/komentarze",
                "title",
                reused,
                "body",
                reused + " treść",
                "signature",
                "A",
                "proof",
                proof);
        String forged = samples.unique("Podrobiony");
        visitor.post(
                article.path() + "/komentarze",
                "title",
                forged,
                "body",
                forged + " treść",
                "signature",
                "A",
                "proof",
                "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=");

        assertThat(samples.byTitle(first).flags()).isEmpty();
        assertThat(samples.byTitle(reused).flags()).containsExactly(CommentManagement.INVALID_PROOF_OF_WORK);
        assertThat(samples.byTitle(forged).flags()).containsExactly(CommentManagement.INVALID_PROOF_OF_WORK);
    }

    @Test
    void usedProofsAreForgottenOnlyOnceExpiredSoAReusedOneStaysRefused() {
        String expired = "a0" + Long.toHexString(System.nanoTime());
        String live = "b0" + Long.toHexString(System.nanoTime());
        jdbc.sql("""
                        insert into comments_used_challenge (signature, expires_at)
                        values (:expired, now() - interval '1 minute'), (:live, now() + interval '5 minutes')""").param("expired", expired).param("live", live).update();

        assertThat(context.getBean(ProofOfWork.class).forgetExpiredNow()).isPositive();

        assertThat(jdbc.sql("select signature from comments_used_challenge where signature in (:expired, :live)")
                        .param("expired", expired)
                        .param("live", live)
                        .query(String.class)
                        .list())
                .containsExactly(live);
    }

    @Test
    void emptyFieldsAreRefusedInPolishAndTheFormKeepsWhatWasTyped() {
        visitor.get(article.path());
        HttpResponse<String> refused = visitor.post(
                article.path() + "/komentarze", "title", "", "body", "", "signature", "", "email", "anna@example.org");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Popraw błędy w formularzu",
                        "Wpisz tytuł komentarza.",
                        "Wpisz treść komentarza.",
                        "Wpisz podpis",
                        "Podano adres e-mail bez zgody",
                        "value=\"anna@example.org\"",
                        article.title()
                                .replace("&", "&amp;")
                                .replace("<", "&lt;")
                                .replace(">", "&gt;"));
    }

    @Test
    void everyOtherReasonToRefuseIsSaidInPolish() {
        String typed = samples.unique("Za długi");
        assertRefused(send("x".repeat(121), typed, "Ola", true), "Tytuł jest za długi");
        assertRefused(send(typed, "y".repeat(4001), "Ola", true), "Treść jest za długa");
        assertRefused(send(typed, typed + " treść", "z".repeat(81), true), "Podpis jest za długi");
        assertRefused(
                visitor.post(
                        article.path() + "/komentarze",
                        "title",
                        typed,
                        "body",
                        typed + " b",
                        "signature",
                        "Ola",
                        "email",
                        "nie-adres",
                        "consent",
                        "true"),
                "Wpisz adres e-mail w postaci");
        assertRefused(
                visitor.post(
                        article.path() + "/komentarze",
                        "title",
                        typed,
                        "body",
                        typed + " b",
                        "signature",
                        "Ola",
                        "consent",
                        "true"),
                "nie podano adresu e-mail");
        assertRefused(
                send(typed, "Zobacz https://a.example/1 i https://b.example/2 i www.c.example", "Ola", true),
                "za dużo linków");
        samples.ban("tanie kredyty");
        assertRefused(
                send(typed, "Najlepsze TANIE   kredyty tylko dziś", "Ola", true),
                "sformułowanie, którego nie publikujemy");
        assertThat(jdbc.sql("select count(*) from comments_comment where title = :t")
                        .param("t", typed)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSameContentTwiceIsADuplicate() {
        String title = samples.unique("Duplikat");
        assertThat(send(title, title + " ta sama treść", "Ewa", true).statusCode())
                .isEqualTo(302);

        assertRefused(
                send(title + " bis", title + "  TA SAMA treść", "Ewa", true), "Taki sam komentarz został już wysłany");
    }

    @Test
    void oneAddressMaySendOnlySoManyCommentsInAWhile() {
        for (int i = 0; i < 5; i++) {
            String title = samples.unique("Limit " + i);
            assertThat(send(title, title + " treść", "Ewa", false).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> refused = send(samples.unique("Szósty"), "Szósty komentarz", "Ewa", false);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("wysłano ostatnio zbyt wiele komentarzy");
    }

    @Test
    void aRobotFillingTheHiddenFieldSeesSuccessButItsCommentIsSpamAndNeverShown() {
        String title = samples.unique("Robot");
        visitor.get(article.path());
        HttpResponse<String> sent = visitor.post(
                article.path() + "/komentarze",
                "title",
                title,
                "body",
                "kup teraz",
                "signature",
                "Bot",
                "website",
                "https://spam.example");

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(sent)).contains("komentarz=oczekuje");
        Comment stored = samples.byTitle(title);
        assertThat(stored.state()).isEqualTo(CommentState.SPAM);
        assertThat(stored.flags()).containsExactly(CommentManagement.HONEYPOT);
        assertThat(visitor.get(article.path()).body()).doesNotContain(title);
    }

    @Test
    void anAnonymousArticleViewCreatesNoSession() {
        HttpResponse<String> page = new SignedInClient(port).get(article.path());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dodaj komentarz");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    }

    @Test
    void aLongPageOfCommentsStillGivesTheVisitorAWorkingForm() {
        for (int i = 0; i < 20; i++) {
            samples.approvedComment(
                    article, "Długi komentarz " + i, "Zdanie o ekonomii społecznej. ".repeat(60), "Autor " + i);
        }
        String title = samples.unique("Pod długą stroną");
        HttpResponse<String> page = visitor.get(article.path());
        assertThat(page.body().length()).isGreaterThan(30_000);
        // The form needs no token and the page sets no cookie: the same page for every visitor.
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> sent = visitor.post(
                article.path() + "/komentarze",
                "title",
                title,
                "body",
                title + " treść",
                "signature",
                "Ola",
                "proof",
                Proofs.solveFor(visitor));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(samples.byTitle(title).state()).isEqualTo(CommentState.PENDING);
    }

    @Test
    void editorsModerateInBulkReplyAndEditOutPersonalData() {
        String a = samples.unique("Do zatwierdzenia");
        String b = samples.unique("Do odrzucenia");
        send(a, a + " treść z telefonem 600 100 200", "Ola", true);
        send(b, b + " treść", "Ola", true);
        long idA = samples.byTitle(a).id();
        long idB = samples.byTitle(b).id();

        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        HttpResponse<String> queue = editor.get("/redakcja/komentarze?stan=PENDING");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(a, b);

        HttpResponse<String> approved =
                editor.post("/redakcja/komentarze", "action", "APPROVE", "ids", String.valueOf(idA), "stan", "PENDING");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(editor.get(SignedInClient.location(approved)).body()).contains("Zatwierdzono 1 komentarz.");
        editor.post("/redakcja/komentarze/" + idB + "/decyzja", "action", "REJECT");
        assertThat(samples.byTitle(a).state()).isEqualTo(CommentState.APPROVED);
        assertThat(samples.byTitle(b).state()).isEqualTo(CommentState.REJECTED);

        editor.get("/redakcja/komentarze/" + idA);
        assertThat(editor.post(
                                "/redakcja/komentarze/" + idA + "/edycja",
                                "title",
                                a,
                                "body",
                                a + " treść z telefonem [usunięto]",
                                "signature",
                                "Ola")
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.post("/redakcja/komentarze/" + idA + "/odpowiedz", "reply", "Dziękujemy,\nodezwiemy się.")
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> refusedEdit =
                editor.post("/redakcja/komentarze/" + idA + "/edycja", "title", "", "body", "x", "signature", "Ola");
        assertThat(refusedEdit.statusCode()).isEqualTo(422);
        assertThat(refusedEdit.body()).contains("Wpisz tytuł komentarza.");

        String page = visitor.get(article.path()).body();
        assertThat(page)
                .contains(a)
                .doesNotContain("600 100 200")
                .contains("[usunięto]")
                .contains("Odpowiedź redakcji")
                .contains("Dziękujemy,<br>odezwiemy się.")
                .contains("Redakcja usunęła z tego komentarza")
                .doesNotContain(b);
    }

    @Test
    void editorsKeepTheListOfBannedPhrases() {
        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String phrase = samples.unique("kasyno online");
        editor.get("/redakcja/komentarze/zakazane-frazy");
        assertThat(editor.post("/redakcja/komentarze/zakazane-frazy", "phrase", phrase)
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/redakcja/komentarze/zakazane-frazy").body()).contains(phrase);
        HttpResponse<String> empty = editor.post("/redakcja/komentarze/zakazane-frazy", "phrase", " ");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Wpisz sformułowanie.");

        assertRefused(send(samples.unique("Reklama"), "Zagraj: " + phrase.toUpperCase(), "Ola", true), "sformułowanie");

        long id = jdbc.sql("select id from comments_banned_phrase where phrase = :p")
                .param("p", phrase)
                .query(Long.class)
                .single();
        editor.get("/redakcja/komentarze/zakazane-frazy");
        assertThat(editor.post("/redakcja/komentarze/zakazane-frazy/" + id + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/redakcja/komentarze/zakazane-frazy").body()).doesNotContain(phrase);
    }

    @Test
    void onlyEditorsAndAdministratorsReachTheQueue() {
        assertThat(SignedInClient.location(new SignedInClient(port).get("/redakcja/komentarze")))
                .startsWith("/logowanie");
        SignedInClient participant = new SignedInClient(port);
        participant.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        assertThat(participant.get("/redakcja/komentarze").statusCode()).isEqualTo(403);
        SignedInClient expert = new SignedInClient(port);
        expert.signInFully(DemoAccounts.EXPERT, DemoAccounts.PASSWORD, null);
        assertThat(expert.get("/redakcja/komentarze").statusCode()).isEqualTo(403);
    }

    @Test
    void countsTakePolishPluralsAndManyCommentsPaginate() {
        ArticleReference other = samples.article();
        assertThat(visitor.get(other.path() + "?lang=pl").body())
                .contains("<h2 id=\"komentarze-naglowek\">Komentarze</h2>");
        assertThat(visitor.get(other.path() + "?lang=en").body())
                .contains("<h2 id=\"komentarze-naglowek\">Comments</h2>");
        samples.approvedComments(other, 1);
        assertThat(visitor.get(other.path() + "?lang=pl").body())
                .contains("<h2 id=\"komentarze-naglowek\">1 komentarz</h2>");
        assertThat(visitor.get(other.path() + "?lang=en").body())
                .contains("<h2 id=\"komentarze-naglowek\">1 comment</h2>");
        samples.approvedComments(other, 1);
        assertThat(visitor.get(other.path() + "?lang=pl").body())
                .contains("<h2 id=\"komentarze-naglowek\">2 komentarze</h2>");
        samples.approvedComments(other, 20);
        String first = visitor.get(other.path() + "?lang=pl").body();
        assertThat(first)
                .contains("<h2 id=\"komentarze-naglowek\">22 komentarze</h2>")
                .contains("?komentarze=2#komentarze");
        samples.approvedComments(other, 3);
        assertThat(visitor.get(other.path() + "?lang=pl").body())
                .contains("<h2 id=\"komentarze-naglowek\">25 komentarzy</h2>");
        assertThat(visitor.get(other.path() + "?lang=en").body())
                .contains("<h2 id=\"komentarze-naglowek\">25 comments</h2>");
        HttpResponse<String> second = visitor.get(other.path() + "?komentarze=2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Komentarz próbny 21").doesNotContain("Komentarz próbny 1<");
        assertThat(visitor.get(other.path() + "?komentarze=%3Cscript%3E").statusCode())
                .isEqualTo(200);
        assertThat(visitor.get(other.path() + "?komentarze=999999999").statusCode())
                .isEqualTo(200);
    }

    @Test
    void reportsAndPostingsForWhatDoesNotExistAre404() {
        assertThat(visitor.get("/komentarze/999999999/zgloszenie").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/komentarze/abc/zgloszenie").statusCode()).isEqualTo(404);
        visitor.get(article.path());
        assertThat(visitor.post("/aktualnosci/nie-ma-takiego-artykulu/komentarze", "title", "a")
                        .statusCode())
                .isEqualTo(404);
        String pending = samples.unique("Nie do zgłoszenia");
        send(pending, pending + " treść", "Ola", true);
        assertThat(visitor.get("/komentarze/" + samples.byTitle(pending).id() + "/zgloszenie")
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> send(String title, String body, String signature, boolean withProof) {
        String page = visitor.get(article.path()).body();
        return visitor.post(
                article.path() + "/komentarze",
                "title",
                title,
                "body",
                body,
                "signature",
                signature,
                "email",
                "",
                "website",
                "",
                "proof",
                withProof ? Proofs.solveFor(visitor) : "");
    }

    private static void assertRefused(HttpResponse<String> answer, String polishReason) {
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Popraw błędy w formularzu").contains(polishReason);
    }
}
