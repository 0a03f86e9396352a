package pl.koordes.content.internal;

import static pl.koordes.shared.opendata.PublicField.Type.DATE_TIME;
import static pl.koordes.shared.opendata.PublicField.Type.STRING;
import static pl.koordes.shared.opendata.PublicField.Type.STRING_LIST;
import static pl.koordes.shared.opendata.PublicField.Type.URL;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.opendata.PublicItem;
import pl.koordes.shared.opendata.PublicPages;
import pl.koordes.shared.opendata.PublicQuery;
import pl.koordes.shared.opendata.PublicRows;

/**
 * The news as open data: the published articles (publication date reached) with what their list and
 * page show above the body — title, lead, author, date, tags — newest first. Two statements a page.
 */
@Component
class ArticleDataset implements PublicDataset {

    private static final String PUBLIC = "a.status = 'PUBLISHED' and a.published_at <= :now";
    private static final String COLUMNS = "a.id, a.slug, a.title, a.lead, a.author_name, a.published_at, "
            + ArticleQueries.ENGLISH_SUMMARY + ArticleQueries.TAG_COLUMNS;
    private static final String SELECT = "select " + COLUMNS + " from article a";

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticleDataset(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "articles";
    }

    @Override
    public String title() {
        return "Aktualności";
    }

    @Override
    public String description() {
        return "Opublikowane artykuły serwisu: tytuł, lead, autor, data publikacji i tagi; od najnowszych.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "identyfikator w adresie artykułu"),
                PublicField.of("title", STRING, "tytuł"),
                PublicField.optional("title_en", STRING, "tytuł po angielsku, jeśli artykuł ma wersję angielską"),
                PublicField.of("lead", STRING, "lead (może być pusty)"),
                PublicField.optional("lead_en", STRING, "lead po angielsku, jeśli jest"),
                PublicField.of("author", STRING, "autor"),
                PublicField.of("published_at", DATE_TIME, "data publikacji"),
                PublicField.of("tags", STRING_LIST, "tagi"),
                PublicField.of("url", URL, "strona artykułu w serwisie"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.DATE);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        return PublicPages.where(PUBLIC)
                .param("now", Timestamp.from(clock.instant()))
                .days(query, "a.published_at")
                .read(jdbc, query, COLUMNS, "article a", "a.published_at desc, a.id desc", (rs, n) -> item(rs));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        return jdbc.sql(SELECT + " where " + PUBLIC + " and a.slug = :slug")
                .param("now", Timestamp.from(clock.instant()))
                .param("slug", id)
                .query((rs, n) -> item(rs))
                .optional();
    }

    private static Map<String, @Nullable Object> item(ResultSet rs) throws SQLException {
        String titleEn = rs.getString("title_en");
        String leadEn = rs.getString("lead_en");
        return PublicItem.start()
                .put("id", rs.getString("slug"))
                .put("title", rs.getString("title"))
                .put("title_en", titleEn.isEmpty() ? null : titleEn)
                .put("lead", rs.getString("lead"))
                .put("lead_en", titleEn.isEmpty() || leadEn.isEmpty() ? null : leadEn)
                .put("author", rs.getString("author_name"))
                .put(
                        "published_at",
                        rs.getObject("published_at", OffsetDateTime.class).toInstant())
                .put("tags", names(rs.getArray("tag_names")))
                .put("url", "/aktualnosci/" + rs.getString("slug"))
                .done();
    }

    private static List<String> names(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
