package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The same form sent several times at once, as an impatient double click or a robot does: the same comment
 * is kept once and the other sendings are told it is a duplicate; no form of the module answers 500.
 */
@IntegrationTest
class CommentsConcurrencyIntegrationTests {

    /** Each client sends from its own loopback address, so that no per-address limit answers first. */
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
    void theSameCommentSentSixTimesAtOnceIsKeptOnceAndTheOthersAreToldItIsADuplicate() throws Exception {
        String title = samples.unique("Sześć naraz");
        List<Callable<HttpResponse<String>>> sendings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SignedInClient sender = client();
            sender.get(article.path());
            String proof = Proofs.solveFor(sender);
            sendings.add(() -> sender.post(
                    article.path() + "/komentarze",
                    "title",
                    title,
                    "body",
                    title + " ta sama treść wysłana sześć razy",
                    "signature",
                    "Niecierpliwy",
                    "email",
                    "",
                    "website",
                    "",
                    "proof",
                    proof));
        }

        List<HttpResponse<String>> answers = atOnce(sendings);

        assertThat(jdbc.sql("select count(*) from comments_comment where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 302).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() != 302).hasSize(5).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(422);
            assertThat(a.body()).contains("Taki sam komentarz został już wysłany");
        });
    }

    @Test
    void everyFormOfTheModuleSentTwiceAtOnceNeverAnswers500() throws Exception {
        samples.pendingComments(article, 4);
        List<Long> pending = jdbc.sql("select id from comments_comment where article_id = :a order by id")
                .param("a", article.id())
                .query(Long.class)
                .list();
        String approvedTitle = samples.unique("Zgłaszany dwa razy");
        samples.approvedComment(article, approvedTitle, "Treść zgłaszana", "Autor");
        long approved = samples.byTitle(approvedTitle).id();
        SignedInClient editor = client();
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        editor.get("/redakcja/komentarze");

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.addAll(twiceAtOnce(
                editor,
                "/redakcja/komentarze",
                "action",
                "APPROVE",
                "ids",
                pending.get(0).toString(),
                "ids",
                pending.get(1).toString()));
        answers.addAll(twiceAtOnce(editor, "/redakcja/komentarze/" + pending.get(2) + "/decyzja", "action", "REJECT"));
        answers.addAll(twiceAtOnce(
                editor,
                "/redakcja/komentarze/" + pending.get(3) + "/edycja",
                "title",
                "Poprawiony tytuł",
                "body",
                "Poprawiona treść",
                "signature",
                "Autor"));
        answers.addAll(twiceAtOnce(
                editor, "/redakcja/komentarze/" + pending.get(3) + "/odpowiedz", "reply", "Dziękujemy za uwagę."));
        String phrase = samples.unique("fraza podwójna");
        answers.addAll(twiceAtOnce(editor, "/redakcja/komentarze/zakazane-frazy", "phrase", phrase));
        long phraseId = jdbc.sql("select id from comments_banned_phrase where phrase = :p")
                .param("p", phrase)
                .query(Long.class)
                .single();
        answers.addAll(twiceAtOnce(
                editor, "/redakcja/komentarze/zakazane-frazy/" + phraseId + "/usun", "potwierdzenie", "tak"));
        SignedInClient reporter = client();
        reporter.get("/komentarze/" + approved + "/zgloszenie");
        answers.addAll(twiceAtOnce(reporter, "/komentarze/" + approved + "/zgloszenie"));

        assertThat(answers)
                .hasSize(14)
                .allSatisfy(a -> assertThat(a.statusCode())
                        .as(a.request().method() + " " + a.request().uri())
                        .isLessThan(500));
        assertThat(samples.byTitle(approvedTitle).reports()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from comments_banned_phrase where phrase = :p")
                        .param("p", phrase)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private SignedInClient client() {
        return new SignedInClient(port, "127.0.7." + ADDRESSES.incrementAndGet());
    }

    private static List<HttpResponse<String>> twiceAtOnce(SignedInClient client, String path, String... pairs)
            throws Exception {
        Callable<HttpResponse<String>> post = () -> client.post(path, pairs);
        return atOnce(List.of(post, post));
    }

    /** Starts every call at the same moment (threads waiting at one gate) and returns their answers. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
