package pl.koordes.events.internal;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;
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
 * "Uczestnicy i obecność" of the programme report: the confirmed registrations at the events the meetings
 * section counts (published or completed, starting in the period), by the region and the kind of institution the
 * person gave when registering, and how many of them were marked present. The attendance rate is taken over
 * the events whose check-in was recorded (at least one registration marked), so an event nobody checked does
 * not lower it. A region's report counts the region's own people, at whatever event they took part. No name,
 * no address: counts only (people are told apart by their e-mail address, in the statement). Two statements:
 * the regions' names and the counts.
 */
@Component
class ParticipantsReportSection implements ProgrammeReportSection {

    /** The key of registrations without a region or a kind of institution. */
    private static final String NONE = "";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Messages messages;

    ParticipantsReportSection(JdbcClient jdbc, Directory directory, Messages messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "participants";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ReportSection build(ReportScope scope) {
        Map<String, List<@Nullable BigDecimal>> byRegion = new HashMap<>();
        Map<String, List<@Nullable BigDecimal>> byKind = new HashMap<>();
        long[] total = new long[4];
        // grouping(): 1 = by region, 2 = by kind of institution, 3 = everything.
        jdbc.sql("""
                        with e as (
                            select id from event
                            where status in ('PUBLISHED', 'COMPLETED')
                              and starts_at >= :since and starts_at < :until
                        ), marked as (
                            select distinct y.event_id
                            from event_registration y join e on e.id = y.event_id
                            where y.attendance is not null
                        ), p as (
                            select x.region_id, x.institution_kind, lower(x.email) as person, x.attendance,
                                   m.event_id is not null as checked
                            from event_registration x join e on e.id = x.event_id
                            left join marked m on m.event_id = x.event_id
                            where x.status = 'CONFIRMED'
                              and (cast(:region as bigint) is null or x.region_id = :region)
                        )
                        select grouping(region_id, institution_kind) as set_id, region_id, institution_kind,
                               count(*) as confirmed,
                               count(*) filter (where attendance = 'ATTENDED') as attended,
                               count(*) filter (where checked) as checked,
                               (select count(distinct person) from p) as people
                        from p group by grouping sets ((region_id), (institution_kind), ())
                        """)
                .param("since", scope.start().atOffset(ZoneOffset.UTC))
                .param("until", scope.end().atOffset(ZoneOffset.UTC))
                .param("region", scope.regionId())
                .query(rs -> {
                    long confirmed = rs.getLong("confirmed");
                    long attended = rs.getLong("attended");
                    List<@Nullable BigDecimal> values =
                            List.of(ReportTables.count(confirmed), ReportTables.count(attended));
                    switch (rs.getInt("set_id")) {
                        case 1 -> {
                            Long region = rs.getObject("region_id", Long.class);
                            byRegion.put(region == null ? NONE : Long.toString(region), values);
                        }
                        case 2 -> {
                            String kind = rs.getString("institution_kind");
                            byKind.put(kind == null ? NONE : kind, values);
                        }
                        case 3 -> {
                            total[0] = confirmed;
                            total[1] = attended;
                            total[2] = rs.getLong("checked");
                            total[3] = rs.getLong("people");
                        }
                        default -> throw new IllegalStateException("grouping set " + rs.getInt("set_id"));
                    }
                });
        Locale locale = scope.locale();
        Map<String, String> regionNames = new HashMap<>();
        List<String> regionKeys = new ArrayList<>();
        for (Region region : directory.regions()) {
            if (scope.regionId() == null || scope.regionId().equals(region.id())) {
                regionKeys.add(Long.toString(region.id()));
                regionNames.put(Long.toString(region.id()), region.name(locale));
            }
        }
        String unknown = messages.get(locale, "events.report.participants.unknown");
        List<String> kindKeys = new ArrayList<>();
        for (InstitutionKind kind : InstitutionKind.values()) {
            kindKeys.add(kind.name());
        }
        if (scope.national()) {
            regionKeys.add(NONE);
        }
        kindKeys.add(NONE);
        String totalLabel = messages.get(locale, "events.report.total");
        List<@Nullable BigDecimal> totals = List.of(ReportTables.count(total[0]), ReportTables.count(total[1]));
        List<ReportColumn> columns = List.of(
                new ReportColumn(messages.get(locale, "events.report.participants.confirmed"), ReportUnit.COUNT),
                new ReportColumn(messages.get(locale, "events.report.participants.attended"), ReportUnit.COUNT));
        return new ReportSection(
                name(),
                messages.get(locale, "events.report.participants.title"),
                List.of(
                        ReportFigure.count(messages.get(locale, "events.report.participants.registrations"), total[0]),
                        ReportFigure.count(messages.get(locale, "events.report.participants.people"), total[3]),
                        ReportFigure.count(messages.get(locale, "events.report.participants.present"), total[1]),
                        new ReportFigure(
                                messages.get(locale, "events.report.participants.rate"),
                                ReportTables.share(total[1], total[2]),
                                ReportUnit.PERCENT)),
                List.of(
                        new ReportTable(
                                "participants-by-region",
                                messages.get(locale, "events.report.participants.byRegion"),
                                messages.get(locale, "events.report.participants.region"),
                                columns,
                                ReportTables.rows(
                                        regionKeys,
                                        key -> key.equals(NONE) ? unknown : regionNames.getOrDefault(key, key),
                                        byRegion,
                                        2,
                                        scope.national() ? totalLabel : null,
                                        totals),
                                0),
                        new ReportTable(
                                "participants-by-kind",
                                messages.get(locale, "events.report.participants.byKind"),
                                messages.get(locale, "events.report.participants.kind"),
                                columns,
                                ReportTables.rows(
                                        kindKeys,
                                        key -> key.equals(NONE)
                                                ? unknown
                                                : messages.get(locale, "institution.kind." + key),
                                        byKind,
                                        2,
                                        totalLabel,
                                        totals),
                                0)));
    }
}
