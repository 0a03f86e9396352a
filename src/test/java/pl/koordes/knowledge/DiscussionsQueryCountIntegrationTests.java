package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * A space's page (its threads) and a thread's page (its posts, each quoting another and pointing to documents) run
 * the same statements with one thread or post and with a full page of them, in a committee space and in a group.
 */
@IntegrationTest
@Import(TestExtensions.class)
class DiscussionsQueryCountIntegrationTests {

    private static final String PREFIX = "Liczony wątek";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SearchIndex index;

    DiscussionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new DiscussionsTesting(jdbc, port, accounts, index);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theSpaceAndThreadPagesDoNotGrowWithWhatTheyShow() {
        for (String email : List.of(DemoAccounts.COMMITTEE_MALOPOLSKIE, DemoAccounts.EDITOR)) {
            String slug = email.equals(DemoAccounts.EDITOR) ? "grupa-finansowanie-zwrotne" : "komitet-malopolskie";
            long space = jdbc.sql("select id from discussion_space where slug = :s")
                    .param("s", slug)
                    .query(Long.class)
                    .single();
            SignedInClient client =
                    testing.signedIn(email, email.equals(DemoAccounts.EDITOR) ? "127.0.45.30" : "127.0.45.31");
            String spacePage = "/dyskusje/" + slug;
            long thread = thread(space, 0, 1);
            String threadPage = spacePage + "/watki/" + thread;
            client.get(spacePage);
            int spaceFew = statementsFor(client, spacePage);
            List<String> fewStatements = statements.statements();
            int threadFew = statementsFor(client, threadPage);
            for (int i = 1; i <= 25; i++) {
                thread(space, i, 1);
            }
            long busy = thread(space, 99, 60);
            assertThat(statementsFor(client, spacePage))
                    .as("%s: %s, then %s", email, fewStatements, statements.statements())
                    .isEqualTo(spaceFew);
            assertThat(statementsFor(client, spacePage + "/watki/" + busy)).isEqualTo(threadFew);
            assertThat(statementsFor(client, spacePage + "/watki/" + busy + "?strona=2"))
                    .isEqualTo(threadFew);
            assertThat(threadFew).isLessThanOrEqualTo(12);
            testing.cleanUp(PREFIX);
        }
    }

    /** A thread of {@code posts} posts, each after the first quoting the one before and pointing to two documents. */
    private long thread(long space, int n, int posts) {
        long author = testing.account(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        long thread = jdbc.sql("""
                        insert into discussion_thread (space_id, title, author_id, created_at, last_post_at, post_count)
                        values (:s, :t, :a, now(), now(), :n) returning id
                        """)
                .param("s", space)
                .param("t", PREFIX + " " + n)
                .param("a", author)
                .param("n", posts)
                .query(Long.class)
                .single();
        Long previous = null;
        for (int i = 0; i < posts; i++) {
            long post = jdbc.sql("""
                            insert into discussion_post (thread_id, author_id, body, quoted_post_id, created_at, edited_at)
                            values (:t, :a, :b, :q, now(), now()) returning id
                            """)
                    .param("t", thread)
                    .param("a", author)
                    .param("b", "Wpis **" + i + "**")
                    .param("q", previous)
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            "insert into discussion_post_document (post_id, document_id, position) values (:p, 1, 0), (:p, 2, 1)")
                    .param("p", post)
                    .update();
            previous = post;
        }
        return thread;
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
