package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.ReportingValues.FileInput;
import pl.koordes.monitoring.internal.ReportingValues.ValueInput;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Changes to a region's values in a period and the one rule for writing them ({@link ReportingValueRows}):
 * only a value that is absent, a DRAFT or RETURNED changes, and it becomes a DRAFT; a submitted value waits
 * for the operator, an approved one is locked until a correction reopens it. Every indicator is looked up
 * within the region's current programme ({@link ReportingValues}), so an id of another region's indicator or
 * value finds nothing. Every change is audited with the value before and after, in the transaction that
 * makes it.
 *
 * <p>The form saves with the row version it was shown ({@link #save}): a value changed meanwhile by someone
 * else is refused as a conflict, never overwritten. An import writes its drafts through the same rows
 * ({@code TransferDrafts}).
 */
@Service
public class ReportingValueChanges {

    private final JdbcClient jdbc;
    private final ReportingValues values;
    private final ReportingValueRows rows;
    private final ApplicationEventPublisher events;
    private final ReportingMail mail;

    ReportingValueChanges(
            JdbcClient jdbc,
            ReportingValues values,
            ReportingValueRows rows,
            ApplicationEventPublisher events,
            ReportingMail mail) {
        this.jdbc = jdbc;
        this.values = values;
        this.rows = rows;
        this.events = events;
        this.mail = mail;
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
        ReportingLine line =
                values.line(period, regionId, indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
        ReportingLine.Stored stored = line.value();
        if (stored == null) {
            if (!period.open()) {
                throw Refused.because("monitoring.reporting.period.closedForNew");
            }
            if (shownVersion != null) {
                // The form showed a value that is no longer there: nothing to overwrite, but say so.
                throw Refused.conflict("monitoring.reporting.value.conflict");
            }
            long created = rows.insertDraft(indicatorId, period.id(), regionId, input, file, actorId)
                    .orElseThrow(() -> Refused.conflict("monitoring.reporting.value.conflict"));
            publish(MonitoringAction.MONITORING_VALUE_SAVED, created, regionId, null);
            return created;
        }
        if (!writable(stored.status())) {
            throw Refused.conflict("monitoring.reporting.value.locked");
        }
        if (shownVersion == null || shownVersion != stored.rowVersion()) {
            throw Refused.conflict("monitoring.reporting.value.conflict");
        }
        Map<String, @Nullable Object> before = snapshot(stored.id());
        if (!rows.rewriteDraft(stored.id(), stored.rowVersion(), input, true, file, actorId)) {
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
        List<ReportingLine> sheet = values.sheet(period, region.id());
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
                        ? values.sheet(period, region.id())
                        : List.of(values.line(period, region.id(), indicatorId)
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
                values.line(period, region.id(), indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
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
                values.line(period, region.id(), indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
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
