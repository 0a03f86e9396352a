package pl.koordes.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Reporting periods: opened by an operator for a year or a half-year (one per year or half), their
 * deadline changed, closed and opened again; and where every region stands in each. Every change is
 * audited with the period before and after.
 */
@Service
public class ReportingPeriods {

    private static final String COLUMNS = "id, kind, year, half, deadline, status, row_version";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    ReportingPeriods(JdbcClient jdbc, Directory directory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
    }

    /** Every period, the latest first. */
    @Transactional(readOnly = true)
    public List<ReportingPeriod> all() {
        return jdbc.sql("select " + COLUMNS + " from monitoring_period order by year desc, coalesce(half, 0) desc")
                .query(ReportingPeriods::period)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ReportingPeriod> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_period where id = :id")
                .param("id", id)
                .query(ReportingPeriods::period)
                .optional();
    }

    static ReportingPeriod period(ResultSet rs, int row) throws SQLException {
        // Read as an object: wasNull() after the year's getInt would ask about the year, not the half.
        Integer half = rs.getObject("half", Integer.class);
        return new ReportingPeriod(
                rs.getLong("id"),
                PeriodKind.valueOf(rs.getString("kind")),
                rs.getInt("year"),
                half,
                rs.getObject("deadline", LocalDate.class),
                "OPEN".equals(rs.getString("status")),
                rs.getInt("row_version"));
    }

    /** Opens a period; refused beside the year when that year (or half) has one already. */
    @Transactional
    public long open(ReportingPeriodForm form, @Nullable Long actorId) {
        PeriodKind kind = form.kind() == null ? PeriodKind.YEAR : form.kind();
        Integer half = form.halfOfYear();
        int year = form.year() == null ? 0 : form.year();
        Optional<Long> id = jdbc.sql("""
                        insert into monitoring_period (kind, year, half, deadline, opened_by)
                        values (:kind, :year, :half, :deadline, :actor)
                        on conflict do nothing returning id""")
                .param("kind", kind.name())
                .param("year", year)
                .param("half", half)
                .param("deadline", form.deadline())
                .param("actor", actorId)
                .query(Long.class)
                .optional();
        long created = id.orElseThrow(() -> Refused.field(
                "year",
                half == null ? "monitoring.reporting.period.exists" : "monitoring.reporting.period.halfExists"));
        publish(MonitoringAction.MONITORING_PERIOD_OPENED, created, null);
        return created;
    }

    /** Moves the deadline; the reminders are sent again for the new one. */
    @Transactional
    public void changeDeadline(long id, LocalDate deadline) {
        Map<String, @Nullable Object> before = snapshot(id);
        int moved = jdbc.sql(
                        "update monitoring_period set deadline = :d, row_version = row_version + 1 where id = :id and deadline <> :d")
                .param("d", deadline)
                .param("id", id)
                .update();
        if (moved == 0) {
            // The same deadline saved again: nothing changed, nothing to audit, the reminders stand.
            return;
        }
        // Reminders are about a deadline: a new deadline gets its own (each still sent once).
        jdbc.sql("delete from monitoring_reminder where period_id = :id")
                .param("id", id)
                .update();
        publish(MonitoringAction.MONITORING_PERIOD_UPDATED, id, before);
    }

    /** Closes the period: regions enter no new values (reopened values can still be corrected). */
    @Transactional
    public void close(long id) {
        setStatus(id, "CLOSED", MonitoringAction.MONITORING_PERIOD_CLOSED);
    }

    /** Opens a closed period again. */
    @Transactional
    public void reopen(long id) {
        setStatus(id, "OPEN", MonitoringAction.MONITORING_PERIOD_UPDATED);
    }

    private void setStatus(long id, String status, MonitoringAction action) {
        Map<String, @Nullable Object> before = snapshot(id);
        int changed = jdbc.sql("""
                        update monitoring_period set status = :s, row_version = row_version + 1
                        where id = :id and status <> :s""").param("s", status).param("id", id).update();
        if (changed == 0) {
            throw Refused.conflict(
                    "OPEN".equals(status)
                            ? "monitoring.reporting.period.alreadyOpen"
                            : "monitoring.reporting.period.alreadyClosed");
        }
        publish(action, id, before);
    }

