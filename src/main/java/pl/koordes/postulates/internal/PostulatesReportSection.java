package pl.koordes.postulates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportColumn;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.i18n.Messages;

/**
 * The postulates' section of the programme report, in one statement whatever the number of postulates
 * (merged duplicates left out everywhere: they count in the postulate they were merged into, as on the
 * public statistics page):
 *
 * <ul>
 *   <li><b>submitted</b>: submitted by their region in the period;
 *   <li><b>still open</b>: of those, still waiting today for a decision or a final answer (submitted,
 *       forwarded or "w analizie");
 *   <li><b>forwarded</b>: forwarded to their addressee in the period; <b>answered</b>: of those, answered
 *       (the first answer, "w analizie" included); the answer kinds are their statuses today;
 *   <li><b>time to answer</b>: whole days (Europe/Warsaw) from forwarding to the first answer, median and
 *       average, of the answered ones — the measure of {@link PublicStatistics}.
 * </ul>
 *
 * A region's report counts only that region's postulates.
 */
@Component
@Transactional(readOnly = true)
class PostulatesReportSection implements ProgrammeReportSection {

    private static final List<String> KINDS = List.of("ACCEPTED", "PARTLY_ACCEPTED", "REJECTED", "IN_ANALYSIS");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Messages messages;

    PostulatesReportSection(JdbcClient jdbc, Directory directory, Messages messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "postulates";
    }

    @Override
    public int order() {
        return 50;
    }

    /** One region's counts (or the totals, {@code regionId} null). */
    private record Counts(
            @Nullable Long regionId,
            long submitted,
            long open,
            long forwarded,
            long answered,
            @Nullable Double medianDays,
            @Nullable Double averageDays,
            List<Long> kinds) {}

    @Override
    public ReportSection build(ReportScope scope) {
        List<Counts> rows = jdbc.sql("""
                        with p as (
                            select p.region_id, p.status,
                                   p.submitted_at >= :periodStart and p.submitted_at < :periodEnd as submitted,
                                   p.forwarded_at >= :periodStart and p.forwarded_at < :periodEnd as forwarded,
                                   (p.first_answered_at at time zone 'Europe/Warsaw')::date
                                       - (p.forwarded_at at time zone 'Europe/Warsaw')::date as days
                            from postulates_postulate p
                            where p.status not in ('DRAFT', 'MERGED')
                              and (cast(:region as bigint) is null or p.region_id = :region)
                              and ((p.submitted_at >= :periodStart and p.submitted_at < :periodEnd)
                                   or (p.forwarded_at >= :periodStart and p.forwarded_at < :periodEnd)))
                        select region_id, grouping(region_id) as total,
                               count(*) filter (where submitted) as submitted,
                               count(*) filter (where submitted and status in ('SUBMITTED', 'FORWARDED', 'IN_ANALYSIS'))
                                   as still_open,
                               count(*) filter (where forwarded) as forwarded,
                               count(days) filter (where forwarded) as answered,
                               percentile_cont(0.5) within group (order by days) filter (where forwarded)
                                   as median_days,
                               avg(days) filter (where forwarded) as average_days,
                               count(days) filter (where forwarded and status = 'ACCEPTED') as accepted,
                               count(days) filter (where forwarded and status = 'PARTLY_ACCEPTED') as partly,
                               count(days) filter (where forwarded and status = 'REJECTED') as rejected,
                               count(days) filter (where forwarded and status = 'IN_ANALYSIS') as in_analysis
                        from p
                        group by grouping sets ((region_id), ())
                        """)
                .param("periodStart", Timestamp.from(scope.start()))
                .param("periodEnd", Timestamp.from(scope.end()))
                .param("region", scope.regionId())
                .query((rs, n) -> new Counts(
                        rs.getInt("total") == 1 ? null : rs.getLong("region_id"),
                        rs.getLong("submitted"),
                        rs.getLong("still_open"),
                        rs.getLong("forwarded"),
                        rs.getLong("answered"),
                        (Double) rs.getObject("median_days"),
                        rs.getObject("average_days") == null ? null : rs.getDouble("average_days"),
                        List.of(
                                rs.getLong("accepted"),
                                rs.getLong("partly"),
                                rs.getLong("rejected"),
                                rs.getLong("in_analysis"))))
                .list();
        Counts totals = rows.stream()
                .filter(c -> c.regionId() == null)
                .findFirst()
                .orElse(new Counts(null, 0, 0, 0, 0, null, null, List.of(0L, 0L, 0L, 0L)));
        Locale locale = scope.locale();
        List<ReportFigure> figures = List.of(
                ReportFigure.count(t(locale, "figure.submitted"), totals.submitted()),
                ReportFigure.count(t(locale, "figure.open"), totals.open()),
                ReportFigure.count(t(locale, "figure.forwarded"), totals.forwarded()),
                ReportFigure.count(t(locale, "figure.answered"), totals.answered()),
                new ReportFigure(t(locale, "figure.median"), days(totals.medianDays()), ReportUnit.DAYS),
                new ReportFigure(t(locale, "figure.average"), days(totals.averageDays()), ReportUnit.DAYS));
        return new ReportSection(
                name(),
                t(locale, "title"),
                figures,
                List.of(byRegion(locale, rows, totals, scope.regionId()), kinds(locale, totals)));
    }

