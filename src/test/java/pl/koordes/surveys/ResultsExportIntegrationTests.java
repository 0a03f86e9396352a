package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
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
import pl.koordes.surveys.ResultsTesting.Built;

/**
 * The answers as CSV and XLSX: one row per submitted answer (drafts never), a column per question, per option
 * of a multiple choice and per row of a matrix; the person only when the survey is not anonymous (and no time
 * of submission when it is); formulas neutralised; every blns string back as typed; each download audited.
 */
@IntegrationTest
class ResultsExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeSurveys() {
        ResultsTesting.removeAll(jdbc);
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

    @Test
    void oneRowPerSubmittedAnswerAndAColumnPerQuestionOptionAndRowWithThePerson() throws IOException {
        Built s = ResultsTesting.survey(jdbc, "eksport", "CLOSED", "PERSON", false, "PUBLIC");
        ResultsTesting.knownAnswers(jdbc, s);
        long participant = ResultsTesting.account(jdbc, DemoAccounts.PARTICIPANT);
        ResultsTesting.respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                participant,
                null,
                "opolskie",
                "NGO",
                ResultsTesting.answer().option(s.single(), s.no()).row(s.matrix(), s.row2(), 5));
        String name = jdbc.sql("select display_name from account where id = :id")
                .param("id", participant)
                .query(String.class)
                .single();
        long before = audits(s.survey());

        HttpResponse<String> response = new Http(port).get("/ankiety/" + s.survey() + "/wyniki.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        List<CSVRecord> records = parse(response.body());
        assertThat(records.getFirst().toList())
                .containsExactly(
                        "Nr",
                        "Data wysłania",
                        "Województwo",
                        "Rodzaj instytucji",
                        "Osoba",
                        "P1. Czy korzystacie z doradztwa?",
                        "P1. Czy korzystacie z doradztwa? — Inna (jaka?)",
                        "P2. Jakie tematy? — Zamówienia",
                        "P2. Jakie tematy? — Reintegracja",
                        "P2. Jakie tematy? — Finanse",
                        "P2. Jakie tematy? — Inna (jaka?)",
                        "P3. Jak oceniacie wsparcie?",
                        "P4. Oceń obszary — Szkolenia",
                        "P4. Oceń obszary — Doradztwo indywidualne",
                        "P5. Ile osób zatrudniacie?",
                        "P6. Kiedy planujecie szkolenie?",
                        "P7. Czego brakuje?",
                        "P8. Opiszcie doradztwo");
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows).as("the draft is not exported").hasSize(5);
        assertThat(rows.getFirst().toList())
                .containsExactly(
                        "1",
                        rows.getFirst().get(1),
                        "małopolskie",
                        "Ośrodek wsparcia ekonomii społecznej",
                        "",
                        "Tak",
                        "",
                        "1",
                        "1",
                        "",
                        "",
                        "5",
                        "4",
                        "2",
                        "10",
                        "15.01.2026",
                        "Szkolenia z zamówień publicznych",
                        "Więcej doradztwa prawnego");
        assertThat(rows.getFirst().get(1)).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        assertThat(rows.get(3).get(6)).isEqualTo("Czasami");
        assertThat(rows.get(3).get(14)).isEqualTo("40.5");
        assertThat(rows.get(4).get(4)).isEqualTo(name);
        assertThat(rows.get(4).get(2)).isEqualTo("opolskie");
        assertThat(response.body()).doesNotContain("Szkic, którego nie widać");
        assertThat(audits(s.survey())).isEqualTo(before + 1);

        assertThat(parse(new Http(port)
                                .get("/ankiety/" + s.survey() + "/wyniki.csv?wojewodztwo=slaskie")
                                .body())
                        .size())
                .isEqualTo(3);

