package pl.koordes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report's numbers equal counts made here from the modules' own public interfaces for the same demo data,
 * never from the sections' statements: the meetings from the open-data API ({@code /api/v1/events}), the
 * participants and their attendance from each event's registration list ({@code uczestnicy.csv}), the advisory
 * from its files of sessions and cases ({@code /doradztwo/zestawienia/sesje.csv}, {@code sprawy.csv}). The
 * workbook is read back with POI and its figures compared with the page's.
 */
@IntegrationTest
class ProgrammeReportIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Locale PL = Locale.forLanguageTag("pl");

    @LocalServerPort
    int port;

    @Autowired
    Messages messages;

    private SignedInClient signedIn(String email, String address) {
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(email, DemoAccounts.PASSWORD, null);
        return client;
    }

    /** Every public event of the year from the open-data API (optionally of one region). */
    private List<JsonNode> apiEvents(String region) {
        List<JsonNode> events = new ArrayList<>();
        Http api = new Http(port);
        for (int page = 1; ; page++) {
            HttpResponse<String> response = api.get("/api/v1/events?per_page=100&page=" + page + "&date_from="
                    + ReportTesting.YEAR + "-01-01&date_to=" + ReportTesting.YEAR + "-12-31"
                    + (region.isEmpty() ? "" : "&region=" + region));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            body.get("data").forEach(events::add);
            if (page >= body.get("meta").get("pages").asInt()) {
                return events;
            }
        }
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.EXCEL
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body.substring(1)))
                .getRecords();
    }

    private String t(String key) {
        return messages.get(PL, key);
    }

    private static void add(Map<String, double[]> map, String key, int column, double value, int columns) {
        map.computeIfAbsent(key, k -> new double[columns])[column] += value;
    }

    private static void assertSame(Map<String, double[]> report, Map<String, double[]> expected) {
        expected.forEach((key, values) -> {
            assertThat(report).as(key).containsKey(key);
            assertThat(report.get(key)).as(key).hasSize(values.length);
            for (int i = 0; i < values.length; i++) {
                assertThat(report.get(key)[i]).as(key + " [" + i + "]").isCloseTo(values[i], within(0.0001));
            }
        });
    }

    @Test
    void theNationalReportCountsWhatTheModulesPublicInterfacesShow() throws IOException {
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, "127.0.50.11");
        HttpResponse<byte[]> xlsx = ReportTesting.bytes(port, editor, "/raport.xlsx?" + ReportTesting.PERIOD);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        Map<String, double[]> report = ReportTesting.numbers(xlsx.body());

        // Meetings, from the open-data API.
        String meetings = t("events.report.meetings.title") + " / ";
        Map<String, double[]> expected = new HashMap<>();
        long held = 0;
        long webinars = 0;
        long cancelled = 0;
        List<String> counted = new ArrayList<>();
        for (String level : List.of("REGIONAL", "MACROREGIONAL", "NATIONAL")) {
            add(
                    expected,
                    meetings + t("events.report.meetings.byLevel") + " / " + t("events.report.level." + level),
                    0,
                    0,
                    2);
        }
        for (String format : List.of("IN_PERSON", "ONLINE", "HYBRID")) {
            add(
                    expected,
                    meetings + t("events.report.meetings.byFormat") + " / " + t("events.report.format." + format),
                    0,
                    0,
                    2);
        }
        for (JsonNode event : apiEvents("")) {
            boolean isCancelled = event.get("status").asString().equals("CANCELLED");
            int column = isCancelled ? 1 : 0;
            add(
                    expected,
                    meetings + t("events.report.meetings.byLevel") + " / "
                            + t("events.report.level." + event.get("level").asString()),
                    column,
                    1,
                    2);
            add(
                    expected,
                    meetings + t("events.report.meetings.byFormat") + " / "
                            + t("events.report.format." + event.get("format").asString()),
                    column,
                    1,
                    2);
            if (isCancelled) {
                cancelled++;
            } else {
                held++;
                counted.add(event.get("id").asString());
                if (event.get("type").asString().equals("WEBINAR")) {
                    webinars++;
                }
            }
        }
        assertThat(held).as("the demo has meetings this year").isPositive();
        String total = t("events.report.total");
        expected.put(meetings + t("events.report.meetings.byLevel") + " / " + total, new double[] {held, cancelled});
        expected.put(meetings + t("events.report.meetings.byFormat") + " / " + total, new double[] {held, cancelled});
        expected.put(meetings + meetings + t("events.report.meetings.heldFigure"), new double[] {held});
        expected.put(meetings + meetings + t("events.report.meetings.webinars"), new double[] {webinars});
        expected.put(meetings + meetings + t("events.report.meetings.cancelledFigure"), new double[] {cancelled});

        // Participants and attendance, from each counted event's registration list.
        String sheet = t("events.report.participants.title") + " / ";
        String byRegion = sheet + t("events.report.participants.byRegion") + " / ";
        String byKind = sheet + t("events.report.participants.byKind") + " / ";
        String unknown = t("events.report.participants.unknown");
        String confirmedLabel = t("events.registrationStatus.CONFIRMED");
        String attendedLabel = t("events.attendance.ATTENDED");
        long confirmed = 0;
        long attended = 0;
        long checked = 0;
        Set<String> people = new HashSet<>();
        for (String id : counted) {
            HttpResponse<String> file = editor.get("/organizacja/wydarzenia/" + id + "/uczestnicy.csv");
            assertThat(file.statusCode()).as(id).isEqualTo(200);
            List<CSVRecord> rows = csv(file.body());
            boolean anyMarked = rows.stream().anyMatch(r -> !r.get(12).isEmpty());
            for (CSVRecord row : rows) {
                if (!row.get(7).equals(confirmedLabel)) {
                    continue;
                }
                int present = row.get(12).equals(attendedLabel) ? 1 : 0;
                String region = row.get(5).isEmpty() ? unknown : row.get(5);
                String kind = row.get(4).isEmpty() ? unknown : row.get(4);
                add(expected, byRegion + region, 0, 1, 2);
                add(expected, byRegion + region, 1, present, 2);
                add(expected, byKind + kind, 0, 1, 2);
                add(expected, byKind + kind, 1, present, 2);
                confirmed++;
                attended += present;
                checked += anyMarked ? 1 : 0;
                people.add(row.get(2).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(confirmed).as("the demo has participants this year").isPositive();
        expected.put(byRegion + total, new double[] {confirmed, attended});
        expected.put(byKind + total, new double[] {confirmed, attended});
        String figures = sheet + t("events.report.participants.title") + " / ";
        expected.put(figures + t("events.report.participants.registrations"), new double[] {confirmed});
        expected.put(figures + t("events.report.participants.people"), new double[] {people.size()});
        expected.put(figures + t("events.report.participants.present"), new double[] {attended});
        if (checked > 0) {
            double rate = BigDecimal.valueOf(attended)
                    .divide(BigDecimal.valueOf(checked), 4, java.math.RoundingMode.HALF_UP)
                    .doubleValue();
            expected.put(figures + t("events.report.participants.rate"), new double[] {rate});
        }

        // Advisory, from its files of sessions and cases of the year.
        String advisory = t("advisory.report.title") + " / ";
        String hoursByRegion = advisory + t("advisory.report.byRegion") + " / ";
        String hoursByMode = advisory + t("advisory.report.byMode") + " / ";
        String refused = t("advisory.consent.REFUSED");
        String pendingLabel = t("advisory.consent.PENDING");
        double hours = 0;
        double pending = 0;
        long sessions = 0;
        for (String mode : List.of("IN_PERSON", "ONLINE")) {
            add(expected, hoursByMode + t("advisory.mode." + mode), 0, 0, 1);
        }
        for (CSVRecord row : csv(editor.get("/doradztwo/zestawienia/sesje.csv?rok=" + ReportTesting.YEAR)
                .body())) {
            String consent = row.get(6);
            if (consent.equals(refused)) {
                continue;
            }
            sessions++;
            double value = Double.parseDouble(row.get(5));
            if (consent.equals(pendingLabel)) {
                pending += value;
                continue;
            }
            hours += value;
            add(expected, hoursByRegion + row.get(2), 0, value, 1);
            add(expected, hoursByMode + row.get(7), 0, value, 1);
        }
        expected.put(hoursByRegion + total, new double[] {hours});
        expected.put(hoursByMode + total, new double[] {hours});
        expected.put(advisory + advisory + t("advisory.report.hoursFigure"), new double[] {hours});
        expected.put(advisory + advisory + t("advisory.report.pending"), new double[] {pending});
        expected.put(advisory + advisory + t("advisory.report.sessions"), new double[] {sessions});
        Map<String, double[]> cases = new TreeMap<>();
        for (String status :
                List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS", "COMPLETED", "DECLINED", "WITHDRAWN")) {
            cases.put(advisory + t("advisory.report.byStatus") + " / " + t("advisory.status." + status), new double[] {0
            });
        }
        List<CSVRecord> caseRows = csv(editor.get("/doradztwo/zestawienia/sprawy.csv?rok=" + ReportTesting.YEAR)
                .body());
        for (CSVRecord row : caseRows) {
            cases.get(advisory + t("advisory.report.byStatus") + " / " + row.get(6))[0]++;
        }
        expected.putAll(cases);
        expected.put(advisory + t("advisory.report.byStatus") + " / " + total, new double[] {caseRows.size()});
        expected.put(advisory + advisory + t("advisory.report.cases"), new double[] {caseRows.size()});

        assertSame(report, expected);

        // The page shows the same key figures as the workbook.
        HttpResponse<String> page = editor.get("/raport?" + ReportTesting.PERIOD);
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, Double> shown = figures(page.body());
        assertThat(shown).isNotEmpty();
        report.forEach((key, values) -> {
            String[] parts = key.split(" / ");
            if (parts[0].equals(parts[1]) && shown.containsKey(parts[2])) {
                double value = values[0];
                if (key.contains(t("events.report.participants.rate"))) {
                    value = value * 100;
                }
                assertThat(shown.get(parts[2])).as(key).isCloseTo(value, within(0.051));
            }
        });
    }

    /** The key figures of the page, by label, as numbers ("1 234", "12,5 godz.", "87,5%"). */
    static Map<String, Double> figures(String html) {
        Map<String, Double> figures = new HashMap<>();
        Matcher pair = FIGURE.matcher(html);
        while (pair.find()) {
            Matcher number = NUMBER.matcher(pair.group(2).replace("\u00a0", "").replace(" ", ""));
            if (number.find()) {
                figures.put(pair.group(1), Double.parseDouble(number.group().replace(',', '.')));
            }
        }
        return figures;
    }

    private static final Pattern FIGURE = Pattern.compile("<dt>([^<]*)</dt><dd>([^<]*)</dd>");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(,[0-9]+)?");
}
