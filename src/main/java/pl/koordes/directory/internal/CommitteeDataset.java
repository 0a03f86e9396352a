package pl.koordes.directory.internal;

import static pl.koordes.shared.opendata.PublicField.Type.DATE;
import static pl.koordes.shared.opendata.PublicField.Type.INTEGER;
import static pl.koordes.shared.opendata.PublicField.Type.STRING;
import static pl.koordes.shared.opendata.PublicField.Type.URL;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.opendata.PublicItem;
import pl.koordes.shared.opendata.PublicPages;
import pl.koordes.shared.opendata.PublicQuery;
import pl.koordes.shared.opendata.PublicRows;

/**
 * The regional committees as open data: for each region the committee its page shows (the one whose term
 * began most recently), with its name, term and number of current members — nothing of the committee's
 * own space (meetings, minutes, members' contacts). Two statements a page.
 */
@Component
class CommitteeDataset implements PublicDataset {

    /** Per region the committee whose term has begun most recently, as {@code DirectoryProfiles} picks it. */
    private static final String IN_OFFICE = """
            select distinct on (c.region_id) c.id, c.region_id, r.slug as region, c.name, c.term_start, c.term_end,
                   (select count(*) from committee_membership m
                    where m.committee_id = c.id and m.term_start <= :today and (m.term_end is null or m.term_end >= :today))
                       as members
            from committee c join region r on r.id = c.region_id
            where c.term_start <= :today
            order by c.region_id, c.term_end desc""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CommitteeDataset(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "committees";
    }

    @Override
    public String title() {
        return "Komitety regionalne";
    }

    @Override
    public String description() {
        return "Komitet każdego regionu pokazywany na jego stronie: nazwa, kadencja i liczba obecnych członków.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "identyfikator komitetu"),
                PublicField.of("region", STRING, "identyfikator regionu"),
                PublicField.of("name", STRING, "nazwa"),
                PublicField.of("term_start", DATE, "początek kadencji"),
                PublicField.of("term_end", DATE, "koniec kadencji"),
                PublicField.of("members", INTEGER, "liczba obecnych członków"),
                PublicField.of("url", URL, "strona regionu z komitetem"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.REGION);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        return PublicPages.where("true")
                .param("today", today())
                .region(query, "x.region_id = :region")
                .read(jdbc, query, "x.*", "(" + IN_OFFICE + ") x", "x.region", (rs, n) -> item(rs));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from (" + IN_OFFICE + ") x where x.id = :id")
                .param("today", today())
                .param("id", Long.parseLong(id))
                .query((rs, n) -> item(rs))
                .optional();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    private static Map<String, @Nullable Object> item(ResultSet rs) throws SQLException {
        return PublicItem.start()
                .put("id", Long.toString(rs.getLong("id")))
                .put("region", rs.getString("region"))
                .put("name", rs.getString("name"))
                .put("term_start", rs.getObject("term_start", LocalDate.class))
                .put("term_end", rs.getObject("term_end", LocalDate.class))
                .put("members", rs.getLong("members"))
                .put("url", "/regiony/" + rs.getString("region"))
                .done();
    }
}