    private Map<String, @Nullable Object> snapshot(long id) {
        return jdbc.sql("select kind, year, half, deadline, status from monitoring_period where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, @Nullable Object> values = new LinkedHashMap<>();
                    values.put("kind", rs.getString("kind"));
                    values.put("reportingYear", rs.getInt("year"));
                    int half = rs.getInt("half");
                    values.put("reportingHalf", rs.wasNull() ? null : half);
                    values.put("reportingDeadline", Formats.date(rs.getObject("deadline", LocalDate.class)));
                    values.put("status", rs.getString("status"));
                    return values;
                })
                .optional()
                .orElseThrow(() -> new NotFound("period", id));
    }

    private void publish(MonitoringAction action, long id, @Nullable Map<String, @Nullable Object> before) {
        events.publishEvent(new MonitoringChanged(action, "period", String.valueOf(id), null, before, snapshot(id)));
    }

    /** Where every region stands in the period, in the directory's order (regions without a programme too). */
    @Transactional(readOnly = true)
    public List<ReportingProgress> progress(long periodId) {
        Map<Long, List<ReportingProgress>> byPeriod = progress(List.of(periodId), null);
        return byPeriod.getOrDefault(periodId, List.of());
    }

    /**
     * Where the regions stand in each of the periods, in one statement: all regions, or only those given
     * (a coordinator's own).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<ReportingProgress>> progress(
            Collection<Long> periodIds, @Nullable Collection<Long> regionIds) {
        Map<Long, List<ReportingProgress>> result = new LinkedHashMap<>();
        if (periodIds.isEmpty() || (regionIds != null && regionIds.isEmpty())) {
            return result;
        }
        record Counts(int indicators, int notStarted, int draft, int submitted, int returned, int approved) {}
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("""
                        with cur as (
                            select p.region_id, vi.indicator_id
                            from monitoring_programme p
                            join monitoring_programme_version pv on pv.programme_id = p.id and pv.status = 'CURRENT'
                            join monitoring_version_indicator vi on vi.version_id = pv.id)
                        select per.id as period_id, cur.region_id, count(*) as indicators,
                               count(*) filter (where v.id is null) as not_started,
                               count(*) filter (where v.status = 'DRAFT') as draft,
                               count(*) filter (where v.status = 'SUBMITTED') as submitted,
                               count(*) filter (where v.status = 'RETURNED') as returned,
                               count(*) filter (where v.status = 'APPROVED') as approved
                        from monitoring_period per
                        cross join cur
                        left join monitoring_value v on v.period_id = per.id and v.indicator_id = cur.indicator_id
                        where per.id in (:periods)
                        group by per.id, cur.region_id
                        """).param("periods", periodIds).query(rs -> {
            counts.put(
                    rs.getLong("period_id") + ":" + rs.getLong("region_id"),
                    new Counts(
                            rs.getInt("indicators"),
                            rs.getInt("not_started"),
                            rs.getInt("draft"),
                            rs.getInt("submitted"),
                            rs.getInt("returned"),
                            rs.getInt("approved")));
        });
        List<Region> regions = directory.regions().stream()
                .filter(r -> regionIds == null || regionIds.contains(r.id()))
                .toList();
        for (long periodId : periodIds) {
            List<ReportingProgress> rows = new ArrayList<>();
            for (Region region : regions) {
                Counts c = counts.getOrDefault(periodId + ":" + region.id(), new Counts(0, 0, 0, 0, 0, 0));
                rows.add(new ReportingProgress(
                        region, c.indicators(), c.notStarted(), c.draft(), c.submitted(), c.returned(), c.approved()));
            }
            result.put(periodId, rows);
        }
        return result;
    }
}
