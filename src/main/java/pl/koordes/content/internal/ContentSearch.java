package pl.koordes.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.shared.audit.Audited;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchChanges;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchRows;
import pl.koordes.shared.search.SearchSource;
import pl.koordes.shared.text.Markdown;

/**
 * Articles and information pages in the search index, for everyone, as their pages are. A draft is not indexed;
 * an article published for a later hour is indexed at once and found from that hour ({@code visibleFrom}), as its
 * page opens then. Every change of an article or a page is audited; the entry is refreshed just before that
 * change commits.
 */
@Component
class ContentSearch implements SearchSource {

    static final String SOURCE = "content";

    private static final String ARTICLES = """
            select id, slug, title, lead, body_markdown, published_at from article
            where status = 'PUBLISHED' and id > :after and (cast(:id as bigint) is null or id = :id) order by id limit :limit
            """;

    private static final String PAGES = """
            select id, slug, title, lead, body_markdown from content_page
            where id > :after and (cast(:id as bigint) is null or id = :id) order by id limit :limit
            """;

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final Markdown markdown;

    ContentSearch(JdbcClient jdbc, SearchIndex index, Markdown markdown) {
        this.jdbc = jdbc;
        this.index = index;
        this.markdown = markdown;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void entries(Consumer<SearchEntry> sink) {
        SearchRows.each(jdbc, ARTICLES, (rs, n) -> article(rs), sink);
        SearchRows.each(jdbc, PAGES, (rs, n) -> page(rs), sink);
    }

    /** Refreshes the article or page an audited change concerns, before the change commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void changed(Audited change) {
        Long article = SearchChanges.idOf(change, "article");
        if (article != null) {
            SearchRows.refresh(jdbc, index, ARTICLES, article, SOURCE, "article:" + article, (rs, n) -> article(rs));
        }
        Long page = SearchChanges.idOf(change, "page");
        if (page != null) {
            SearchRows.refresh(jdbc, index, PAGES, page, SOURCE, "page:" + page, (rs, n) -> page(rs));
        }
    }

    private SearchEntry article(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new SearchEntry(
                SOURCE,
                "article:" + rs.getLong("id"),
                "article",
                null,
                published.toInstant().atZone(Formats.ZONE).getYear(),
                rs.getString("title"),
                rs.getString("lead") + "\n" + markdown.toPlainText(rs.getString("body_markdown")),
                "/aktualnosci/" + rs.getString("slug"),
                Set.of(SearchAudience.PUBLIC),
                published.toInstant());
    }

    private SearchEntry page(ResultSet rs) throws SQLException {
        // Placeholders left for the editors are not shown to visitors, so they are not searched either.
        String body = rs.getString("lead") + "\n" + markdown.toPlainText(rs.getString("body_markdown"));
        return new SearchEntry(
                SOURCE,
                "page:" + rs.getLong("id"),
                "page",
                null,
                null,
                Placeholders.MARKER.matcher(rs.getString("title")).replaceAll(""),
                Placeholders.MARKER.matcher(body).replaceAll(""),
                PageAddresses.href(rs.getString("slug")),
                Set.of(SearchAudience.PUBLIC));
    }
}
