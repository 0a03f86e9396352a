package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/** The article page and the moderation queue run as many statements with 5 comments as with 500. */
@IntegrationTest
@Import(TestExtensions.class)
class CommentsQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    CommentsTesting testing;

    @BeforeEach
    void setUp() {
        testing = CommentsTesting.of(context);
        // Site-wide caches (the navigation's pages) warm, whichever test ran before: the figures are the page's own.
        assertThat(new Http(port).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void anArticlePageRunsTheSameStatementsWithFiveOrFiveHundredComments() {
        ArticleReference article = testing.article();
        testing.approvedComments(article, 5);
        int uncachedFew = statementsFor(article.path());
        int cachedFew = statementsFor(article.path());

        testing.approvedComments(article, 495);
        int uncachedMany = statementsFor(article.path());
        int cachedMany = statementsFor(article.path());
        assertThat(new Http(port).get(article.path() + "?komentarze=25").body()).contains("Komentarz próbny 500");

        assertThat(uncachedMany).isEqualTo(uncachedFew);
        assertThat(cachedMany).isEqualTo(cachedFew);
        // The rendered list is cached: a second view skips the query of comments.
        assertThat(cachedMany).isEqualTo(uncachedMany - 1);
    }

    @Test
    void theModerationQueueRunsTheSameStatementsWithFiveOrFiveHundredComments() {
        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        ArticleReference article = testing.article();
        testing.pendingComments(article, 5);
        String queue = "/redakcja/komentarze?stan=PENDING&artykul=" + article.id();
        editor.get(queue);
        statements.reset();
        assertThat(editor.get(queue).statusCode()).isEqualTo(200);
        int few = statements.count();

        testing.pendingComments(article, 495);
        statements.reset();
        assertThat(editor.get(queue).body()).contains("Znaleziono 500 komentarzy.");
        assertThat(statements.count()).isEqualTo(few);
    }

    private int statementsFor(String path) {
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).isEqualTo(200);
        return statements.count();
    }
}
