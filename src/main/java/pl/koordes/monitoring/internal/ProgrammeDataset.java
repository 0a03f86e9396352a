package pl.koordes.monitoring.internal;

import static pl.koordes.shared.opendata.PublicField.Type.DATE;
import static pl.koordes.shared.opendata.PublicField.Type.DATE_TIME;
import static pl.koordes.shared.opendata.PublicField.Type.INTEGER;
import static pl.koordes.shared.opendata.PublicField.Type.STRING;
import static pl.koordes.shared.opendata.PublicField.Type.URL;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * The regional programmes as open data: for each region with a programme in force, the version its public
 * page shows (never a draft, never a superseded version), with the facts above that page's goals. Two
 * statements a page.
 */
@Component
class ProgrammeDataset implements PublicDataset {

    private static final String COLUMNS = """
            r.slug as region, v.number, v.name, v.resolution_number, v.resolution_date, v.period_start,
            v.period_end, v.adopted_at""";

    private static final String FROM = """
            monitoring_programme_version v
            join monitoring_programme p on p.id = v.programme_id
            join region r on r.id = p.region_id""";

    private static final String CURRENT = "v.status = 'CURRENT'";

    private final JdbcClient jdbc;

    ProgrammeDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "programmes";
    }

    @Override
    public String title() {
        return "Regionalne programmy rozwoju ekonomii społecznej";
    }

    @Override
    public String description() {
        return "Obowiązująca wersja programu każdego województwa: nazwa, uchwała, okres i data aktualizacji.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "identyfikator regionu, którego to program"),
                PublicField.of("region", STRING, "identyfikator regionu"),
                PublicField.of("name", STRING, "nazwa programu"),
                PublicField.of("version", INTEGER, "numer obowiązującej wersji"),
                PublicField.optional("resolution_number", STRING, "numer uchwały przyjmującej wersję"),
                PublicField.optional("resolution_date", DATE, "data uchwały"),
                PublicField.of("period_start", INTEGER, "pierwszy rok programu"),
                PublicField.of("period_end", INTEGER, "ostatni rok programu"),
                PublicField.optional("adopted_at", DATE_TIME, "aktualizacja: przyjęcie obowiązującej wersji"),
                PublicField.of("url", URL, "strona programu w serwisie"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.REGION);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        return PublicPages.where(CURRENT)
                .region(query, "p.region_id = :region")
                .read(jdbc, query, COLUMNS, FROM, "r.teryt", (rs, n) -> item(rs));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        if (!id.matches("[a-z-]{1,40}")) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + CURRENT + " and r.slug = :slug")
                .param("slug", id)
                .query((rs, n) -> item(rs))
                .optional();
    }

    private static Map<String, @Nullable Object> item(ResultSet rs) throws SQLException {
        String region = rs.getString("region");
        return PublicItem.start()
                .put("id", region)
                .put("region", region)
                .put("name", rs.getString("name"))
                .put("version", rs.getInt("number"))
                .put("resolution_number", rs.getString("resolution_number"))
                .put("resolution_date", rs.getObject("resolution_date", LocalDate.class))
                .put("period_start", rs.getInt("period_start"))
                .put("period_end", rs.getInt("period_end"))
                .put("adopted_at", rs.getObject("adopted_at", OffsetDateTime.class))
                .put("url", "/monitoring/regiony/" + region)
                .done();
    }
}
