package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;
import pl.koordes.surveys.internal.ResultsRates;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * The surveys' section of the programme report, checked against what the module's results pages use: each
 * survey as the store reads it (published, opening and closing) and each closed survey's response per region
 * as the results map computes it ({@link ResultsRates#regionRates}), summed here — for the demo data, the
 * whole country and one region; the same statements with few surveys and with 200 more.
 */
@IntegrationTest
@Import(TestExtensions.class)
class SurveysReportSectionIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final String PREFIX = "Raport (test) ";

    @Autowired
    List<ProgrammeReportSection> sections;

    @Autowired
    SurveyStore store;

    @Autowired
    ResultsRates rates;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestExtensions.StatementCounter statements;

    @AfterEach
    void removeGenerated() {
        jdbc.sql("delete from surveys_survey where title like :p")
                .param("p", PREFIX + "%")
                .update();
    }

    private ProgrammeReportSection section() {
        return sections.stream()
                .filter(s -> s.name().equals("surveys"))
                .findFirst()
                .orElseThrow();
    }

    private List<Survey> surveys() {
        List<Survey> surveys = new ArrayList<>();
        for (long id :
                jdbc.sql("select id from surveys_survey").query(Long.class).list()) {
            store.find(id).filter(Survey::published).ifPresent(surveys::add);
        }
        return surveys;
    }

    private static boolean in(@Nullable Instant at, ReportScope scope) {
        return at != null && !at.isBefore(scope.start()) && at.isBefore(scope.end());
    }

    @Test
    void theNumbersAreThoseOfTheResultsPagesForTheCountryAndForARegion() {
        List<Survey> all = surveys();
        long malopolskie = directory.region("malopolskie").orElseThrow().id();
        Map<Long, Region> regions = directory.regionsById();
        boolean someAnswers = false;
        for (int year = 2023; year <= LocalDate.now().getYear() + 1; year++) {
            for (Long region : new Long[] {null, malopolskie}) {
                ReportScope scope = new ReportScope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), region, PL);
                List<Survey> mine = all.stream()
                        .filter(s -> region == null
                                || s.audienceRegions().isEmpty()
                                || s.audienceRegions().contains(region))
                        .toList();
                long running = mine.stream()
                        .filter(s -> s.opensAt().isBefore(scope.end())
                                && s.closesAt().isAfter(scope.start()))
                        .count();
                List<Survey> closed =
                        mine.stream().filter(s -> in(s.closesAt(), scope)).toList();
                Map<Long, long[]> perRegion = new HashMap<>();
                for (Survey survey : closed) {
                    rates.regionRates(survey).forEach((id, rate) -> {
                        if (region == null || id.equals(region)) {
                            long[] t = perRegion.computeIfAbsent(id, k -> new long[3]);
                            t[0] += rate.answers();
                            t[1] += rate.audience();
                            t[2] += rate.audienceAnswered();
                        }
                    });
                }
                long answers = perRegion.values().stream().mapToLong(t -> t[0]).sum();
                long audience = perRegion.values().stream().mapToLong(t -> t[1]).sum();
                long answered = perRegion.values().stream().mapToLong(t -> t[2]).sum();
                someAnswers |= answers > 0;

                ReportSection section = section().build(scope);
                String what = scope.toString();
                assertThat(section.figures())
                        .as(what)
                        .extracting(ReportFigure::value)
                        .containsExactly(
                                BigDecimal.valueOf(running),
                                BigDecimal.valueOf(closed.size()),
                                BigDecimal.valueOf(answers),
                                audience == 0
                                        ? null
                                        : BigDecimal.valueOf(answered)
                                                .divide(BigDecimal.valueOf(audience), 4, RoundingMode.HALF_UP));
                List<ReportRow> rows = section.tables().getFirst().rows().stream()
                        .filter(r -> !r.total())
                        .toList();
                // Every region of the scope, in the directory's order, zeros included.
                assertThat(rows)
                        .extracting(ReportRow::label)
                        .as(what)
                        .containsExactlyElementsOf(directory.regions().stream()
                                .filter(r -> region == null || r.id() == region)
                                .map(r -> r.name(PL))
                                .toList());
                for (ReportRow row : rows) {
                    long id = regions.values().stream()
                            .filter(r -> r.name(PL).equals(row.label()))
                            .findFirst()
                            .orElseThrow()
                            .id();
                    long[] t = perRegion.getOrDefault(id, new long[3]);
                    assertThat(row.values().subList(0, 3))
                            .as(what + " " + row.label())
                            .containsExactly(
                                    BigDecimal.valueOf(t[0]), BigDecimal.valueOf(t[1]), BigDecimal.valueOf(t[2]));
                    if (region != null) {
                        assertThat(id).isEqualTo(region);
                    }
                }
            }
        }
        assertThat(someAnswers)
                .as("the demo data has answers to closed surveys")
                .isTrue();
    }

    @Test
    void theSectionSpeaksEnglishToo() {
        ReportSection section = section()
                .build(new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, Locale.ENGLISH));
        assertThat(section.title()).isEqualTo("Surveys");
        assertThat(section.figures().getFirst().label()).isEqualTo("Running in the period");
    }

    @Test
    void theSectionRunsTheSameStatementsWithFewAndManySurveys() {
        ReportScope scope = new ReportScope(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31), null, PL);
        section().build(scope);
        statements.reset();
        section().build(scope);
        int few = statements.count();
        jdbc.sql("""
                        insert into surveys_survey (title, published, opens_at, closes_at, response_mode,
                                                    audience_roles, link_token, created_at, updated_at)
                        select :p || g, true, timestamptz '2025-01-01', timestamptz '2025-02-01', 'PERSON',
                               '{REGIONAL_COORDINATOR,COMMITTEE_MEMBER}', 'raport-test-' || g, now(), now()
                        from generate_series(1, 200) g""").param("p", PREFIX).update();
        jdbc.sql("""
                        insert into surveys_response (survey_id, region_id, status, submitted_on, submitted_at,
                                                      created_at, updated_at)
                        select s.id, r.id, 'SUBMITTED', date '2025-01-15', timestamptz '2025-01-15', now(), now()
                        from surveys_survey s cross join region r where s.title like :p""").param("p", PREFIX + "%").update();
        section().build(scope);
        statements.reset();
        ReportSection many = section().build(scope);
        assertThat(statements.count()).isEqualTo(few).isLessThanOrEqualTo(4);
        assertThat(many.figures().get(2).value()).isNotNull();
        assertThat(many.figures().get(2).value().longValue()).isGreaterThanOrEqualTo(200L * 16);
    }
}