        HttpResponse<byte[]> xlsx = new Http(port).getBytes("/ankiety/" + s.survey() + "/wyniki.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("P4. Oceń obszary — Szkolenia");
            assertThat(sheet.getRow(1).getCell(12).getNumericCellValue()).isEqualTo(4.0);
            assertThat(sheet.getRow(4).getCell(14).getNumericCellValue()).isEqualTo(40.5);
            assertThat(sheet.getRow(5).getCell(4).getStringCellValue()).isEqualTo(name);
        }
        assertThat(audits(s.survey())).isEqualTo(before + 3);
        assertThat(jdbc.sql("""
                        select after_value ->> 'format' from audit_entry
                        where action = 'SURVEY_RESULTS_EXPORTED' and target_id = :id order by id desc limit 1
                        """)
                        .param("id", Long.toString(s.survey()))
                        .query(String.class)
                        .single())
                .isEqualTo("XLSX");
    }

    @Test
    void anAnonymousSurveyExportsNoPersonAndNoTime() throws IOException {
        Built s = ResultsTesting.survey(jdbc, "anonimowa", "OPEN", "PERSON", true, "PUBLIC");
        ResultsTesting.knownAnswers(jdbc, s);
        // As stored for an anonymous survey: no account on the answer, the person only in participation.
        long participant = ResultsTesting.account(jdbc, DemoAccounts.PARTICIPANT);
        jdbc.sql("insert into surveys_participation (survey_id, account_id) values (:s, :a)")
                .param("s", s.survey())
                .param("a", participant)
                .update();
        String name = jdbc.sql("select display_name from account where id = :id")
                .param("id", participant)
                .query(String.class)
                .single();

        String body =
                new Http(port).get("/ankiety/" + s.survey() + "/wyniki.csv").body();

        List<CSVRecord> records = parse(body);
        assertThat(records.getFirst().toList())
                .startsWith(
                        "Nr", "Data wysłania", "Województwo", "Rodzaj instytucji", "P1. Czy korzystacie z doradztwa?")
                .doesNotContain("Osoba");
        for (CSVRecord row : records.subList(1, records.size())) {
            assertThat(row.get(1)).matches("\\d{2}\\.\\d{2}\\.\\d{4}");
        }
        assertThat(body).doesNotContain(name).doesNotContain(DemoAccounts.PARTICIPANT);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new Http(port)
                .getBytes("/ankiety/" + s.survey() + "/wyniki.xlsx")
                .body()))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(cell -> names.add(cell.getStringCellValue()));
            assertThat(names).doesNotContain("Osoba");
        }
    }

    @Test
    void anInstitutionsAnswerNamesTheInstitution() throws IOException {
        Built s = ResultsTesting.survey(jdbc, "instytucje", "CLOSED", "INSTITUTION", false, "OPERATORS");
        long centre = ResultsTesting.regionalCentre(jdbc, "malopolskie");
        ResultsTesting.respond(
                jdbc,
                s.survey(),
                "SUBMITTED",
                ResultsTesting.account(jdbc, DemoAccounts.COORDINATOR_MALOPOLSKIE),
                centre,
                "malopolskie",
                "ROPS",
                ResultsTesting.answer().option(s.single(), s.yes()));
        String institution = jdbc.sql("select name from institution where id = :id")
                .param("id", centre)
                .query(String.class)
                .single();
        String path = "/ankiety/" + s.survey() + "/wyniki.csv";
        assertThat(new Http(port).get(path).statusCode())
                .as("results for the operator only")
                .isEqualTo(302);

        SignedInClient editor = new SignedInClient(port, "127.0.27.11");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        List<CSVRecord> records = parse(editor.get(path).body());
        assertThat(records.getFirst().get(4)).isEqualTo("Instytucja");
        assertThat(records.getFirst().get(5)).isEqualTo("Osoba");
        assertThat(records.get(1).get(4)).isEqualTo(institution);
        assertThat(records.get(1).get(3)).isEqualTo("Regionalny ośrodek polityki społecznej");
    }

    @Test
    void formulasAreNeutralisedAndEveryBlnsStringComesBackAsTyped() throws IOException {
        Built s = ResultsTesting.survey(jdbc, "blns", "OPEN", "PERSON", true, "PUBLIC");
        jdbc.sql("update surveys_question set text = 'Nowak,=SUM(A1:A9)' where id = :q")
                .param("q", s.shortText())
                .update();
        List<String> corpus = NaughtyStrings.payloadsAnd(List.of(
                        "=HYPERLINK(\"http://zly.example\";\"kliknij\")", "+1+1", "@SUM(1)", "-2+3", "Nowak,=1+1"))
                .stream()
                .filter(t -> !t.isBlank() && t.chars().noneMatch(c -> c < 0x20 && c != '\t'))
                .distinct()
                .toList();
        for (String text : corpus) {
            ResultsTesting.respond(
                    jdbc,
                    s.survey(),
                    "SUBMITTED",
                    null,
                    null,
                    null,
                    null,
                    ResultsTesting.answer().text(s.shortText(), text).other(s.multiple(), text));
        }

        List<CSVRecord> records = parse(
                new Http(port).get("/ankiety/" + s.survey() + "/wyniki.csv").body());

        // The question's text in the header is neutralised too.
        int column = records.getFirst().toList().indexOf("P7. Nowak,'=SUM(A1:A9)");
        assertThat(column).isPositive();
        List<String> texts = new ArrayList<>();
        for (CSVRecord row : records.subList(1, records.size())) {
            texts.add(row.get(column));
        }
        assertThat(texts).hasSize(corpus.size());
        for (String text : corpus) {
            assertThat(texts).contains(ExcelCsv.safe(text));
        }
        assertThat(texts)
                .contains("'=HYPERLINK(\"http://zly.example\";\"kliknij\")", "'+1+1", "'@SUM(1)", "Nowak,'=1+1");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new Http(port)
                .getBytes("/ankiety/" + s.survey() + "/wyniki.xlsx")
                .body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int xlsxColumn = -1;
            for (Cell cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals("P7. Nowak,=SUM(A1:A9)")) {
                    xlsxColumn = cell.getColumnIndex();
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                }
            }
            assertThat(xlsxColumn).isPositive();
            List<String> cells = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Cell cell = sheet.getRow(r).getCell(xlsxColumn);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                if (ExcelCsv.startsLikeAFormula(cell.getStringCellValue())) {
                    assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                }
                cells.add(cell.getStringCellValue());
            }
            // XML 1.0, and so XLSX, cannot hold the noncharacters U+FFFE and U+FFFF: POI writes "?" for them.
            assertThat(cells)
                    .containsExactlyInAnyOrderElementsOf(corpus.stream()
                            .map(t -> t.replaceAll("[\\uFFFE\\uFFFF]", "?"))
                            .toList());
        }
        // On the page of typed answers: escaped, never markup.
        String page = new Http(port)
                .get("/ankiety/" + s.survey() + "/wyniki/teksty?pytanie=" + s.shortText())
                .body();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x onerror");
    }

    private long audits(long survey) {
        return jdbc.sql("select count(*) from audit_entry where action = 'SURVEY_RESULTS_EXPORTED' and target_id = :id")
                .param("id", Long.toString(survey))
                .query(Long.class)
                .single();
    }
}
