package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.comments.internal.ModerationAction;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInAs;

/**
 * A visitor's comment waiting for an editor, and one becoming public, are past-tense events; the
 * editors' decisions are audit lines naming the editor.
 */
@IntegrationTest
@RecordApplicationEvents
class CommentsEventsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CommentManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    CommentsTesting testing;

    @BeforeEach
    void setUp() {
        testing = CommentsTesting.of(context);
    }

    @Test
    void aCommentWaitsThenIsPublishedWhenApprovedAndTheDecisionIsAudited() {
        ArticleReference article = testing.article();
        String title = "Zdarzenia " + UUID.randomUUID().toString().substring(0, 8);
        CommentState state = management.submit(
                article,
                new CommentForm(title, "Treść " + title, "Ola", "", false, "", ""),
                "127.44.0." + (1 + Math.abs(title.hashCode() % 200)),
                Locale.forLanguageTag("pl"));
        assertThat(state).isEqualTo(CommentState.PENDING);
        long id = testing.byTitle(title).id();
        assertThat(events.stream(CommentAwaitingModeration.class))
                .containsExactly(new CommentAwaitingModeration(id, article.id()));
        assertThat(events.stream(CommentPublished.class)).isEmpty();

        try (var _ = SignedInAs.person(context, DemoAccounts.EDITOR)) {
            management.moderate(List.of(id), ModerationAction.APPROVE, CommentsTesting.EDITOR);
            // Approving again changes nothing a reader sees: no second publication.
            management.moderate(List.of(id), ModerationAction.APPROVE, CommentsTesting.EDITOR);
        }

        assertThat(events.stream(CommentPublished.class)).containsExactly(new CommentPublished(id, article.id()));
        assertThat(events.stream(CommentModerated.class).map(CommentModerated::before))
                .containsExactly(CommentState.PENDING, CommentState.APPROVED);
        assertThat(jdbc.sql("""
                        select actor_label || ' ' || (before_value ->> 'state') || ' ' || (after_value ->> 'state')
                        from audit_entry where action = 'COMMENT_APPROVED' and target_type = 'comment' and target_id = :id
                        order by id""")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly(DemoAccounts.EDITOR + " PENDING APPROVED", DemoAccounts.EDITOR + " APPROVED APPROVED");
    }

    @Test
    void rejectingIsAuditedAndPublishesNothing() {
        ArticleReference article = testing.article();
        String title = "Odrzucony " + UUID.randomUUID().toString().substring(0, 8);
        management.submit(
                article,
                new CommentForm(title, "Treść " + title, "Ola", "", false, "", ""),
                "127.45.0." + (1 + Math.abs(title.hashCode() % 200)),
                Locale.forLanguageTag("pl"));
        long id = testing.byTitle(title).id();

        try (var _ = SignedInAs.person(context, DemoAccounts.EDITOR)) {
            management.moderate(List.of(id), ModerationAction.REJECT, CommentsTesting.EDITOR);
        }

        assertThat(events.stream(CommentPublished.class)).isEmpty();
        assertThat(jdbc.sql("select actor_label from audit_entry where action = 'COMMENT_REJECTED' and target_id = :id")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly(DemoAccounts.EDITOR);
    }
}
