package pl.koordes.directory.internal;

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
 * The institutions of the regions as open data: what a region's page shows of each (name, kind, the
 * address when there is a street, e-mail, phone, website), in the page's order. Two statements a page.
 */
@Component
class InstitutionDataset implements PublicDataset {

    private static final String COLUMNS =
            "i.id, r.slug as region, i.kind, i.name, i.street, i.postal_code, i.city, i.email, i.phone, i.website";
    private static final String FROM = "institution i join region r on r.id = i.region_id";
    private static final String SELECT = "select " + COLUMNS + " from " + FROM;
    /** The region page's order. */
    private static final String ORDER =
            "r.slug, case i.kind when 'ROPS' then 0 when 'MARSHAL_OFFICE' then 1 when 'OWES' then 2 else 3 end, i.name, i.id";

    private final JdbcClient jdbc;

    InstitutionDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "institutions";
    }

    @Override
    public String title() {
        return "Instytucje w regionach";
    }

    @Override
    public String description() {
        return "Regionalne ośrodki polityki społecznej, urzędy marszałkowskie, OWES i partnerzy z danymi kontaktowymi"
                + " pokazywanymi na stronach regionów.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "identyfikator instytucji"),
                PublicField.of("region", STRING, "identyfikator regionu"),
                PublicField.of("kind", STRING, "rodzaj: ROPS, MARSHAL_OFFICE, OWES, PARTNER"),
                PublicField.of("name", STRING, "nazwa"),
                PublicField.optional("street", STRING, "ulica i numer"),
                PublicField.optional("postal_code", STRING, "kod pocztowy"),
                PublicField.optional("city", STRING, "miejscowość"),
                PublicField.optional("email", STRING, "adres e-mail instytucji"),
                PublicField.optional("phone", STRING, "telefon"),
                PublicField.optional("website", URL, "strona internetowa instytucji"),
                PublicField.of("url", URL, "strona regionu w serwisie, na której instytucja jest pokazana"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.REGION);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        return PublicPages.where("true")
                .region(query, "i.region_id = :region")
                .read(jdbc, query, COLUMNS, FROM, ORDER, (rs, n) -> item(rs));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where i.id = :id")
                .param("id", Long.parseLong(id))
                .query((rs, n) -> item(rs))
                .optional();
    }

    private static Map<String, @Nullable Object> item(ResultSet rs) throws SQLException {
        // The page shows the address only with a street, as one line.
        boolean address = rs.getString("street") != null;
        return PublicItem.start()
                .put("id", Long.toString(rs.getLong("id")))
                .put("region", rs.getString("region"))
                .put("kind", rs.getString("kind"))
                .put("name", rs.getString("name"))
                .put("street", rs.getString("street"))
                .put("postal_code", address ? rs.getString("postal_code") : null)
                .put("city", address ? rs.getString("city") : null)
                .put("email", rs.getString("email"))
                .put("phone", rs.getString("phone"))
                .put("website", rs.getString("website"))
                .put("url", "/regiony/" + rs.getString("region"))
                .done();
    }
}
