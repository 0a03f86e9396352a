package pl.koordes.events.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.web.SitemapEntries;

/** The pages of public events (never a draft), newest first, with their last change, for the sitemap. */
@Component
class EventSitemap implements SitemapEntries {

    private final JdbcClient jdbc;

    EventSitemap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Entry> entries(int limit) {
        return jdbc.sql("""
                        select id, updated_at from event where status <> 'DRAFT'
                        order by starts_at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Entry(
                        "/wydarzenia/" + rs.getLong("id"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
