package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * The operator's files: one row per case (with counted and pending hours apart, refused ones nowhere) and one row
 * per session, within the year and region; every blns title back as typed, a title that looks like a formula
 * neutralised (an apostrophe in the CSV, a quote-prefixed text cell in the XLSX); each download audited with what
 * and the filter.
 */
@IntegrationTest
class ReportingExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void remove() {
        ReportingTesting.removeAll(jdbc);
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.EXCEL
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new StringReader(body.substring(1)))
                .getRecords();
    }

    private SignedInClient editor(String address) {
        SignedInClient editor = new SignedInClient(port, address);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        return editor;
    }

    private HttpResponse<byte[]> bytes(SignedInClient client, String path) {
        return new Http(port).getBytes(path, "Cookie", SignedInClient.SESSION_COOKIE + "=" + client.session());
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit_entry where action = 'ADVISORY_EXPORTED'")
                .query(Long.class)
                .single();
    }

    private String lastAudit() {
        return jdbc.sql("select cast(after_value as text) from audit_entry where action = 'ADVISORY_EXPORTED'"
                        + " order by id desc limit 1")
                .query(String.class)
                .single();
    }

    @Test
    void oneRowPerCaseOfTheYearWithItsHoursExpertsAndRatingAudited() throws IOException {
        ReportingTesting.Known known = ReportingTesting.known(jdbc);
        String expert = name(ReportingTesting.expert(jdbc));
        String other = name(ReportingTesting.otherExpert(jdbc));
        SignedInClient editor = editor("127.0.32.11");
        long before = audits();

        HttpResponse<String> response = editor.get("/doradztwo/zestawienia/sprawy.csv?rok=2015");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("doradztwo-sprawy-2015.csv"));
        List<CSVRecord> records = parse(response.body());
        assertThat(records.getFirst().toList())
                .containsExactly(
                        "Nr sprawy",
                        "Województwo",
                        "Temat",
                        "Tytuł",
                        "Rodzaj",
                        "Forma",
                        "Stan",
                        "Data wniosku",
                        "Data decyzji",
                        "Data zakończenia",
                        "Limit godzin",
                        "Godziny policzone",
                        "Godziny czekające na zgodę",
                        "Eksperci",
                        "Ocena");
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows)
                .extracting(r -> r.get(0))
                .containsExactly(Long.toString(known.a()), Long.toString(known.b()), Long.toString(known.c()));
        assertThat(rows.getFirst().toList())
                .containsExactly(
                        Long.toString(known.a()),
                        "małopolskie",
                        "Monitorowanie regionalnego programu",
                        "Raport testowy A",
                        "Doradztwo grupowe",
                        "Online",
                        "Zakończone",
                        "01.02.2015",
                        "01.02.2015",
                        "01.06.2015",
                        "10.00",
                        "3.75",
                        "0",
                        expert + ", " + other,
                        "4");
        assertThat(rows.get(1).get(11)).isEqualTo("4.00");
        assertThat(rows.get(1).get(12)).isEqualTo("2.00");
        assertThat(rows.get(2).get(13)).as("no expert yet").isEmpty();
        assertThat(audits()).isEqualTo(before + 1);
        assertThat(lastAudit()).contains("CASES").contains("CSV").contains("2015");

        HttpResponse<byte[]> xlsx = bytes(editor, "/doradztwo/zestawienia/sprawy.xlsx?rok=2015&wojewodztwo=slaskie");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo((double) known.b());
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Raport testowy B");
            assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(4.0);
            assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(2.0);
        }
        assertThat(audits()).isEqualTo(before + 2);
        long slaskie = ReportingTesting.region(jdbc, "slaskie");
        assertThat(lastAudit()).contains("XLSX").contains(Long.toString(slaskie));
    }

    @Test
    void oneRowPerSessionWithTheConsentAndTheExpertAudited() throws IOException {
        ReportingTesting.Known known = ReportingTesting.known(jdbc);
        String expert = name(ReportingTesting.expert(jdbc));
        SignedInClient editor = editor("127.0.32.12");
        long before = audits();

        List<CSVRecord> records = parse(editor.get("/doradztwo/zestawienia/sesje.csv?rok=2015&wojewodztwo=malopolskie")
                .body());

        assertThat(records.getFirst().get(0)).isEqualTo("Nr sesji");
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows)
                .extracting(r -> r.get(0))
                .containsExactly(Long.toString(known.s1()), Long.toString(known.s2()), Long.toString(known.s3()));
        assertThat(rows.getFirst().toList())
                .containsExactly(
                        Long.toString(known.s1()),
                        Long.toString(known.a()),
                        "małopolskie",
                        "Monitorowanie regionalnego programu",
                        "10.03.2015",
                        "2.50",
                        "",
                        "Online",
                        expert,
                        "0",
                        "Urząd gminy");
        assertThat(rows.get(2).get(6)).isEqualTo("Operator nie zgodził się na godziny ponad limit");
        assertThat(audits()).isEqualTo(before + 1);
        assertThat(lastAudit()).contains("SESSIONS");

        HttpResponse<byte[]> xlsx = bytes(editor, "/doradztwo/zestawienia/sesje.xlsx?rok=2015");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(2.5);
        }
        assertThat(audits()).isEqualTo(before + 2);
    }

    @Test
    void everyBlnsTitleComesBackAsTypedAndAFormulaIsNeverOne() throws IOException {
        List<String> titles = NaughtyStrings.corpusAnd(List.of("=HYPERLINK(\"http://zlo.example\";\"klik\")", "+1+1"));
        // A title is at most 300 characters and a line; the corpus's longer ones are cut as the form would refuse them.
        List<String> used = titles.stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty()
                        && t.length() <= 270
                        && !t.contains("\u0000")
                        && !t.contains("\n")
                        && !t.contains("\r"))
                .distinct()
                .toList();
        for (int i = 0; i < used.size(); i++) {
            ReportingTesting.request(
                    jdbc,
                    "#" + i + " " + used.get(i),
                    "opolskie",
                    3,
                    "SUBMITTED",
                    ReportingTesting.at(2015, 7, 1, 12, 0),
                    null,
                    null);
        }
        SignedInClient editor = editor("127.0.32.13");

        List<CSVRecord> rows = parse(editor.get("/doradztwo/zestawienia/sprawy.csv?rok=2015&wojewodztwo=opolskie")
                        .body())
                .subList(1, used.size() + 1);
        for (int i = 0; i < used.size(); i++) {
            String expected = ReportingTesting.TITLE + " #" + i + " " + used.get(i);
            // As typed, with an apostrophe wherever a spreadsheet splitting at another separator could start a formula.
            assertThat(rows.get(i).get(3)).isEqualTo(ExcelCsv.safe(expected));
        }
        HttpResponse<byte[]> blns = bytes(editor, "/doradztwo/zestawienia/sprawy.xlsx?rok=2015&wojewodztwo=opolskie");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(blns.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < used.size(); i++) {
                if (!xmlText(used.get(i))) {
                    // XML 1.0, which XLSX is, cannot carry control characters, U+FFFE/U+FFFF or lone surrogates;
                    // POI writes them as question marks.
                    continue;
                }
                assertThat(sheet.getRow(i + 1).getCell(3).getStringCellValue())
                        .isEqualTo(ReportingTesting.TITLE + " #" + i + " " + used.get(i));
            }
        }

        String formula = "=HYPERLINK(\"http://zlo.example\";\"klik\")";
        ReportingTesting.removeAll(jdbc);
        ReportingTesting.request(
                jdbc, "", "opolskie", 3, "SUBMITTED", ReportingTesting.at(2015, 7, 1, 12, 0), null, null);
        jdbc.sql("update advisory_request set title = :t where title = :old")
                .param("t", formula)
                .param("old", ReportingTesting.TITLE + " ")
                .update();
        try {
            List<CSVRecord> csv = parse(editor.get("/doradztwo/zestawienia/sprawy.csv?rok=2015&wojewodztwo=opolskie")
                    .body());
            assertThat(csv.get(1).get(3)).isEqualTo("'" + formula);
            HttpResponse<byte[]> xlsx =
                    bytes(editor, "/doradztwo/zestawienia/sprawy.xlsx?rok=2015&wojewodztwo=opolskie");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                var cell = workbook.getSheetAt(0).getRow(1).getCell(3);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(formula);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
        } finally {
            jdbc.sql("delete from advisory_request where title = :t")
                    .param("t", formula)
                    .update();
        }
    }

    private static boolean xmlText(String text) {
        return text.codePoints()
                .allMatch(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000);
    }

    private String name(long account) {
        return jdbc.sql("select display_name from account where id = :id")
                .param("id", account)
                .query(String.class)
                .single();
    }
}
