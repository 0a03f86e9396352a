package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import pl.koordes.content.internal.ArticleManagement;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInAs;

/** Publishing an article is a past-tense event and an audit line naming the editor; saving a draft is neither. */
@IntegrationTest
@RecordApplicationEvents
class ArticlePublishedIntegrationTests {

    private static final String AUTHOR = "Autor zdarzeń";

    @Autowired
    ApplicationContext context;

    @Autowired
    ArticleManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from article where author_name = :a")
                .param("a", AUTHOR)
                .update();
    }

    @Test
    void publishingADraftPublishesArticlePublishedOnceAndAuditsTheEditor() {
        String title = "Zdarzenie " + UUID.randomUUID();
        long id;
        try (var _ = SignedInAs.person(context, DemoAccounts.EDITOR)) {
            id = management.createArticle(form(title, "DRAFT"), "Roman Redakcyjny");
            assertThat(events.stream(ArticlePublished.class))
                    .as("a draft is not published")
                    .isEmpty();

            management.updateArticle(id, form(title, "PUBLISHED"), "Roman Redakcyjny");
            management.updateArticle(id, form(title + " poprawiony", "PUBLISHED"), "Roman Redakcyjny");
        }

        List<ArticlePublished> published = events.stream(ArticlePublished.class).toList();
        assertThat(published).as("published once, not again on the next save").hasSize(1);
        assertThat(published.getFirst().articleId()).isEqualTo(id);
        assertThat(published.getFirst().title()).isEqualTo(title);
        assertThat(jdbc.sql("""
                        select actor_label from audit_entry
                        where action = 'ARTICLE_PUBLISHED' and target_type = 'article' and target_id = :id""")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly(DemoAccounts.EDITOR);
    }

    @Test
    void anArticleCreatedAsPublishedIsPublishedAtOnce() {
        long id;
        try (var _ = SignedInAs.person(context, DemoAccounts.EDITOR)) {
            id = management.createArticle(form("Od razu " + UUID.randomUUID(), "PUBLISHED"), "Roman Redakcyjny");
        }
        assertThat(events.stream(ArticlePublished.class).map(ArticlePublished::articleId))
                .containsExactly(id);
    }

    private static ArticleForm form(String title, String status) {
        return new ArticleForm(title, "Wstęp", "Treść artykułu.", "", AUTHOR, status, "", "", "", "", "");
    }
}
