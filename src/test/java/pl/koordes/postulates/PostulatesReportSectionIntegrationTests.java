package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.postulates.internal.PublicListing;
import pl.koordes.postulates.internal.PublicStatistics;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/**
 * The postulates' section of the programme report, checked against counts worked out here from the public
 * open data of the module (every public postulate with its status, dates and latest answer) and the public
 * statistics' median, for the demo data: the whole country and one region, a year and a wide period; the
 * same statements with 100 postulates and with 1,000.
 */
@IntegrationTest
@Import(TestExtensions.class)
class PostulatesReportSectionIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final EnumSet<PostulateStatus> OPEN =
            EnumSet.of(PostulateStatus.SUBMITTED, PostulateStatus.FORWARDED, PostulateStatus.IN_ANALYSIS);
    private static final List<PostulateStatus> KINDS = List.of(
            PostulateStatus.ACCEPTED,
            PostulateStatus.PARTLY_ACCEPTED,
            PostulateStatus.REJECTED,
            PostulateStatus.IN_ANALYSIS);

    @Autowired
    List<ProgrammeReportSection> sections;

    @Autowired
    PublicListing listing;

    @Autowired
    PublicStatistics statistics;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestExtensions.StatementCounter statements;

    @AfterEach
    void removeGenerated() {
        PublicTesting.removeGenerated(jdbc);
    }

    private ProgrammeReportSection section() {
        return sections.stream()
                .filter(s -> s.name().equals("postulates"))
                .findFirst()
                .orElseThrow();
    }

    private List<PublicListing.OpenRow> openData() {
        List<PublicListing.OpenRow> rows = new ArrayList<>();
        listing.openData(rows::add);
        return rows;
    }

    private static boolean in(@Nullable Instant at, ReportScope scope) {
        return at != null && !at.isBefore(scope.start()) && at.isBefore(scope.end());
    }

    @Test
    void theNumbersAreThoseOfTheOpenDataForTheCountryAndForARegion() {
        List<PublicListing.OpenRow> rows = openData();
        assertThat(rows).isNotEmpty();
        long malopolskie = directory.region("malopolskie").orElseThrow().id();
        List<ReportScope> scopes = new ArrayList<>();
        scopes.add(new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, PL));
        scopes.add(new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), malopolskie, PL));
        for (int year : statistics.years()) {
            scopes.add(new ReportScope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, PL));
            scopes.add(new ReportScope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), malopolskie, PL));
        }
        long answeredSomewhere = 0;
        for (ReportScope scope : scopes) {
            List<PublicListing.OpenRow> mine = rows.stream()
                    .filter(r -> r.status() != PostulateStatus.MERGED)
                    .filter(r -> scope.regionId() == null || r.regionId() == scope.regionId())
                    .toList();
            long submitted =
                    mine.stream().filter(r -> in(r.submittedAt(), scope)).count();
            long open = mine.stream()
                    .filter(r -> in(r.submittedAt(), scope) && OPEN.contains(r.status()))
                    .count();
            List<PublicListing.OpenRow> forwarded =
                    mine.stream().filter(r -> in(r.forwardedAt(), scope)).toList();
            long answered =
                    forwarded.stream().filter(r -> r.answeredAt() != null).count();
            answeredSomewhere += answered;

            ReportSection section = section().build(scope);
            String what = scope.toString();
            assertThat(section.title()).isEqualTo("Postulaty");
            assertThat(section.figures().subList(0, 4))
                    .as(what)
                    .extracting(ReportFigure::value)
                    .containsExactly(
                            BigDecimal.valueOf(submitted),
                            BigDecimal.valueOf(open),
                            BigDecimal.valueOf(forwarded.size()),
                            BigDecimal.valueOf(answered));
            ReportTable kinds = section.tables().get(1);
            for (int i = 0; i < KINDS.size(); i++) {
                PostulateStatus kind = KINDS.get(i);
                assertThat(kinds.rows().get(i).values().getFirst())
                        .as(what + " " + kind)
                        .isEqualTo(BigDecimal.valueOf(forwarded.stream()
                                .filter(r -> r.status() == kind)
                                .count()));
            }
            ReportTable byRegion = section.tables().getFirst();
            List<ReportRow> regionRows =
                    byRegion.rows().stream().filter(r -> !r.total()).toList();
            if (scope.regionId() != null) {
                // A region's report shows only its own numbers.
                assertThat(regionRows).extracting(ReportRow::label).containsOnly("małopolskie");
            } else {
                assertThat(regionRows.stream().map(r -> r.values().getFirst()).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualTo(BigDecimal.valueOf(submitted));
            }
            if (scope.national() && scope.first().getYear() == scope.last().getYear()) {
                // Forwarded in that year, days to the first answer: the public statistics' median.
                Double median = statistics.of(scope.first().getYear()).totals().medianDays();
                assertThat(section.figures().get(4).value())
                        .as(what)
                        .isEqualTo(
                                median == null
                                        ? null
                                        : BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP));
                assertThat(section.figures().get(5).value() == null).isEqualTo(median == null);
            }
        }
        assertThat(answeredSomewhere)
                .as("the demo data has answered postulates")
                .isPositive();
    }

    @Test
    void theSectionSpeaksEnglishToo() {
        ReportSection section = section()
                .build(new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, Locale.ENGLISH));
        assertThat(section.title()).isEqualTo("Postulates");
        assertThat(section.figures().getFirst().label()).isEqualTo("Submitted");
        assertThat(section.tables().get(1).rows().getFirst().label()).isEqualTo("Accepted");
    }

    @Test
    void theSectionRunsTheSameStatementsWith100And1000Postulates() {
        ReportScope scope = new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, PL);
        long existing = jdbc.sql("select count(*) from postulates_postulate")
                .query(Long.class)
                .single();
        PublicTesting.generate(jdbc, (int) (100 - existing));
        section().build(scope);
        statements.reset();
        section().build(scope);
        int few = statements.count();
        PublicTesting.generate(jdbc, 900);
        section().build(scope);
        statements.reset();
        ReportSection many = section().build(scope);
        assertThat(statements.count()).isEqualTo(few).isLessThanOrEqualTo(2);
        assertThat(many.figures().getFirst().value()).isNotNull();
    }
}
