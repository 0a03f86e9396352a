package pl.koordes.events.internal;

import static pl.koordes.shared.opendata.PublicField.Type.DATE_TIME;
import static pl.koordes.shared.opendata.PublicField.Type.STRING;
import static pl.koordes.shared.opendata.PublicField.Type.URL;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.opendata.PublicItem;
import pl.koordes.shared.opendata.PublicPages;
import pl.koordes.shared.opendata.PublicQuery;
import pl.koordes.shared.opendata.PublicRows;

/**
 * The events as open data: every event the public lists show (published, cancelled, completed; never a
 * draft), with the facts of its public page, newest first. Not the online link, the seats or anything
 * of the registrations. Three statements a page whatever its size: the count, the page, the regions' names.
 */
@Component
class EventDataset implements PublicDataset {

    private static final String PUBLIC = "e.status in ('PUBLISHED','CANCELLED','COMPLETED')";

    private final JdbcClient jdbc;
    private final Directory directory;

    EventDataset(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String title() {
        return "Wydarzenia";
    }

    @Override
    public String description() {
        return "Spotkania, webinaria, konferencje i wizyty studyjne programu — regionalne, makroregionalne i krajowe —"
                + " z terminem, formą i miejscem; od najnowszych.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "identyfikator wydarzenia"),
                PublicField.of("title", STRING, "tytuł"),
                PublicField.optional("title_en", STRING, "tytuł po angielsku, jeśli jest"),
                PublicField.of("type", STRING, "rodzaj: MEETING, WEBINAR, GROUP_ADVISORY, CONFERENCE, STUDY_VISIT"),
                PublicField.of("level", STRING, "poziom: REGIONAL, MACROREGIONAL, NATIONAL"),
                PublicField.optional("region", STRING, "identyfikator regionu wydarzenia regionalnego"),
                PublicField.of("format", STRING, "forma: IN_PERSON, ONLINE, HYBRID"),
                PublicField.of("status", STRING, "stan: PUBLISHED, CANCELLED, COMPLETED"),
                PublicField.of("starts_at", DATE_TIME, "początek"),
                PublicField.of("ends_at", DATE_TIME, "koniec"),
                PublicField.optional("venue", STRING, "miejsce"),
                PublicField.optional("address", STRING, "adres miejsca"),
                PublicField.of("url", URL, "strona wydarzenia w serwisie"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.REGION, PublicFilter.DATE);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        Map<Long, Region> regions = directory.regionsById();
        return PublicPages.where(PUBLIC)
                .region(
                        query,
                        "exists (select 1 from event_region r where r.event_id = e.id and r.region_id = :region)")
                .days(query, "e.starts_at")
                .read(jdbc, query, COLUMNS, "event e", "e.starts_at desc, e.id desc", (rs, n) -> item(rs, regions));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        Map<Long, Region> regions = directory.regionsById();
        return jdbc.sql(SELECT + " where " + PUBLIC + " and e.id = :id")
                .param("id", Long.parseLong(id))
                .query((rs, n) -> item(rs, regions))
                .optional();
    }

    private static final String COLUMNS = """
            e.id, e.title, e.title_en, e.type, e.level, e.region_id, e.format, e.status, e.starts_at, e.ends_at,
            e.venue, e.address""";
    private static final String SELECT = "select " + COLUMNS + " from event e";

    private static Map<String, @Nullable Object> item(ResultSet rs, Map<Long, Region> regions) throws SQLException {
        Long regionId = rs.getObject("region_id", Long.class);
        Region region = regionId == null ? null : regions.get(regionId);
        String titleEn = rs.getString("title_en");
        String venue = rs.getString("venue");
        return PublicItem.start()
                .put("id", Long.toString(rs.getLong("id")))
                .put("title", rs.getString("title"))
                .put("title_en", titleEn == null || titleEn.isEmpty() ? null : titleEn)
                .put("type", rs.getString("type"))
                .put("level", rs.getString("level"))
                .put("region", region == null ? null : region.slug())
                .put("format", rs.getString("format"))
                .put("status", rs.getString("status"))
                .put("starts_at", EventCatalogue.instant(rs, "starts_at"))
                .put("ends_at", EventCatalogue.instant(rs, "ends_at"))
                .put("venue", venue)
                // The page shows the address under the venue only.
                .put("address", venue == null ? null : rs.getString("address"))
                .put("url", "/wydarzenia/" + rs.getLong("id"))
                .done();
    }
}
