package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * A region's values in a period as the reporting pages read them: every indicator of the region's current
 * programme with its value, the conversation about a value and its file (the download audited). Every
 * indicator is looked up within the region's current programme, so an id of another region's indicator or
 * value finds nothing. The values change in {@link ReportingValueChanges}, under the one writing rule.
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

    ReportingValues(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

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
}
