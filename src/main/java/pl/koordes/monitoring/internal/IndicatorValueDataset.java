package pl.koordes.monitoring.internal;

import static pl.koordes.shared.opendata.PublicField.Type.INTEGER;
import static pl.koordes.shared.opendata.PublicField.Type.NUMBER;
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
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.opendata.PublicItem;
import pl.koordes.shared.opendata.PublicPages;
import pl.koordes.shared.opendata.PublicQuery;
import pl.koordes.shared.opendata.PublicRows;

/**
 * Approved values of the regions' indicators as open data: every approved value of an indicator of a
 * programme in force, with the names the indicator's public page gives it, newest approval first. Only
 * approved values are public; values still in a region's hands never are. The history of indicators a
 * programme no longer has is in the CSV at /monitoring/dane. The date filter is the day of approval. Two
 * statements a page.
 */
@Component
class IndicatorValueDataset implements PublicDataset {

    private static final String COLUMNS = """
            v.id, r.slug as region, i.code, vi.name, vi.unit, ni.code as kpres, p.year, p.half, v.value,
            v.not_available""";

    private static final String FROM = """
            monitoring_value v
            join monitoring_period p on p.id = v.period_id
            join monitoring_indicator i on i.id = v.indicator_id
            join region r on r.id = v.region_id
            join monitoring_version_indicator vi on vi.indicator_id = i.id
            join monitoring_programme_version pv on pv.id = vi.version_id and pv.status = 'CURRENT'
            left join monitoring_national_indicator ni on ni.id = vi.national_indicator_id""";

    private static final String APPROVED = "v.status = 'APPROVED'";

    private final JdbcClient jdbc;

    IndicatorValueDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "indicator-values";
    }

    @Override
    public String title() {
        return "Zatwierdzone wartości wskaźników programów regionalnych";
    }

    @Override
    public String description() {
        return "Wartości wskaźników, które województwa przekazały w sprawozdaniach i które operator zatwierdził,"
                + " z okresem, jednostką i wskaźnikiem KPRES, z którym są powiązane.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "identyfikator wartości"),
                PublicField.of("region", STRING, "identyfikator regionu"),
                PublicField.of("indicator", STRING, "kod wskaźnika regionu"),
                PublicField.of("indicator_name", STRING, "nazwa wskaźnika"),
                PublicField.of("unit", STRING, "jednostka"),
                PublicField.optional("kpres_indicator", STRING, "kod wskaźnika KPRES, z którym jest powiązany"),
                PublicField.of("year", INTEGER, "rok okresu sprawozdawczego"),
                PublicField.optional("half", INTEGER, "półrocze (1 lub 2); brak dla okresu rocznego"),
                PublicField.optional("value", NUMBER, "wartość; brak, gdy zatwierdzono „dane w przygotowaniu”"),
                PublicField.of("url", URL, "strona wskaźnika w serwisie"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.REGION, PublicFilter.DATE);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        return PublicPages.where(APPROVED)
                .region(query, "v.region_id = :region")
                .days(query, "v.approved_at")
                .read(jdbc, query, COLUMNS, FROM, "v.approved_at desc nulls last, v.id desc", (rs, n) -> item(rs));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + APPROVED + " and v.id = :id")
                .param("id", Long.parseLong(id))
                .query((rs, n) -> item(rs))
                .optional();
    }

    private static Map<String, @Nullable Object> item(ResultSet rs) throws SQLException {
        String region = rs.getString("region");
        String code = rs.getString("code");
        return PublicItem.start()
                .put("id", Long.toString(rs.getLong("id")))
                .put("region", region)
                .put("indicator", code)
                .put("indicator_name", rs.getString("name"))
                .put("unit", rs.getString("unit"))
                .put("kpres_indicator", rs.getString("kpres"))
                .put("year", rs.getInt("year"))
                .put("half", rs.getObject("half", Integer.class))
                .put("value", rs.getBoolean("not_available") ? null : rs.getBigDecimal("value"))
                .put("url", "/monitoring/regiony/" + region + "/wskazniki/" + code)
                .done();
    }
}
