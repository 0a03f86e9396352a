package pl.koordes.monitoring.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.monitoring.internal.ReportingValues.FileInput;
import pl.koordes.monitoring.internal.ReportingValues.ValueInput;

/**
 * The one rule for writing a region's value, for the form ({@link ReportingValueChanges}) and the import
 * ({@link TransferDrafts}) alike: a new value is inserted as a DRAFT unless one was inserted meanwhile, and a
 * saved one changes only while it is a DRAFT or RETURNED and still at the row version that was read, and then
 * becomes a DRAFT. Neither overwrites a value someone else changed: the caller refuses the change as a
 * conflict and audits what it wrote.
 */
@Component
class ReportingValueRows {

    private final JdbcClient jdbc;

    ReportingValueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new DRAFT; empty when the value was inserted meanwhile. */
    Optional<Long> insertDraft(
            long indicatorId,
            long periodId,
            long regionId,
            ValueInput input,
            @Nullable FileInput file,
            @Nullable Long actorId) {
        return jdbc.sql("""
                        insert into monitoring_value
                            (indicator_id, period_id, region_id, status, value, not_available, expected_date,
                             comment, source, explanation, file_name, file_type, file_data, updated_by)
                        values (:i, :p, :r, 'DRAFT', :value, :na, :expected, :comment, :source, :explanation,
                                :fileName, :fileType, :fileData, :actor)
                        on conflict (indicator_id, period_id) do nothing returning id""")
                .param("i", indicatorId)
                .param("p", periodId)
                .param("r", regionId)
                .param("value", input.value())
                .param("na", input.notAvailable())
                .param("expected", input.expectedDate())
                .param("comment", input.comment())
                .param("source", input.source())
                .param("explanation", input.explanation())
                .param("fileName", file == null ? null : file.name())
                .param("fileType", file == null ? null : file.type())
                .param("fileData", file == null ? null : file.data())
                .param("actor", actorId)
                .query(Long.class)
                .optional();
    }

    /**
     * Writes a DRAFT or RETURNED value read at {@code rowVersion} as a DRAFT; false when it was changed (or
     * submitted) meanwhile and nothing was written.
     *
     * @param explained whether the input carries the value's explanation (the form) or leaves the saved one
     *     (an import, whose file has no such column)
     * @param file a new file for the value, or null to keep the one it has
     */
    boolean rewriteDraft(
            long valueId,
            int rowVersion,
            ValueInput input,
            boolean explained,
            @Nullable FileInput file,
            @Nullable Long actorId) {
        return jdbc.sql("""
                        update monitoring_value set status = 'DRAFT', value = :value, not_available = :na,
                            expected_date = :expected, comment = :comment, source = :source,
                            explanation = case when :explained then :explanation else explanation end,
                            file_name = coalesce(:fileName, file_name), file_type = coalesce(:fileType, file_type),
                            file_data = coalesce(:fileData, file_data),
                            updated_at = now(), updated_by = :actor, row_version = row_version + 1
                        where id = :id and row_version = :version and status in ('DRAFT', 'RETURNED')""")
                        .param("value", input.value())
                        .param("na", input.notAvailable())
                        .param("expected", input.expectedDate())
                        .param("comment", input.comment())
                        .param("source", input.source())
                        .param("explained", explained)
                        .param("explanation", input.explanation())
                        .param("fileName", file == null ? null : file.name())
                        .param("fileType", file == null ? null : file.type())
                        .param("fileData", file == null ? null : file.data())
                        .param("actor", actorId)
                        .param("id", valueId)
                        .param("version", rowVersion)
                        .update()
                == 1;
    }
}
