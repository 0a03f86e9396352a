package pl.koordes.postulates.internal;

import static pl.koordes.shared.opendata.PublicField.Type.DATE;
import static pl.koordes.shared.opendata.PublicField.Type.DATE_TIME;
import static pl.koordes.shared.opendata.PublicField.Type.INTEGER;
import static pl.koordes.shared.opendata.PublicField.Type.STRING;
import static pl.koordes.shared.opendata.PublicField.Type.STRING_LIST;
import static pl.koordes.shared.opendata.PublicField.Type.URL;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * The postulates with their answers as open data: every postulate its public page shows (all but drafts, and
 * not merged duplicates, whose address leads to the postulate they joined; the CSV at /postulaty/dane has
 * those too), with the facts, texts and latest answer of that page, newest first. Two statements a page:
 * the count and the page, regions and institutions joined in.
 */
@Component
class PostulateDataset implements PublicDataset {

    private static final String PUBLIC = "p.status not in ('DRAFT','MERGED')";

    private static final String COLUMNS = """
            p.id, p.title, p.problem, p.proposal, p.justification, r.slug as region, ad.name as addressee,
            p.status, p.submitted_at, p.answer_due,
            array(select a.area_code from postulates_area a where a.postulate_id = p.id order by a.area_code)
                as areas,
            (select count(*) from postulates_signature s where s.postulate_id = p.id and s.withdrawn_at is null)
                as cosignatures,
            la.status as answer_status, la.body as answer, la.answered_at, ai.name as answered_by""";

    private static final String FROM = """
            postulates_postulate p
            join region r on r.id = p.region_id
            join institution ad on ad.id = p.addressee_id
            left join lateral (
                select a.status, a.body, a.answered_at, a.institution_id from postulates_answer a
                where a.postulate_id = p.id order by a.version desc limit 1) la on true
            left join institution ai on ai.id = la.institution_id""";

    private final JdbcClient jdbc;

    PostulateDataset(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "postulates";
    }

    @Override
    public String title() {
        return "Postulaty regionów i odpowiedzi";
    }

    @Override
    public String description() {
        return "Postulaty, które regionalne ośrodki polityki społecznej kierują do instytucji centralnych, z problemem,"
                + " propozycją, stanem sprawy i ostatnią odpowiedzią adresata; od najnowszych.";
    }

    @Override
    public List<PublicField> fields() {
        return List.of(
                PublicField.of("id", STRING, "numer postulatu"),
                PublicField.of("title", STRING, "tytuł"),
                PublicField.of("problem", STRING, "opis problemu"),
                PublicField.of("proposal", STRING, "proponowane rozwiązanie"),
                PublicField.optional("justification", STRING, "uzasadnienie"),
                PublicField.of("region", STRING, "identyfikator regionu, który złożył postulat"),
                PublicField.of("addressee", STRING, "instytucja centralna, do której skierowano postulat"),
                PublicField.of("areas", STRING_LIST, "kody obszarów tematycznych"),
                PublicField.of(
                        "status",
                        STRING,
                        "stan: SUBMITTED, FORWARDED, IN_ANALYSIS, ACCEPTED, PARTLY_ACCEPTED, REJECTED, WITHDRAWN"),
                PublicField.of("submitted_at", DATE_TIME, "złożenie"),
                PublicField.optional("answer_due", DATE, "termin odpowiedzi"),
                PublicField.of("cosignatures", INTEGER, "liczba współpodpisów innych regionów"),
                PublicField.optional(
                        "answer_status",
                        STRING,
                        "rodzaj ostatniej odpowiedzi: IN_ANALYSIS, ACCEPTED, PARTLY_ACCEPTED, REJECTED"),
                PublicField.optional("answer", STRING, "treść ostatniej odpowiedzi"),
                PublicField.optional("answered_at", DATE_TIME, "data ostatniej odpowiedzi"),
                PublicField.optional("answered_by", STRING, "instytucja, która odpowiedziała"),
                PublicField.of("url", URL, "strona postulatu w serwisie"));
    }

    @Override
    public Set<PublicFilter> filters() {
        return Set.of(PublicFilter.REGION, PublicFilter.DATE);
    }

    @Override
    public PublicRows page(PublicQuery query) {
        return PublicPages.where(PUBLIC)
                .region(query, "p.region_id = :region")
                .days(query, "p.submitted_at")
                .read(jdbc, query, COLUMNS, FROM, "p.submitted_at desc nulls last, p.id desc", (rs, n) -> item(rs));
    }

    @Override
    public Optional<Map<String, @Nullable Object>> item(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + PUBLIC + " and p.id = :id")
                .param("id", Long.parseLong(id))
                .query((rs, n) -> item(rs))
                .optional();
    }

    private static Map<String, @Nullable Object> item(ResultSet rs) throws SQLException {
        String justification = rs.getString("justification");
        return PublicItem.start()
                .put("id", Long.toString(rs.getLong("id")))
                .put("title", rs.getString("title"))
                .put("problem", rs.getString("problem"))
                .put("proposal", rs.getString("proposal"))
                .put("justification", justification == null || justification.isBlank() ? null : justification)
                .put("region", rs.getString("region"))
                .put("addressee", rs.getString("addressee"))
                .put("areas", codes(rs.getArray("areas")))
                .put("status", rs.getString("status"))
                .put("submitted_at", rs.getObject("submitted_at", OffsetDateTime.class))
                .put("answer_due", rs.getObject("answer_due", LocalDate.class))
                .put("cosignatures", rs.getLong("cosignatures"))
                .put("answer_status", rs.getString("answer_status"))
                .put("answer", rs.getString("answer"))
                .put("answered_at", rs.getObject("answered_at", OffsetDateTime.class))
                .put("answered_by", rs.getString("answered_by"))
                .put("url", Postulate.path(rs.getLong("id")))
                .done();
    }

    private static List<String> codes(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
