package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.advisory.internal.ReportingQueries;
import pl.koordes.advisory.internal.ReportingQueries.Line;
import pl.koordes.advisory.internal.ReportingQueries.Report;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The advisory in numbers against sums done by hand over known sessions of 2015 ({@link ReportingTesting#known}):
 * hours per region, expert, topic and month, hours waiting for consent apart, refused hours nowhere, cases by the
 * year of their request (in Warsaw time), ratings by the year they were given; who may see the page, what central
 * institutions do not see, and hostile filters. Also the region page's public section.
 */
@IntegrationTest
class ReportingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingQueries queries;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void remove() {
        ReportingTesting.removeAll(jdbc);
    }

    private static Map<Long, Line> byKey(List<Line> lines) {
        return lines.stream().collect(Collectors.toMap(Line::key, Function.identity()));
    }

    private static void hours(Line line, String counted, String pending) {
        assertThat(line.counted()).as(line.namePl()).isEqualByComparingTo(counted);
        assertThat(line.pending()).as(line.namePl()).isEqualByComparingTo(pending);
    }

    @Test
    void theFiguresAreTheHandSumsWithPendingHoursApartAndRefusedHoursNowhere() {
        ReportingTesting.known(jdbc);
        long malopolskie = ReportingTesting.region(jdbc, "malopolskie");
        long slaskie = ReportingTesting.region(jdbc, "slaskie");
        long expert = ReportingTesting.expert(jdbc);
        long other = ReportingTesting.otherExpert(jdbc);

        Report report = queries.report(ReportingTesting.YEAR, null);

        assertThat(report.regions()).hasSize(2);
        hours(byKey(report.regions()).get(malopolskie), "3.75", "0");
        hours(byKey(report.regions()).get(slaskie), "4", "2");
        assertThat(report.experts()).hasSize(2);
        hours(byKey(report.experts()).get(expert), "6.5", "0");
        hours(byKey(report.experts()).get(other), "1.25", "2");
        assertThat(report.topics()).hasSize(2);
        hours(byKey(report.topics()).get(ReportingTesting.topic(jdbc, 1)), "3.75", "0");
        hours(byKey(report.topics()).get(ReportingTesting.topic(jdbc, 2)), "4", "2");
        assertThat(report.months()).extracting(Line::key).containsExactlyInAnyOrder(3L, 4L, 5L);
        hours(byKey(report.months()).get(3L), "3.75", "0");
        hours(byKey(report.months()).get(4L), "4", "0");
        hours(byKey(report.months()).get(5L), "0", "2");
        hours(report.total(), "7.75", "2");
        assertThat(report.sessions()).as("the refused session is not one").isEqualTo(4);
        assertThat(report.cases())
                .as("C requested on 31.12 at 23:30 counts in 2015, E on 1.01 at 0:30 does not; D was requested in 2014")
                .containsOnly(
                        Map.entry(AdvisoryStatus.COMPLETED, 1L),
                        Map.entry(AdvisoryStatus.IN_PROGRESS, 1L),
                        Map.entry(AdvisoryStatus.SUBMITTED, 1L));
        assertThat(report.ratings()).as("A and D were rated in 2015").isEqualTo(2);
        assertThat(report.averageRating()).isEqualByComparingTo("3.5");

        Report region = queries.report(ReportingTesting.YEAR, malopolskie);
        assertThat(region.regions()).extracting(Line::key).containsExactly(malopolskie);
        hours(region.total(), "3.75", "0");
        assertThat(region.cases())
                .containsOnly(Map.entry(AdvisoryStatus.COMPLETED, 1L), Map.entry(AdvisoryStatus.SUBMITTED, 1L));
        assertThat(region.averageRating()).isEqualByComparingTo("4");

        Report earlier = queries.report(2014, slaskie);
        hours(earlier.total(), "1", "0");
        assertThat(earlier.cases()).containsOnly(Map.entry(AdvisoryStatus.COMPLETED, 1L));
        assertThat(earlier.ratings()).isZero();
        assertThat(queries.report(2016, malopolskie).cases()).containsEntry(AdvisoryStatus.SUBMITTED, 1L);
    }

    @Test
    void theOperatorSeesEveryChartWithItsTableInPolishNumbersAndTheFiles() {
        ReportingTesting.known(jdbc);
        String expertName = name(ReportingTesting.expert(jdbc));
        SignedInClient editor = new SignedInClient(port, "127.0.32.1");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);

        HttpResponse<String> page = editor.get("/doradztwo/zestawienia?rok=2015");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body)
                .contains("id=\"godziny-wojewodztwa\"")
                .contains("id=\"godziny-eksperci\"")
                .contains("id=\"godziny-tematy\"")
                .contains("id=\"godziny-miesiace\"")
                .contains("3,75\u00a0godz.")
                .contains("6,5\u00a0godz.")
                .contains("7,75 godziny")
                .contains("3,5 na 5 (2 oceny)")
                .contains(expertName)
                .contains("/doradztwo/zestawienia/sprawy.xlsx?rok=2015")
                .contains("/doradztwo/zestawienia/sesje.csv?rok=2015");
        assertThat(body).as("the pending hours by region").contains("Godziny czekające na zgodę");
        assertThat(body).as("no title of a case").doesNotContain(ReportingTesting.TITLE);
        assertThat(body).containsPattern("<option value=\"2015\" selected");
    }

    @Test
    void centralInstitutionsSeeTheAggregatesButNoExpertNameAndNothingLeadingIntoACase() {
        ReportingTesting.known(jdbc);
        String expertName = name(ReportingTesting.expert(jdbc));
        String otherName = name(ReportingTesting.otherExpert(jdbc));
        SignedInClient central = new SignedInClient(port, "127.0.32.2");
        central.signInFully(DemoAccounts.CENTRAL_INSTITUTION, DemoAccounts.PASSWORD, null);

        HttpResponse<String> page = central.get("/doradztwo/zestawienia?rok=2015");

        assertThat(page.statusCode()).isEqualTo(200);
        // The page's own content; the header's navigation is the layout's.
        String main =
                page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>"));
        assertThat(main)
                .contains("id=\"godziny-wojewodztwa\"")
                .contains("3,75\u00a0godz.")
                .doesNotContain("id=\"godziny-eksperci\"")
                .contains("widzi tylko operator programu")
                .doesNotContain(expertName)
                .doesNotContain(otherName)
                .doesNotContain(ReportingTesting.TITLE)
                .doesNotContain("href=\"/doradztwo\"")
                .doesNotContain("href=\"/doradztwo/")
                .doesNotContain("sprawy.csv");
        assertThat(central.get("/doradztwo/zestawienia/sprawy.csv").statusCode())
                .isEqualTo(403);
        assertThat(central.get("/doradztwo/zestawienia/sesje.xlsx").statusCode())
                .isEqualTo(403);
    }

    @Test
    void regionsExpertsAndParticipantsAreRefusedAndVisitorsSentToSignIn() {
        assertThat(new Http(port).get("/doradztwo/zestawienia").statusCode()).isEqualTo(302);
        String[][] refused = {
            {DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.TOTP_SECRET, "127.0.32.3"},
            {DemoAccounts.COMMITTEE_MALOPOLSKIE, null, "127.0.32.4"},
            {DemoAccounts.EXPERT, null, "127.0.32.5"},
            {DemoAccounts.EXPERT_OTHER, null, "127.0.32.6"},
            {DemoAccounts.PARTICIPANT, null, "127.0.32.7"}
        };
        for (String[] person : refused) {
            SignedInClient client = new SignedInClient(port, person[2]);
            client.signInFully(person[0], DemoAccounts.PASSWORD, person[1]);
            for (String path : List.of(
                    "/doradztwo/zestawienia",
                    "/doradztwo/zestawienia/sprawy.csv",
                    "/doradztwo/zestawienia/sprawy.xlsx",
                    "/doradztwo/zestawienia/sesje.csv",
                    "/doradztwo/zestawienia/sesje.xlsx")) {
                assertThat(client.get(path).statusCode())
                        .as(person[0] + " " + path)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void theYearDefaultsToTheCurrentOneAndHostileFiltersAreIgnoredNeverAnError() {
        ReportingTesting.known(jdbc);
        SignedInClient editor = new SignedInClient(port, "127.0.32.8");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        int current = LocalDate.now(ReportingTesting.WARSAW).getYear();

        assertThat(editor.get("/doradztwo/zestawienia").body())
                .contains("Dane za " + current + " rok, wszystkie województwa");
        assertThat(editor.get("/doradztwo/zestawienia?rok=2015&wojewodztwo=malopolskie")
                        .body())
                .contains("Dane za 2015 rok, województwo małopolskie");
        List<String> hostile = List.of(
                "' or 1=1 --",
                "<script>alert(1)</script>",
                "99999999999999999999",
                "-1",
                "0",
                "2015.5",
                "1e3",
                "",
                "%00",
                "𝕿𝖍𝖊",
                "9999");
        for (String value : hostile) {
            String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
            HttpResponse<String> page = editor.get("/doradztwo/zestawienia?rok=" + v + "&wojewodztwo=" + v);
            assertThat(page.statusCode()).as(value).isEqualTo(200);
            assertThat(page.body()).as(value).contains("Dane za " + current + " rok, wszystkie województwa");
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
            HttpResponse<String> file = editor.get("/doradztwo/zestawienia/sesje.csv?rok=" + v + "&wojewodztwo=" + v);
            assertThat(file.statusCode()).as(value).isEqualTo(200);
        }
        assertThat(editor.get("/doradztwo/zestawienia?rok=2015&rok=2016").statusCode())
                .isLessThan(500);
    }

    @Test
    void theRegionPageShowsThePublicFiguresWithoutTitlesNamesOrContents() {
        ReportingTesting.Known known = ReportingTesting.known(jdbc);
        // The section keeps its figures half a minute; a change of a case forgets them, as the tests' inserts
        // do not publish one, say so here.
        events.publishEvent(new AdvisoryChanged(AdvisoryAction.ADVISORY_REQUESTED, known.a(), 0, null, null));
        long malopolskie = ReportingTesting.region(jdbc, "malopolskie");
        Map<String, Long> expected = jdbc.sql("""
                        select count(*) filter (where status = 'COMPLETED') as completed,
                               count(*) filter (where status = 'IN_PROGRESS') as in_progress,
                               count(*) filter (where status in ('SUBMITTED', 'ACCEPTED', 'SCHEDULED')) as waiting
                        from advisory_request where region_id = :r
                        """)
                .param("r", malopolskie)
                .query((rs, n) ->
                        Map.of("completed", rs.getLong(1), "inProgress", rs.getLong(2), "waiting", rs.getLong(3)))
                .single();
        BigDecimal total =
                jdbc.sql("""
                        select coalesce(sum(x.hours), 0) from advisory_session x
                        join advisory_request r on r.id = x.request_id
                        where r.region_id = :r and (x.consent is null or x.consent = 'GRANTED')
                        """).param("r", malopolskie).query(BigDecimal.class).single();

        String body = new Http(port).get("/regiony/malopolskie").body();

        String section = body.substring(body.indexOf("id=\"advisory-numbers-heading\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section)
                .contains("Doradztwo w liczbach")
                .contains(plural(expected.get("completed")))
                .contains(plural(expected.get("waiting")))
                .contains(hoursText(total))
                .contains("Monitorowanie regionalnego programu")
                .doesNotContain(ReportingTesting.TITLE)
                .doesNotContain("Urząd gminy")
                .doesNotContain("Podsumowanie")
                .doesNotContain(name(ReportingTesting.expert(jdbc)));
        assertThat(total).as("the refused 3 hours of A are not in the total").isNotNull();
    }

    private static String plural(long cases) {
        long tens = cases % 100;
        long units = cases % 10;
        String word = cases == 1 ? "sprawa" : units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "sprawy" : "spraw";
        return cases + " " + word;
    }

    private static String hoursText(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString().replace('.', ',') + " godz";
    }

    private String name(long account) {
        return jdbc.sql("select display_name from account where id = :id")
                .param("id", account)
                .query(String.class)
                .single();
    }
}
