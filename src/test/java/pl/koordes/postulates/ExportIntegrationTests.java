package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * The list, the statistics and the open data as files, read back as a machine would: the documented header,
 * the rows of the current filters on every page, nothing a person typed turned into a formula, and every
 * string of blns.txt as a title coming back intact in the files and escaped on the pages.
 */
@IntegrationTest
class ExportIntegrationTests {

    private static final String FORMULA = "=HYPERLINK(\"http://zlo.example\";\"Kliknij\")";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long hostile;

    @BeforeEach
    void aPostulateThatLooksLikeFormulas() {
        hostile = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal,
                            justification, status, created_at, updated_at, submitted_at, forwarded_at, answer_due,
                            first_answered_at, last_answered_at)
                        values ((select id from region where slug = 'malopolskie'),
                                (select id from institution where short_name = 'MRPiPS'), :title, '+1+1',
                                '-2+3', '@SUM(A1:A2)', 'REJECTED', now(), now(), now() - interval '40 days',
                                now() - interval '30 days', current_date, now(), now())
                        returning id""").param("title", FORMULA).query(Long.class).single();
        jdbc.sql("""
                        insert into postulates_answer (postulate_id, version, institution_id, status, body, answered_at)
                        values (:id, 1, (select id from institution where short_name = 'MRPiPS'), 'REJECTED',
                                '=1+1 odrzucamy', now())""").param("id", hostile).update();
        jdbc.sql("insert into postulates_area (postulate_id, area_code) values (:id, 'III')")
                .param("id", hostile)
                .update();
    }

    @AfterEach
    void remove() {
        jdbc.sql("delete from postulates_postulate where id = :id or title like 'BLNS %'")
                .param("id", hostile)
                .update();
    }

    private HttpResponse<String> get(String path) {
        return new SignedInClient(port, "127.0.20.30").get(path);
    }

    private static List<CSVRecord> parse(String body) throws IOException {
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

    @Test
    void theListAsCsvHoldsEveryPageOfTheFilteredListWithNoFormula() throws IOException {
        HttpResponse<String> response = get("/postulaty.csv?wojewodztwo=malopolskie");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("postulaty.csv"));
        assertThat(response.body().lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFid;adres;tytul;wojewodztwo;adresat;obszary;status;data_zlozenia;wspolpodpisy;"
                        + "termin_odpowiedzi;dni_po_terminie");
        List<CSVRecord> rows = parse(response.body());
        List<Long> expected = jdbc.sql("""
                        select p.id from postulates_postulate p join region r on r.id = p.region_id
                        where r.slug = 'malopolskie' and p.status not in ('DRAFT', 'MERGED')
                        order by p.submitted_at desc, p.id desc""").query(Long.class).list();
        assertThat(rows.stream().map(r -> Long.parseLong(r.get("id")))).containsExactlyElementsOf(expected);
        CSVRecord formula = rows.stream()
                .filter(r -> r.get("id").equals(Long.toString(hostile)))
                .findFirst()
                .orElseThrow();
        assertThat(formula.get("tytul")).isEqualTo("'" + FORMULA);
        assertThat(formula.get("wojewodztwo")).isEqualTo("małopolskie");
        assertThat(formula.get("adresat")).isEqualTo("MRPiPS");
        assertThat(formula.get("obszary")).isEqualTo("III");
        assertThat(formula.get("status")).isEqualTo("Odrzucony");
        assertThat(formula.get("data_zlozenia")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(rows)
                .allSatisfy(
                        r -> assertThat(r.get("tytul")).doesNotStartWith("=").doesNotStartWith("+"));
        // The filter of the link the page offers.
        assertThat(parse(get("/postulaty.csv?status=odrzucony&obszar=III").body()))
                .extracting(r -> r.get("id"))
                .contains(Long.toString(hostile));
    }

    @Test
    void theListAsXlsxHasTheSameRowsAndQuotesTextThatLooksLikeAFormula() throws IOException {
        HttpResponse<byte[]> response = new Http(port).getBytes("/postulaty.xlsx?wojewodztwo=malopolskie");
        assertThat(response.statusCode()).isEqualTo(200);
        int csvRows =
                parse(get("/postulaty.csv?wojewodztwo=malopolskie").body()).size();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(csvRows);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("tytul");
            Row found = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(0).getNumericCellValue() == hostile) {
                    found = row;
                }
            }
            assertThat(found).isNotNull();
            Cell title = found.getCell(2);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(title.getCellStyle().getQuotePrefixed()).isTrue();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
        HttpResponse<byte[]> stats = new Http(port).getBytes("/postulaty/statystyki.xlsx");
        assertThat(stats.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(stats.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("adresat");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
                    .isEqualTo("Razem");
        }
    }

    @Test
    void theOpenDataHoldEveryPublicPostulateWithItsLatestAnswer() throws IOException {
        HttpResponse<String> page = get("/postulaty/dane");
        assertThat(page.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(get("/postulaty/dane/postulaty.csv").body());
        for (String column : rows.getFirst().getParser().getHeaderNames()) {
            assertThat(page.body()).contains("<code>" + column + "</code>");
        }
        assertThat(page.body()).contains("CC BY 4.0").contains("średnikiem");
        long count = jdbc.sql("select count(*) from postulates_postulate where status <> 'DRAFT'")
                .query(Long.class)
                .single();
        assertThat(rows).hasSize((int) count);
        Map<String, CSVRecord> byId = rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
        CSVRecord formula = byId.get(Long.toString(hostile));
        assertThat(formula.get("tytul")).isEqualTo("'" + FORMULA);
        assertThat(formula.get("problem")).isEqualTo("'+1+1");
        assertThat(formula.get("propozycja")).isEqualTo("'-2+3");
        assertThat(formula.get("uzasadnienie")).isEqualTo("'@SUM(A1:A2)");
        assertThat(formula.get("odpowiedz_status")).isEqualTo("REJECTED");
        assertThat(formula.get("odpowiedz_tresc")).isEqualTo("'=1+1 odrzucamy");
        assertThat(formula.get("odpowiedz_instytucja")).isEqualTo("Ministerstwo Rodziny, Pracy i Polityki Społecznej");
        assertThat(formula.get("kod_teryt")).isEqualTo("12");
        // The latest version of a corrected answer.
        String corrected = jdbc.sql("""
                        select a.postulate_id || ';' || a.body from postulates_answer a
                        where a.version = (select max(version) from postulates_answer b where b.postulate_id = a.postulate_id)
                          and exists (select 1 from postulates_answer c where c.postulate_id = a.postulate_id and c.version > 1)
                        limit 1""").query(String.class).optional().orElse(null);
        if (corrected != null) {
            String[] parts = corrected.split(";", 2);
            assertThat(byId.get(parts[0]).get("odpowiedz_tresc")).isEqualTo(ExcelCsv.safe(parts[1]));
        }
        // Merged duplicates are there, with the postulate they were merged into.
        assertThat(rows)
                .anyMatch(r -> r.get("status").equals("MERGED")
                        && !r.get("polaczony_z").isEmpty());
        jdbc.sql("select title from postulates_postulate where status = 'DRAFT'")
                .query(String.class)
                .list()
                .forEach(title -> assertThat(rows).noneMatch(r -> r.get("tytul").equals(title)));
    }

    @Test
    void everyBlnsStringAsATitleComesBackIntactInTheFilesAndEscapedOnThePages() throws IOException {
        List<String> corpus = NaughtyStrings.corpus().stream()
                .filter(s -> !s.isBlank() && s.indexOf('\0') < 0)
                .map(s -> s.length() > 290 ? s.substring(0, 290) : s)
                .distinct()
                .toList();
        for (int i = 0; i < corpus.size(); i++) {
            jdbc.sql("""
                            insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                                created_at, updated_at, submitted_at, signing_closes_at)
                            values ((select id from region where slug = 'opolskie'),
                                    (select id from institution where short_name = 'MF'), :title, :text, :text,
                                    'SUBMITTED', now(), now(), now() - :i * interval '1 minute', now())""")
                    .param("title", "BLNS " + corpus.get(i))
                    .param("text", corpus.get(i))
                    .param("i", i)
                    .update();
        }
        List<CSVRecord> rows =
                parse(get("/postulaty.csv?wojewodztwo=opolskie&status=zlozony").body());
        List<String> titles = rows.stream().map(r -> r.get("tytul")).toList();
        for (String text : corpus) {
            assertThat(titles).contains(ExcelCsv.safe("BLNS " + text));
        }
        List<CSVRecord> open = parse(get("/postulaty/dane/postulaty.csv").body());
        for (String text : corpus) {
            assertThat(open).anyMatch(r -> r.get("problem").equals(ExcelCsv.safe(text)));
        }
        HttpResponse<byte[]> xlsx = new Http(port).getBytes("/postulaty.xlsx?wojewodztwo=opolskie&status=zlozony");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(rows.size());
        }
        // On the pages: never a raw tag from the corpus.
        int pages = (rows.size() + 19) / 20;
        for (int n = 1; n <= pages; n++) {
            HttpResponse<String> page = get("/postulaty?wojewodztwo=opolskie&status=zlozony&strona=" + n);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x onerror")
                    .doesNotContain("<svg onload");
        }
        long one = jdbc.sql("select min(id) from postulates_postulate where title like 'BLNS <script>%'")
                .query(Long.class)
                .single();
        HttpResponse<String> postulate = get("/postulaty/" + one);
        assertThat(postulate.statusCode()).isEqualTo(200);
        assertThat(postulate.body()).contains("&lt;script&gt;").doesNotContain("BLNS <script>");
        assertThat(new String(new Http(port).getBytes("/regiony/opolskie").body(), StandardCharsets.UTF_8))
                .doesNotContain("<script>alert");
    }
}
