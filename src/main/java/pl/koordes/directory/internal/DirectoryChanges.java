package pl.koordes.directory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.directory.DirectoryAction;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.shared.outcome.Refused;

/**
 * What every directory edit has in common: the record's values before and after (the columns an
 * administrator edits, under the form's names), the {@link DirectoryChanged} event, published in the
 * edit's transaction, that carries them to the audit log and the pages that show the directory, and the
 * checks and text rules the edits share.
 */
@Component
class DirectoryChanges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DirectoryChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Optional<Map<String, @Nullable Object>> region(long id) {
        return snapshot("""
                select r.teryt, r.slug, r.name_pl as "namePl", r.name_en as "nameEn", r.seat,
                       r.macroregion_id as "macroregionId", (select code from macroregion m where m.id = r.macroregion_id) as "macroregionCode"
                from region r where r.id = :id
                """, Map.of("id", id));
    }

    Optional<Map<String, @Nullable Object>> regionDescription(long id) {
        return snapshot(
                "select description_pl as \"descriptionPl\", description_en as \"descriptionEn\" from region where id = :id",
                Map.of("id", id));
    }

    Optional<Map<String, @Nullable Object>> macroregion(long id) {
        return snapshot("""
                select code, slug, name_pl as "namePl", name_en as "nameEn", sort_order as "sortOrder"
                from macroregion where id = :id
                """, Map.of("id", id));
    }

    Optional<Map<String, @Nullable Object>> institution(long id) {
        return snapshot("""
                select kind, name, region_id as "regionId", street, postal_code as "postalCode", city, email, phone, website
                from institution where id = :id
                """, Map.of("id", id));
    }

    Optional<Map<String, @Nullable Object>> committee(long id) {
        return snapshot("""
                select region_id as "regionId", name, term_start as "termStart", term_end as "termEnd"
                from committee where id = :id
                """, Map.of("id", id));
    }

    Optional<Map<String, @Nullable Object>> membership(long committeeId, long id) {
        return snapshot("""
                select committee_id as "committeeId", full_name as "fullName", organisation, sector, function,
                       function_form as "functionForm", term_start as "termStart", term_end as "termEnd", email, phone,
                       body_kind as "bodyKind"
                from committee_membership where id = :id and committee_id = :committee
                """, Map.of("id", id, "committee", committeeId));
    }

    /** Publishes the change, unless nothing changed (a form saved as it was shown writes no audit line). */
    void publish(
            DirectoryAction action,
            String targetType,
            long id,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        if (before != null && before.equals(after)) {
            return;
        }
        events.publishEvent(new DirectoryChanged(action, targetType, Long.toString(id), before, after));
    }

    /** Refuses a region that does not exist (any more); none is fine for national committees and central institutions. */
    void requireRegion(@Nullable Long id) {
        if (id != null
                && !Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from region where id = :id)")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())) {
            throw Refused.field("regionId", "directory.admin.region.unknown");
        }
    }

    /** A text as stored: an empty field is no value. Forms have normalised and checked it already. */
    static @Nullable String optional(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** A required text as stored; forms have refused a blank one already. */
    static String required(@Nullable String text) {
        return text == null ? "" : text;
    }

    private Optional<Map<String, @Nullable Object>> snapshot(String sql, Map<String, ?> parameters) {
        return jdbc.sql(sql).params(parameters).query(DirectoryChanges::row).optional();
    }

    private static Map<String, @Nullable Object> row(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            // Dates as ISO text, so the audit log shows them the same way whatever serialises them.
            row.put(
                    meta.getColumnLabel(i),
                    value instanceof Date date ? date.toLocalDate().toString() : value);
        }
        return row;
    }
}
