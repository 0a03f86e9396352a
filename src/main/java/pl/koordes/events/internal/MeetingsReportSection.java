package pl.koordes.events.internal;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventLevel;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportColumn;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportTables;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.i18n.Messages;

/**
 * "Spotkania" of the programme report: the events that start in the period and were not cancelled (published
 * or completed; never a draft), by level and by format, and apart the cancelled ones. A region's report counts
 * the events that serve the region (as the public list and the open-data API filter them; a national event
 * serves every region and lists none, so it is in the national report only). One statement.
 */
@Component
class MeetingsReportSection implements ProgrammeReportSection {

    private final JdbcClient jdbc;
    private final Messages messages;

    MeetingsReportSection(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ReportSection build(ReportScope scope) {
        Map<EventLevel, List<@Nullable BigDecimal>> byLevel = new EnumMap<>(EventLevel.class);
        Map<EventFormat, List<@Nullable BigDecimal>> byFormat = new EnumMap<>(EventFormat.class);
        long[] total = {0, 0, 0};
        // grouping(): 1 = by level, 2 = by format, 3 = everything.
        jdbc.sql("""
                        select grouping(e.level, e.format) as set_id, e.level, e.format,
                               count(*) filter (where e.status <> 'CANCELLED') as held,
                               count(*) filter (where e.status <> 'CANCELLED' and e.type = 'WEBINAR') as webinars,
                               count(*) filter (where e.status = 'CANCELLED') as cancelled
                        from event e
                        where e.status in ('PUBLISHED', 'COMPLETED', 'CANCELLED')
                          and e.starts_at >= :since and e.starts_at < :until
                          and (cast(:region as bigint) is null
                               or exists (select 1 from event_region r where r.event_id = e.id and r.region_id = :region))
                        group by grouping sets ((e.level), (e.format), ())
                        """)
                .param("since", scope.start().atOffset(ZoneOffset.UTC))
                .param("until", scope.end().atOffset(ZoneOffset.UTC))
                .param("region", scope.regionId())
                .query(rs -> {
                    long held = rs.getLong("held");
                    long cancelled = rs.getLong("cancelled");
                    List<@Nullable BigDecimal> values =
                            List.of(ReportTables.count(held), ReportTables.count(cancelled));
                    switch (rs.getInt("set_id")) {
                        case 1 -> byLevel.put(EventLevel.valueOf(rs.getString("level")), values);
                        case 2 -> byFormat.put(EventFormat.valueOf(rs.getString("format")), values);
                        case 3 -> {
                            total[0] = held;
                            total[1] = rs.getLong("webinars");
                            total[2] = cancelled;
                        }
                        default -> throw new IllegalStateException("grouping set " + rs.getInt("set_id"));
                    }
                });
        Locale locale = scope.locale();
        String totalLabel = messages.get(locale, "events.report.total");
        List<@Nullable BigDecimal> totals = new ArrayList<>();
        totals.add(ReportTables.count(total[0]));
        totals.add(ReportTables.count(total[2]));
        List<ReportColumn> columns = List.of(
                new ReportColumn(messages.get(locale, "events.report.meetings.held"), ReportUnit.COUNT),
                new ReportColumn(messages.get(locale, "events.report.meetings.cancelled"), ReportUnit.COUNT));
        return new ReportSection(
                name(),
                messages.get(locale, "events.report.meetings.title"),
                List.of(
                        ReportFigure.count(messages.get(locale, "events.report.meetings.heldFigure"), total[0]),
                        ReportFigure.count(messages.get(locale, "events.report.meetings.webinars"), total[1]),
                        ReportFigure.count(messages.get(locale, "events.report.meetings.cancelledFigure"), total[2])),
                List.of(
                        new ReportTable(
                                "meetings-by-level",
                                messages.get(locale, "events.report.meetings.byLevel"),
                                messages.get(locale, "events.report.meetings.level"),
                                columns,
                                ReportTables.rows(
                                        List.of(EventLevel.values()),
                                        level -> messages.get(locale, "events.report.level." + level.name()),
                                        byLevel,
                                        2,
                                        totalLabel,
                                        totals),
                                0),
                        new ReportTable(
                                "meetings-by-format",
                                messages.get(locale, "events.report.meetings.byFormat"),
                                messages.get(locale, "events.report.meetings.format"),
                                columns,
                                ReportTables.rows(
                                        List.of(EventFormat.values()),
                                        format -> messages.get(locale, "events.report.format." + format.name()),
                                        byFormat,
                                        2,
                                        totalLabel,
                                        totals),
                                0)));
    }
}
