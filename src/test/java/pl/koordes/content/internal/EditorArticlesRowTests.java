package pl.koordes.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The editors' list is kept in memory, so a scheduled article's row turns published when it is served. */
class EditorArticlesRowTests {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aScheduledArticleIsPublishedFromItsTimeOn() {
        EditorArticles.Row scheduled = new EditorArticles.Row(7, "a", "A", "SCHEDULED", AT, MODIFIED, 2);

        assertThat(scheduled.at(AT.minusSeconds(1)).state()).isEqualTo("SCHEDULED");
        assertThat(scheduled.at(AT).state()).isEqualTo("PUBLISHED");
        assertThat(scheduled.at(AT.plusSeconds(3600)))
                .isEqualTo(new EditorArticles.Row(7, "a", "A", "PUBLISHED", AT, MODIFIED, 2));
    }

    @Test
    void draftsAndPublishedArticlesStayAsTheyAre() {
        EditorArticles.Row draft = new EditorArticles.Row(1, "d", "D", "DRAFT", AT, MODIFIED, 1);
        EditorArticles.Row published = new EditorArticles.Row(2, "p", "P", "PUBLISHED", AT, MODIFIED, 1);

        assertThat(draft.at(AT.plusSeconds(60))).isSameAs(draft);
        assertThat(published.at(AT.minusSeconds(60))).isSameAs(published);
    }
}
