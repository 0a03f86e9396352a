package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * A region's values in a period and the one rule for writing them: only a value that is absent, a DRAFT
 * or RETURNED changes, and it becomes a DRAFT; a submitted value waits for the operator, an approved one
 * is locked until a correction reopens it. Every indicator is looked up within the region's current
 * programme, so an id of another region's indicator or value finds nothing. Every change is audited with
 * the value before and after, in the transaction that makes it.
 *
 * <p>The form saves with the row version it was shown ({@link #save}): a value changed meanwhile by
 * someone else is refused as a conflict, never overwritten. An import writes with {@link #importDraft}.
 */
@Service
public class ReportingValues {

    /** What is written into a value (the number already read). */
    public record ValueInput(
            @Nullable BigDecimal value,
            boolean notAvailable,
            @Nullable LocalDate expectedDate,
            @Nullable String comment,
            @Nullable String source,
            @Nullable String explanation) {}

    /** A file attached to a value: its safe name, its detected type and its bytes. */
    public record FileInput(String name, String type, byte[] data) {}

    /** One note of the conversation about a value. */
    public record Note(long id, @Nullable String author, String body, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReportingMail mail;

    ReportingValues(JdbcClient jdbc, ApplicationEventPublisher events, ReportingMail mail) {
        this.jdbc = jdbc;
        this.events = events;
        this.mail = mail;
    }

    // Reading

    private static final String LINES = """
            select vi.indicator_id, i.code, vi.name, vi.unit, t.value as target, prev.value as previous,
                   v.id as value_id, v.status, v.value, v.not_available, v.expected_date, v.comment, v.source,
                   v.explanation, v.return_reason, v.file_name, v.row_version, v.updated_at,
                   (select count(*) from monitoring_value_note n where n.value_id = v.id) as notes
            from monitoring_programme p
            join monitoring_programme_version pv on pv.programme_id = p.id and pv.status = 'CURRENT'
            join monitoring_version_indicator vi on vi.version_id = pv.id
            join monitoring_indicator i on i.id = vi.indicator_id
            left join monitoring_target t on t.version_id = pv.id and t.indicator_id = vi.indicator_id and t.year = :year
            left join monitoring_value v on v.indicator_id = vi.indicator_id and v.period_id = :period
            left join lateral (
                select pvv.value from monitoring_value pvv join monitoring_period pp on pp.id = pvv.period_id
                where pvv.indicator_id = vi.indicator_id and pp.kind = :kind and pvv.value is not null
                  and (pp.year < :year or (pp.year = :year and coalesce(pp.half, 0) < :half))
                order by pp.year desc, coalesce(pp.half, 0) desc limit 1) prev on true
            where p.region_id = :region
            """;

    /** Every indicator of the region's current programme with its value in the period, in the programme's order. */
    @Transactional(readOnly = true)
    public List<ReportingLine> sheet(ReportingPeriod period, long regionId) {
        return lines(period, regionId, null);
    }

    /** One indicator of the region's current programme with its value in the period. */
    @Transactional(readOnly = true)
    public Optional<ReportingLine> line(ReportingPeriod period, long regionId, long indicatorId) {
        return lines(period, regionId, indicatorId).stream().findFirst();
    }

    private List<ReportingLine> lines(ReportingPeriod period, long regionId, @Nullable Long indicatorId) {
        String sql = LINES + (indicatorId == null ? "" : " and vi.indicator_id = :indicator")
                + " order by vi.position, i.code";
        var spec = jdbc.sql(sql)
                .param("year", period.year())
                .param("half", period.half() == null ? 0 : period.half())
                .param("kind", period.kind().name())
                .param("period", period.id())
                .param("region", regionId);
        if (indicatorId != null) {
            spec = spec.param("indicator", indicatorId);
        }
        return spec.query(ReportingValues::line).list();
    }

    private static ReportingLine line(ResultSet rs, int row) throws SQLException {
        long valueId = rs.getLong("value_id");
        ReportingLine.Stored stored = rs.wasNull()
                ? null
                : new ReportingLine.Stored(
                        valueId,
                        ValueStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("value"),
                        rs.getBoolean("not_available"),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("comment"),
                        rs.getString("source"),
                        rs.getString("explanation"),
                        rs.getString("return_reason"),
                        rs.getString("file_name"),
                        rs.getInt("row_version"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("notes"));
        return new ReportingLine(
                rs.getLong("indicator_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getBigDecimal("previous"),
                rs.getBigDecimal("target"),
                stored);
    }

    /** The conversation about a value, oldest first, with its authors' names (none once an account is erased). */
    @Transactional(readOnly = true)
    public List<Note> notes(long valueId) {
        return jdbc.sql("""
                        select n.id, a.display_name, n.body, n.created_at from monitoring_value_note n
                        left join account a on a.id = n.author_id and a.status <> 'DELETED'
                        where n.value_id = :v order by n.created_at, n.id""")
                .param("v", valueId)
                .query((rs, n) -> new Note(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    // Writing: the one rule

    /** Whether a value in this status (null: none yet) may be written by the region or an import. */
    public static boolean writable(@Nullable ValueStatus status) {
        return status == null || status.editableByRegion();
    }

    /**
     * Saves the region's value from the form as a DRAFT.
     *
     * @param shownVersion the row version the form was shown with, null when it showed no saved value
     * @param file a new file for the value, or null to keep the one it has
     * @throws Refused a conflict when the value was changed since it was shown, or is submitted or approved
     */
    @Transactional
    public long save(
            ReportingPeriod period,
            long regionId,
            long indicatorId,
            ValueInput input,
            @Nullable Integer shownVersion,
            @Nullable FileInput file,
            @Nullable Long actorId) {
        return write(period, regionId, indicatorId, input, true, shownVersion, file, actorId);
    }

    /**
     * Writes a value from an import (the region's XLSX template) as a DRAFT, whatever its row version: the
     * same rule as the form, without the check that the form was shown with the latest value.
     *
     * @throws Refused a conflict when the value is submitted or approved, refused when the period is closed
     *     and the value was not started
     * @throws NotFound when the indicator is not in the region's current programme
     */
    @Transactional
    public long importDraft(
            ReportingPeriod period, long regionId, long indicatorId, ValueInput input, @Nullable Long actorId) {
        return write(period, regionId, indicatorId, input, false, null, null, actorId);
    }

    private long write(
            ReportingPeriod period,
            long regionId,
            long indicatorId,
            ValueInput input,
            boolean checkVersion,
            @Nullable Integer shownVersion,
            @Nullable FileInput file,
            @Nullable Long actorId) {
        ReportingLine line =
                line(period, regionId, indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
        ReportingLine.Stored stored = line.value();
        if (stored == null) {
            if (!period.open()) {
                throw Refused.because("monitoring.reporting.period.closedForNew");
            }
            if (checkVersion && shownVersion != null) {
                // The form showed a value that is no longer there: nothing to overwrite, but say so.
                throw Refused.conflict("monitoring.reporting.value.conflict");
            }
            Optional<Long> id = jdbc.sql("""
                            insert into monitoring_value
                                (indicator_id, period_id, region_id, status, value, not_available, expected_date,
                                 comment, source, explanation, file_name, file_type, file_data, updated_by)
                            values (:i, :p, :r, 'DRAFT', :value, :na, :expected, :comment, :source, :explanation,
                                    :fileName, :fileType, :fileData, :actor)
                            on conflict (indicator_id, period_id) do nothing returning id""")
                    .param("i", indicatorId)
                    .param("p", period.id())
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
            long created = id.orElseThrow(() -> Refused.conflict("monitoring.reporting.value.conflict"));
            publish(MonitoringAction.MONITORING_VALUE_SAVED, created, regionId, null);
            return created;
        }
        if (!writable(stored.status())) {
            throw Refused.conflict("monitoring.reporting.value.locked");
        }
        if (checkVersion && (shownVersion == null || shownVersion != stored.rowVersion())) {
            throw Refused.conflict("monitoring.reporting.value.conflict");
        }
        Map<String, @Nullable Object> before = snapshot(stored.id());
        int changed = jdbc.sql("""
                        update monitoring_value set status = 'DRAFT', value = :value, not_available = :na,
                            expected_date = :expected, comment = :comment, source = :source, explanation = :explanation,
                            file_name = coalesce(:fileName, file_name), file_type = coalesce(:fileType, file_type),
                            file_data = coalesce(:fileData, file_data),
                            updated_at = now(), updated_by = :actor, row_version = row_version + 1
                        where id = :id and row_version = :version and status in ('DRAFT', 'RETURNED')""")
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
                .param("id", stored.id())
                .param("version", stored.rowVersion())
                .update();
        if (changed == 0) {
            // Someone else's save committed between our read and this update (the row lock decided).
            throw Refused.conflict("monitoring.reporting.value.conflict");
        }
        publish(MonitoringAction.MONITORING_VALUE_SAVED, stored.id(), regionId, before);
        return stored.id();
    }

    /**
     * Submits the region's drafts for approval: the chosen ones, or every draft when {@code valueIds} is
     * null. Returns how many; tells the operators.
     *
     * @throws NotFound when a chosen id is not a value of this region in this period
     * @throws Refused when there is nothing to submit, or a chosen value is not a draft
     */
    @Transactional
    public int submit(
            ReportingPeriod period, Region region, @Nullable Collection<Long> valueIds, @Nullable Long actorId) {
        List<ReportingLine> sheet = sheet(period, region.id());
        Map<Long, ReportingLine.Stored> values = new LinkedHashMap<>();
        sheet.stream().map(ReportingLine::value).filter(v -> v != null).forEach(v -> values.put(v.id(), v));
        List<Long> chosen;
        if (valueIds == null) {
            chosen = values.values().stream()
                    .filter(v -> v.status() == ValueStatus.DRAFT)
                    .map(ReportingLine.Stored::id)
                    .toList();
        } else {
            for (long id : valueIds) {
                ReportingLine.Stored value = values.get(id);
                if (value == null) {
                    throw new NotFound("value", id);
                }
                if (value.status() != ValueStatus.DRAFT) {
                    throw Refused.because("monitoring.reporting.submit.notDraft");
                }
            }
            chosen = List.copyOf(valueIds);
        }
        if (chosen.isEmpty()) {
            throw Refused.because("monitoring.reporting.submit.nothing");
        }
        int count = 0;
        for (long id : chosen) {
            Map<String, @Nullable Object> before = snapshot(id);
            count += jdbc.sql("""
                            update monitoring_value set status = 'SUBMITTED', submitted_at = now(), submitted_by = :actor,
                                row_version = row_version + 1
                            where id = :id and status = 'DRAFT'""").param("actor", actorId).param("id", id).update();
            publish(MonitoringAction.MONITORING_VALUE_SUBMITTED, id, region.id(), before);
        }
        mail.submitted(region, period, count);
        return count;
    }

    /**
     * Approves the region's submitted value of one indicator, or all its submitted values when
     * {@code indicatorId} is null. Returns how many.
     */
    @Transactional
    public int approve(ReportingPeriod period, Region region, @Nullable Long indicatorId, @Nullable Long actorId) {
        List<Long> ids = submitted(period, region, indicatorId);
        for (long id : ids) {
            Map<String, @Nullable Object> before = snapshot(id);
            jdbc.sql("""
                            update monitoring_value set status = 'APPROVED', approved_at = now(), approved_by = :actor,
                                return_reason = null, row_version = row_version + 1
                            where id = :id and status = 'SUBMITTED'""").param("actor", actorId).param("id", id).update();
            publish(MonitoringAction.MONITORING_VALUE_APPROVED, id, region.id(), before);
        }
        return ids.size();
    }

    /**
     * Returns the region's submitted value of one indicator (or all its submitted values) for a fix, with
     * the reason; tells the region's coordinators. Returns how many.
     */
    @Transactional
    public int returnForFix(
            ReportingPeriod period, Region region, @Nullable Long indicatorId, String reason, @Nullable Long actorId) {
        List<Long> ids = submitted(period, region, indicatorId);
        for (long id : ids) {
            Map<String, @Nullable Object> before = snapshot(id);
            jdbc.sql("""
                            update monitoring_value set status = 'RETURNED', return_reason = :reason,
                                row_version = row_version + 1
                            where id = :id and status = 'SUBMITTED'""").param("reason", reason).param("id", id).update();
            publish(MonitoringAction.MONITORING_VALUE_RETURNED, id, region.id(), before);
        }
        mail.returned(region, period, ids.size(), reason);
        return ids.size();
    }

    private List<Long> submitted(ReportingPeriod period, Region region, @Nullable Long indicatorId) {
        List<Long> ids = (indicatorId == null
                        ? sheet(period, region.id())
                        : List.of(line(period, region.id(), indicatorId)
                                .orElseThrow(() -> new NotFound("indicator", indicatorId))))
                .stream()
                        .map(ReportingLine::value)
                        .filter(v -> v != null && v.status() == ValueStatus.SUBMITTED)
                        .map(v -> v == null ? 0L : v.id())
                        .toList();
        if (ids.isEmpty()) {
            throw Refused.because("monitoring.reporting.approve.nothing");
        }
        return ids;
    }

    /**
     * Reopens an approved value for a correction, with the reason: it becomes a DRAFT the region corrects
     * and submits again; the region's coordinators are told.
     */
    @Transactional
    public void reopen(ReportingPeriod period, Region region, long indicatorId, String reason, @Nullable Long actorId) {
        ReportingLine line =
                line(period, region.id(), indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
        ReportingLine.Stored value = line.value();
        if (value == null || value.status() != ValueStatus.APPROVED) {
            throw Refused.because("monitoring.reporting.reopen.notApproved");
        }
        Map<String, @Nullable Object> before = snapshot(value.id());
        jdbc.sql("""
                        update monitoring_value set status = 'DRAFT', return_reason = :reason, approved_at = null,
                            approved_by = null, row_version = row_version + 1
                        where id = :id and status = 'APPROVED'""").param("reason", reason).param("id", value.id()).update();
        publish(MonitoringAction.MONITORING_VALUE_REOPENED, value.id(), region.id(), before);
        mail.reopened(region, period, line, reason);
    }

    /** Adds a note to the conversation about a value (which must have been started). */
    @Transactional
    public long addNote(ReportingPeriod period, Region region, long indicatorId, String body, @Nullable Long actorId) {
        ReportingLine line =
                line(period, region.id(), indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
        ReportingLine.Stored value = line.value();
        if (value == null) {
            throw Refused.because("monitoring.reporting.note.noValue");
        }
        long id = jdbc.sql("""
                        insert into monitoring_value_note (value_id, author_id, body) values (:v, :a, :b) returning id""")
                .param("v", value.id())
                .param("a", actorId)
                .param("b", body)
                .query(Long.class)
                .single();
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("code", line.code());
        after.put("reportingNote", fingerprint(body));
        events.publishEvent(new MonitoringChanged(
                MonitoringAction.MONITORING_VALUE_NOTE_ADDED,
                "value",
                String.valueOf(value.id()),
                region.id(),
                null,
                after));
        return id;
    }

    /** A value's file, for those who may read the region's values; the download is audited. */
    @Transactional
    public Optional<StoredFile> file(ReportingPeriod period, Region region, long indicatorId) {
        Optional<StoredFile> file = jdbc.sql("""
                        select v.id, v.file_name, v.file_type, v.file_data from monitoring_value v
                        where v.period_id = :p and v.region_id = :r and v.indicator_id = :i and v.file_data is not null""")
                .param("p", period.id())
                .param("r", region.id())
                .param("i", indicatorId)
                .query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        file.ifPresent(f -> {
            Map<String, @Nullable Object> after = new LinkedHashMap<>();
            after.put("fileName", f.name());
            events.publishEvent(new MonitoringChanged(
                    MonitoringAction.MONITORING_VALUE_FILE_DOWNLOADED,
                    "value",
                    String.valueOf(f.valueId()),
                    region.id(),
                    null,
                    after));
        });
        return file;
    }

    /** A stored file. */
    public record StoredFile(long valueId, String name, String type, byte[] data) {}

    // Audit

    private Map<String, @Nullable Object> snapshot(long valueId) {
        return jdbc.sql("""
                        select i.code, p.year, p.half, v.status, v.value, v.not_available, v.expected_date,
                               left(md5(v.comment), 8) as comment, v.source, left(md5(v.explanation), 8) as explanation,
                               left(md5(v.return_reason), 8) as reason, v.file_name
                        from monitoring_value v
                        join monitoring_indicator i on i.id = v.indicator_id
                        join monitoring_period p on p.id = v.period_id
                        where v.id = :id""")
                .param("id", valueId)
                .query((rs, n) -> {
                    Map<String, @Nullable Object> values = new LinkedHashMap<>();
                    values.put("code", rs.getString("code"));
                    int half = rs.getInt("half");
                    values.put("reportingPeriod", rs.getInt("year") + (half == 0 ? "" : "/" + half));
                    values.put("status", rs.getString("status"));
                    BigDecimal value = rs.getBigDecimal("value");
                    values.put(
                            "reportingValue",
                            value == null ? null : value.stripTrailingZeros().toPlainString());
                    values.put("reportingNotAvailable", rs.getBoolean("not_available"));
                    LocalDate expected = rs.getObject("expected_date", LocalDate.class);
                    values.put("reportingExpectedDate", expected == null ? null : Formats.date(expected));
                    values.put("reportingComment", rs.getString("comment"));
                    values.put("source", rs.getString("source"));
                    values.put("reportingExplanation", rs.getString("explanation"));
                    values.put("reportingReason", rs.getString("reason"));
                    values.put("fileName", rs.getString("file_name"));
                    return values;
                })
                .optional()
                .orElseThrow(() -> new NotFound("value", valueId));
    }

    private void publish(
            MonitoringAction action, long valueId, long regionId, @Nullable Map<String, @Nullable Object> before) {
        events.publishEvent(
                new MonitoringChanged(action, "value", String.valueOf(valueId), regionId, before, snapshot(valueId)));
    }

    private static String fingerprint(String text) {
        return Integer.toHexString(text.hashCode());
    }
}
