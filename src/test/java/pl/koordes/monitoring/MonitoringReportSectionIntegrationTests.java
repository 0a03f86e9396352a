package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.monitoring.internal.MonitoringFigureCache;
import pl.koordes.monitoring.internal.MonitoringFigures;
import pl.koordes.monitoring.internal.PeriodKind;
import pl.koordes.monitoring.internal.ProgressRule;
import pl.koordes.monitoring.internal.ReportingPeriod;
import pl.koordes.monitoring.internal.ReportingPeriods;
import pl.koordes.monitoring.internal.ReportingProgress;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/**
 * The monitoring section of the programme report for each year of the demo data, checked against what the
 * reporting page shows per period ({@link ReportingPeriods#progress(long)}, one period at a time) and the
 * status the analysis pages give each regional indicator for that year; for the country and one region; the
 * same statements with the demo's periods and with twenty more.
 */
@IntegrationTest
@Import(TestExtensions.class)
class MonitoringReportSectionIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");

    @Autowired
    List<ProgrammeReportSection> sections;

    @Autowired
    ReportingPeriods periods;

    @Autowired
    MonitoringFigureCache figures;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestExtensions.StatementCounter statements;

    @AfterEach
    void removeGenerated() {
        jdbc.sql("delete from monitoring_period where year >= 2080").update();
    }

    private ProgrammeReportSection section() {
        return sections.stream()
                .filter(s -> s.name().equals("monitoring"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachYearsNumbersAreThoseOfTheReportingAndAnalysisPages() {
        long malopolskie = directory.region("malopolskie").orElseThrow().id();
        List<ReportingPeriod> all = periods.all();
        assertThat(all).as("the demo data has reporting periods").isNotEmpty();
        MonitoringFigures.Snapshot snapshot = figures.snapshot();
        long approvedSomewhere = 0;
        for (int year : all.stream().map(ReportingPeriod::year).distinct().toList()) {
            for (Long region : new Long[] {null, malopolskie}) {
                List<ReportingPeriod> inYear =
                        all.stream().filter(p -> p.year() == year).toList();
                Map<Long, Integer> complete = new HashMap<>();
                long approved = 0;
                for (ReportingPeriod period : inYear) {
                    for (ReportingProgress row : periods.progress(period.id())) {
                        if (region == null || row.region().id() == region) {
                            complete.merge(row.region().id(), row.complete() ? 1 : 0, Integer::sum);
                            approved += row.approved();
                        }
                    }
                }
                long reported = complete.values().stream()
                        .filter(n -> n == inYear.size())
                        .count();
                approvedSomewhere += approved;
                Map<ProgressRule.Status, Long> statuses = new EnumMap<>(ProgressRule.Status.class);
                for (ProgressRule.Status status : ProgressRule.Status.values()) {
                    statuses.put(status, 0L);
                }
                for (MonitoringFigures.RegionalIndicator indicator : snapshot.regional()) {
                    if (region == null || indicator.region().id() == region) {
                        ProgressRule.Status status = indicator.yearly().containsKey(year)
                                ? indicator.progress(year).status()
                                : ProgressRule.Status.NO_DATA;
                        statuses.merge(status, 1L, Long::sum);
                    }
                }
                List<BigDecimal> expected = new ArrayList<>(List.of(
                        BigDecimal.valueOf(inYear.size()), BigDecimal.valueOf(reported), BigDecimal.valueOf(approved)));
                for (ProgressRule.Status status : ProgressRule.Status.values()) {
                    expected.add(BigDecimal.valueOf(statuses.get(status)));
                }

                ReportScope scope = new ReportScope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), region, PL);
                ReportSection section = section().build(scope);
                assertThat(section.figures())
                        .as(scope.toString())
                        .extracting(ReportFigure::value)
                        .isEqualTo(expected);
                List<ReportRow> rows = section.tables().getFirst().rows();
                if (region != null) {
                    assertThat(rows).extracting(ReportRow::label).containsExactly("małopolskie");
                } else {
                    assertThat(rows.stream().filter(r -> !r.total())).hasSize(16);
                }
            }
        }
        assertThat(approvedSomewhere).as("the demo data has approved values").isPositive();
    }

    @Test
    void aHalfYearReportCountsTheHalfAndTheWholeYearItFallsIn() {
        for (ReportingPeriod period : periods.all()) {
            ReportScope firstHalf =
                    new ReportScope(LocalDate.of(period.year(), 1, 1), LocalDate.of(period.year(), 6, 30), null, PL);
            long expected = periods.all().stream()
                    .filter(p -> p.year() == period.year()
                            && (p.kind() == PeriodKind.YEAR
                                    || Integer.valueOf(1).equals(p.half())))
                    .count();
            assertThat(section().build(firstHalf).figures().getFirst().value()).isEqualTo(BigDecimal.valueOf(expected));
        }
    }

    @Test
    void theSectionSpeaksEnglishToo() {
        ReportSection section = section()
                .build(new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, Locale.ENGLISH));
        assertThat(section.title()).isEqualTo("Programme monitoring");
        assertThat(section.figures().get(1).label()).isEqualTo("Regions that reported");
    }

    @Test
    void theSectionRunsTheSameStatementsWithFewAndManyPeriods() {
        ReportScope scope = new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, PL);
        section().build(scope);
        figures.forget();
        statements.reset();
        section().build(scope);
        int few = statements.count();
        jdbc.sql("""
                        insert into monitoring_period (kind, year, half, deadline)
                        select 'YEAR', y, null, make_date(y + 1, 3, 31) from generate_series(2080, 2099) y""").update();
        figures.forget();
        statements.reset();
        ReportSection many = section().build(scope);
        assertThat(statements.count()).isEqualTo(few).isLessThanOrEqualTo(12);
        assertThat(many.figures().getFirst().value())
                .isEqualTo(BigDecimal.valueOf(periods.all().size()));
    }
}
