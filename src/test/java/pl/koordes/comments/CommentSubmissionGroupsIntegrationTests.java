package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Submissions sent at the same moment are decided together, in one transaction per group (issue 19): each is still
 * decided as if alone. The per-address limit counts exactly across concurrent submissions, a proof of work carries
 * one comment even when its copies arrive in the same group, and moderators get one notice per group.
 */
@IntegrationTest
class CommentSubmissionGroupsIntegrationTests {

    /** Client addresses of this class (127.0.59.x): each test's senders count alone against the per-address limit. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    CommentsTesting samples;
    ArticleReference article;

    @BeforeEach
    void article() {
        samples = CommentsTesting.of(context);
        article = samples.article();
    }

    @Test
    void twelveCommentsFromOneAddressAtOnceAreKeptFiveTimesAndRefusedSevenTimes() throws Exception {
        String address = "127.0.59." + ADDRESSES.incrementAndGet();
        String prefix = samples.unique("Limit naraz");
        List<Callable<HttpResponse<String>>> sendings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SignedInClient sender = new SignedInClient(port, address);
            String proof = Proofs.solveFor(sender);
            String title = prefix + " " + i;
            sendings.add(() -> send(sender, title, title + " osobna treść", proof));
        }

        List<HttpResponse<String>> answers = atOnce(sendings);

        assertThat(answers).filteredOn(a -> a.statusCode() == 302).hasSize(5);
        assertThat(answers).filteredOn(a -> a.statusCode() == 429).hasSize(7);
        assertThat(jdbc.sql("select count(*) from comments_comment where title like :p || '%'")
                        .param("p", prefix)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void oneSolvedChallengeSentWithSixCommentsAtOnceCarriesOneOfThemTheOthersAreMarked() throws Exception {
        String prefix = samples.unique("Jedno rozwiązanie");
        String proof = Proofs.solveFor(new SignedInClient(port, "127.0.59." + ADDRESSES.incrementAndGet()));
        List<Callable<HttpResponse<String>>> sendings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SignedInClient sender = new SignedInClient(port, "127.0.59." + ADDRESSES.incrementAndGet());
            String title = prefix + " " + i;
            sendings.add(() -> send(sender, title, title + " inna treść za każdym razem", proof));
        }

        List<HttpResponse<String>> answers = atOnce(sendings);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(302));
        List<String> flags = jdbc.sql(
                        "select coalesce(array_to_string(flags, ','), '') from comments_comment where title like :p || '%'")
                .param("p", prefix)
                .query(String.class)
                .list();
        assertThat(flags).hasSize(6);
        assertThat(flags).filteredOn(String::isEmpty).hasSize(1);
        assertThat(flags)
                .filteredOn(f -> !f.isEmpty())
                .hasSize(5)
                .allSatisfy(f -> assertThat(f).isEqualTo(CommentManagement.INVALID_PROOF_OF_WORK));
    }

    @Test
    void commentsKeptInOneTransactionGiveEachModeratorOneNoticeWithTheirNumber() {
        long editor = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.EDITOR)
                .query(Long.class)
                .single();
        long before = queueNotices(editor);

        transactions.executeWithoutResult(status -> {
            for (long id = 1; id <= 3; id++) {
                events.publishEvent(new CommentAwaitingModeration(-id, article.id()));
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> queueNotices(editor) > before);
        assertThat(queueNotices(editor)).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        select text from notifications_notice where account_id = :a and link = '/redakcja/komentarze'
                        order by created_at desc limit 1""").param("a", editor).query(String.class).single())
                .isEqualTo("Nowe komentarze czekające na moderację: 3.");
    }

    private long queueNotices(long account) {
        return jdbc.sql(
                        "select count(*) from notifications_notice where account_id = :a and link = '/redakcja/komentarze'")
                .param("a", account)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> send(SignedInClient sender, String title, String body, String proof) {
        return sender.post(
                article.path() + "/komentarze",
                "title",
                title,
                "body",
                body,
                "signature",
                "Jednoczesny",
                "email",
                "",
                "website",
                "",
                "proof",
                proof);
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
