package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.internal.KeptArticleList;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/** The portal's pages run as many SQL statements with 5 rows as with 500 (no N+1 over articles, tags or partners). */
@IntegrationTest
@Import({TestExtensions.class, ContentTestExtensions.class})
class ContentQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptArticleList articleList;

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from article where author_name = 'query-count test'").update();
        jdbc.sql("delete from tag where slug like 'query-count-%'").update();
        jdbc.sql("delete from partner where name like 'query-count test%'").update();
        articleList.forget();
    }

    @Test
    void listsDetailFeedsAndHomeRunTheSameStatementsWithFiveOrFiveHundredRows() {
        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String[] publicPaths = {
            "/",
            "/aktualnosci",
            "/aktualnosci?tag=query-count-0",
            "/aktualnosci/ekonomia-spoleczna-w-regionach",
            "/aktualnosci/rss.xml",
            "/aktualnosci/atom.xml",
            "/sitemap.xml",
            "/patronaty"
        };
        addArticles(5);
        int[] few = new int[publicPaths.length];
        for (int i = 0; i < publicPaths.length; i++) {
            few[i] = statementsFor(new Http(port), publicPaths[i]);
        }
        // The session's first form stores its CSRF token in the session (a write once per session, bound to it).
        editor.get("/redakcja");
        int editorFew = statementsFor(editor, "/redakcja");
        addArticles(495);
        for (int i = 0; i < 500; i++) {
            jdbc.sql("insert into partner (kind, name, sort_order) values ('PARTNER', :name, 1000)")
                    .param("name", "query-count test " + i)
                    .update();
        }
        for (int i = 0; i < publicPaths.length; i++) {
            assertThat(statementsFor(new Http(port), publicPaths[i]))
                    .as(publicPaths[i])
                    .isEqualTo(few[i]);
        }
        assertThat(statementsFor(editor, "/redakcja")).isEqualTo(editorFew);
        // Viewed again, the list comes from memory: only the session is read.
        statements.reset();
        assertThat(editor.get("/redakcja").statusCode()).isEqualTo(200);
        assertThat(statements.count()).isLessThan(editorFew);
        assertThat(few[0]).as("home").isLessThanOrEqualTo(8);
        assertThat(few[3]).as("article page").isLessThanOrEqualTo(2);
    }

    private void addArticles(int count) {
        for (int i = 0; i < count; i++) {
            long id = jdbc.sql("""
                    insert into article (slug, title, lead, body_markdown, body_html, author_name, status, published_at)
                    values (:slug, 'Tytuł', 'Lead', 'Treść', '<p>Treść</p>', 'query-count test', 'PUBLISHED', now() - interval '1 day')
                    returning id""")
                    .param("slug", "query-count-" + UUID.randomUUID())
                    .query(Long.class)
                    .single();
            long tag = jdbc.sql(
                            "insert into tag (slug, name) values (:slug, :slug) on conflict (slug) do update set name = excluded.name returning id")
                    .param("slug", "query-count-" + (i % 7))
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into article_tag (article_id, tag_id) values (:a, :t)")
                    .param("a", id)
                    .param("t", tag)
                    .update();
        }
    }

    private int statementsFor(Http http, String path) {
        statements.reset();
        assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
        return statements.count();
    }

    /** The statements of a view that reads the editors' list from the database (the articles were added in SQL). */
    private int statementsFor(SignedInClient client, String path) {
        articleList.forget();
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        return statements.count();
    }
}
