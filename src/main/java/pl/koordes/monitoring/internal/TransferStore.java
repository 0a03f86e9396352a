package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What import and export read: a reporting period, and a region's indicators of its current programme
 * version in a period with the previous period's value, the year's target and the value entered so far.
 */
@Component
public class TransferStore {

    private final JdbcClient jdbc;

    TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A reporting period.
     *
     * @param half 1 or 2 for a half-year, null for a year
     */
    public record Period(
            long id, PeriodKind kind, int year, @Nullable Integer half, boolean open, LocalDate deadline) {}

    /**
     * One indicator of a region's current programme version in a period: what the template shows and the
     * import checks against.
     *
     * @param previous the value of the previous period of the same kind, whatever its state
     * @param target the target for the period's year, if the version sets one
     * @param valueId the value entered so far in this period, or null
     */
    public record Line(
            long indicatorId,
            String code,
            String name,
            String unit,
            @Nullable BigDecimal previous,
            boolean previousNotAvailable,
            @Nullable BigDecimal target,
            @Nullable Long valueId,
            @Nullable ValueStatus status,
            @Nullable BigDecimal value,
            boolean notAvailable,
            @Nullable LocalDate expectedDate,
            @Nullable String comment,
            @Nullable String source,
            int rowVersion) {}

    public Optional<Period> period(long id) {
        return jdbc.sql("select id, kind, year, half, status, deadline from monitoring_period where id = :id")
                .param("id", id)
                .query((rs, n) -> new Period(
                        rs.getLong("id"),
                        PeriodKind.valueOf(rs.getString("kind")),
                        rs.getInt("year"),
                        rs.getObject("half", Integer.class),
                        "OPEN".equals(rs.getString("status")),
                        rs.getObject("deadline", LocalDate.class)))
                .optional();
    }

    /** The region's indicators of its current version in the period, in the programme's order. */
    public List<Line> lines(long regionId, Period period) {
        return jdbc.sql("""
                        with previous as (
                            select id from monitoring_period
                            where kind = :kind and (year * 10 + coalesce(half, 0)) < :order
                            order by year desc, coalesce(half, 0) desc limit 1)
                        select i.id, i.code, vi.name, vi.unit,
                               prev.value as previous, coalesce(prev.not_available, false) as previous_na,
                               t.value as target,
                               cur.id as value_id, cur.status, cur.value, coalesce(cur.not_available, false) as na,
                               cur.expected_date, cur.comment, cur.source, coalesce(cur.row_version, 0) as row_version
                        from monitoring_programme p
                        join monitoring_programme_version v on v.programme_id = p.id and v.status = 'CURRENT'
                        join monitoring_version_indicator vi on vi.version_id = v.id
                        join monitoring_indicator i on i.id = vi.indicator_id
                        left join monitoring_target t on t.version_id = v.id and t.indicator_id = i.id and t.year = :year
                        left join monitoring_value cur on cur.indicator_id = i.id and cur.period_id = :period
                        left join monitoring_value prev on prev.indicator_id = i.id
                            and prev.period_id = (select id from previous)
                        where p.region_id = :region
                        order by vi.position, i.code
                        """)
                .param("kind", period.kind().name())
                .param("order", period.year() * 10 + (period.half() == null ? 0 : period.half()))
                .param("year", period.year())
                .param("period", period.id())
                .param("region", regionId)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    return new Line(
                            rs.getLong("id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("unit"),
                            rs.getBigDecimal("previous"),
                            rs.getBoolean("previous_na"),
                            rs.getBigDecimal("target"),
                            rs.getObject("value_id", Long.class),
                            status == null ? null : ValueStatus.valueOf(status),
                            rs.getBigDecimal("value"),
                            rs.getBoolean("na"),
                            rs.getObject("expected_date", LocalDate.class),
                            rs.getString("comment"),
                            rs.getString("source"),
                            rs.getInt("row_version"));
                })
                .list();
    }
}