    /** Every region of the scope in the directory's order, zeros where nothing was submitted, as the other sections. */
    private ReportTable byRegion(Locale locale, List<Counts> rows, Counts totals, @Nullable Long scopeRegion) {
        Map<Long, Counts> byId = new HashMap<>();
        rows.stream().filter(c -> c.regionId() != null).forEach(c -> byId.put(c.regionId(), c));
        List<ReportRow> table = new ArrayList<>();
        for (Region region : directory.regions()) {
            if (scopeRegion == null || scopeRegion.equals(region.id())) {
                Counts counts = byId.getOrDefault(
                        region.id(), new Counts(region.id(), 0, 0, 0, 0, null, null, List.of(0L, 0L, 0L, 0L)));
                table.add(ReportRow.of(region.name(locale), values(counts)));
            }
        }
        table.add(ReportRow.totalOf(t(locale, "total"), values(totals)));
        return new ReportTable(
                "postulates-by-region",
                t(locale, "byRegion"),
                t(locale, "region"),
                List.of(
                        new ReportColumn(t(locale, "figure.submitted"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "figure.open"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "figure.forwarded"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "figure.answered"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "figure.median"), ReportUnit.DAYS)),
                table,
                0);
    }

    private static List<@Nullable BigDecimal> values(Counts c) {
        List<@Nullable BigDecimal> values = new ArrayList<>();
        values.add(BigDecimal.valueOf(c.submitted()));
        values.add(BigDecimal.valueOf(c.open()));
        values.add(BigDecimal.valueOf(c.forwarded()));
        values.add(BigDecimal.valueOf(c.answered()));
        values.add(days(c.medianDays()));
        return values;
    }

    private ReportTable kinds(Locale locale, Counts totals) {
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < KINDS.size(); i++) {
            rows.add(ReportRow.of(
                    messages.get(locale, "postulates.status." + KINDS.get(i)),
                    List.of(BigDecimal.valueOf(totals.kinds().get(i)))));
        }
        rows.add(ReportRow.totalOf(t(locale, "total"), List.of(BigDecimal.valueOf(totals.answered()))));
        return new ReportTable(
                "postulates-answer-kinds",
                t(locale, "kinds"),
                t(locale, "kind"),
                List.of(new ReportColumn(t(locale, "figure.answered"), ReportUnit.COUNT)),
                rows,
                0);
    }

    /** Days with one decimal, or null when nothing was answered. */
    private static @Nullable BigDecimal days(@Nullable Double days) {
        return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
    }

    private String t(Locale locale, String key) {
        return messages.get(locale, "postulates.report." + key);
    }
}
