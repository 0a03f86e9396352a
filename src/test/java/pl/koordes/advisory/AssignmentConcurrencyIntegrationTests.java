package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Two operators assign experts to the same case at the same moment, each from a chooser loaded at the same
 * version, in two real HTTP requests released together: exactly one assignment is made, the other operator gets
 * 409 with a clear message and the chooser again with their own choice still ticked (nothing lost), at the case's
 * new version, so that sending it again assigns their expert too. What keeps them apart is the case's row lock and
 * its version, not a check two transactions could both pass.
 */
@IntegrationTest
class AssignmentConcurrencyIntegrationTests {

    private static final String PREFIX = "Test przydziału naraz";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AssignmentTesting testing;

    @BeforeEach
    void setUp() {
        testing = new AssignmentTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void twoOperatorsAssigningAtOnceMakeOneAssignmentAndTheOtherIsToldWithTheirChoiceKept() throws Exception {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.40");
        SignedInClient administrator = testing.signedIn(DemoAccounts.ADMINISTRATOR, "127.0.30.41");
        long expert = testing.account(DemoAccounts.EXPERT);
        long other = testing.account(DemoAccounts.EXPERT_OTHER);
        long id = testing.accepted("malopolskie", PREFIX + ": jedna sprawa", "6");
        String path = "/doradztwo/" + id + "/eksperci";
        int editorVersion = AssignmentTesting.version(editor.get(path).body());
        int administratorVersion =
                AssignmentTesting.version(administrator.get(path).body());
        assertThat(editorVersion).isEqualTo(administratorVersion);

        List<HttpResponse<String>> answers = atOnce(List.of(
                () -> editor.post(path, "version", "" + editorVersion, "expertIds", "" + expert),
                () -> administrator.post(path, "version", "" + administratorVersion, "expertIds", "" + other)));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 409);
        assertThat(testing.assignments(id)).isEqualTo(1);
        assertThat(testing.audits("ADVISORY_EXPERT_ASSIGNED", id)).isEqualTo(1);
        int loser = answers.get(0).statusCode() == 409 ? 0 : 1;
        HttpResponse<String> told = answers.get(loser);
        long lost = loser == 0 ? expert : other;
        assertThat(told.body())
                .contains("Ktoś inny właśnie przydzielił eksperta")
                .contains("value=\"" + lost + "\" checked")
                .contains("name=\"version\" value=\"" + (editorVersion + 1) + "\"");

        // Sending the form shown again assigns the second expert as well.
        SignedInClient again = loser == 0 ? editor : administrator;
        HttpResponse<String> resent = again.post(path, "version", "" + (editorVersion + 1), "expertIds", "" + lost);
        assertThat(resent.statusCode()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> testing.assignments(id) == 2);
    }

    private static List<HttpResponse<String>> atOnce(List<Callable<HttpResponse<String>>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> futures.stream().allMatch(Future::isDone));
            List<HttpResponse<String>> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
