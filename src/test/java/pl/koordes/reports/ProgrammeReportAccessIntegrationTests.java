package pl.koordes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.shared.charts.ChartSamples;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who reads which report: a region's coordinator and committee member read their own region's (by default, and
 * the same numbers as the operator's report of that region; another region's is 403, also by changing the
 * address), participants and experts nothing, a visitor is sent to sign in. Bad days and regions, and the Big List
 * of Naughty Strings in every parameter: 400 with the error summary, never a 500.
 */
@IntegrationTest
class ProgrammeReportAccessIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Messages messages;

    private SignedInClient signedIn(String email, String address) {
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(email, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        return client;
    }

    /** The numbers of the workbook but the participants' "people" figure's label-independent rest. */
    private Map<String, double[]> numbers(SignedInClient client, String query) {
        HttpResponse<byte[]> xlsx = ReportTesting.bytes(port, client, "/raport.xlsx?" + query);
        assertThat(xlsx.statusCode()).as(query).isEqualTo(200);
        return ReportTesting.numbers(xlsx.body());
    }

    @Test
    void aRegionReadsOnlyItsOwnRegionWhateverTheAddressSays() {
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, "127.0.50.21");
        SignedInClient coordinator = signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.50.22");
        SignedInClient committee = signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.50.23");
        SignedInClient central = signedIn(DemoAccounts.CENTRAL_INSTITUTION, "127.0.50.24");

        Map<String, double[]> operators = numbers(editor, ReportTesting.PERIOD + "&wojewodztwo=malopolskie");
        for (SignedInClient region : List.of(coordinator, committee)) {
            Map<String, double[]> own = numbers(region, ReportTesting.PERIOD);
            assertThat(own.keySet()).containsExactlyElementsOf(operators.keySet());
            operators.forEach((key, values) -> assertThat(own.get(key)).as(key).containsExactly(values));
            assertThat(region.get("/raport?" + ReportTesting.PERIOD + "&wojewodztwo=slaskie")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(ReportTesting.bytes(port, region, "/raport.xlsx?wojewodztwo=slaskie")
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> page = region.get("/raport?" + ReportTesting.PERIOD);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(">małopolskie<").doesNotContain(">śląskie<");
        }
        // Only małopolskie's people in the table of regions.
        String byRegion = messages.get(java.util.Locale.forLanguageTag("pl"), "events.report.participants.byRegion");
        assertThat(operators.keySet().stream().filter(k -> k.contains(" / " + byRegion + " / ")))
                .singleElement()
                .asString()
                .endsWith(" / małopolskie");
        // The meetings of the region are the API's events of the region.
        JsonNode api = JsonMapper.builder()
                .build()
                .readTree(new Http(port)
                        .get("/api/v1/events?per_page=100&region=malopolskie&date_from=" + ReportTesting.YEAR
                                + "-01-01&date_to=" + ReportTesting.YEAR + "-12-31")
                        .body());
        long held = 0;
        for (JsonNode event : api.get("data")) {
            if (!event.get("status").asString().equals("CANCELLED")) {
                held++;
            }
        }
        assertThat(api.get("meta").get("pages").asInt()).isLessThanOrEqualTo(1);
        String meetings = messages.get(java.util.Locale.forLanguageTag("pl"), "events.report.meetings.title");
        String heldLabel = messages.get(java.util.Locale.forLanguageTag("pl"), "events.report.meetings.heldFigure");
        assertThat(operators.get(meetings + " / " + meetings + " / " + heldLabel))
                .containsExactly(held);

        // The operator and central institutions read any region and the whole country.
        assertThat(central.get("/raport?wojewodztwo=slaskie").statusCode()).isEqualTo(200);
        assertThat(central.get("/raport").statusCode()).isEqualTo(200);
        assertThat(editor.get("/raport").body()).contains("Cały kraj");
    }

    @Test
    void othersReadNothing() {
        assertThat(new Http(port).get("/raport").statusCode()).isEqualTo(302);
        assertThat(new Http(port).get("/raport.xlsx").statusCode()).isEqualTo(302);
        for (String email : List.of(DemoAccounts.PARTICIPANT, DemoAccounts.EXPERT)) {
            SignedInClient client = signedIn(email, "127.0.50.31");
            assertThat(client.get("/raport").statusCode()).as(email).isEqualTo(403);
            assertThat(client.get("/raport.xlsx").statusCode()).as(email).isEqualTo(403);
        }
    }

    @Test
    void badDaysAndRegionsAre400WithTheErrorSummary() {
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, "127.0.50.41");
        List<String> bad = List.of(
                "od=2026-02-31",
                "od=31.02.2026",
                "do=2026-13-01",
                "od=1999-12-31",
                "do=3000-01-01",
                "od=2026-05-01&do=2026-04-30",
                "od=2015-01-01&do=2021-01-02",
                "wojewodztwo=atlantyda",
                "od=%20&do=x");
        for (String query : bad) {
            HttpResponse<String> page = editor.get("/raport?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("error-summary").contains("aria-invalid=\"true\"");
            assertThat(editor.get("/raport.xlsx?" + query).statusCode())
                    .as(query)
                    .isEqualTo(400);
        }
        assertThat(editor.get("/raport?od=2021-01-01&do=2025-12-31").statusCode())
                .isEqualTo(200);
    }

    @Test
    void naughtyStringsInEveryParameterAreNeverA500() {
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, "127.0.50.51");
        List<String> failures = new ArrayList<>();
        for (String naughty : ChartSamples.naughtyStrings()) {
            String value = URLEncoder.encode(naughty, StandardCharsets.UTF_8);
            for (String parameter : List.of("od", "do", "wojewodztwo")) {
                int status = editor.get("/raport?" + parameter + "=" + value).statusCode();
                if (status != 400 && status != 200) {
                    failures.add(parameter + "=" + naughty + " → " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
