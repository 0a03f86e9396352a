package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.monitoring.internal.OpenDataExport;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * Approved values as open data, read back as a machine would: the CSV header exactly as the page
 * documents it, only approved values, the filters, a dot in numbers, neutralised text fields, and the
 * XLSX with the same columns.
 */
@IntegrationTest
class OpenDataIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageDocumentsEveryColumnOfTheCsv() {
        HttpResponse<String> page = new SignedInClient(port, "127.0.16.10").get("/monitoring/dane");
        assertThat(page.statusCode()).isEqualTo(200);
        for (String column : OpenDataExport.HEADER) {
            assertThat(page.body()).contains("<code>" + column + "</code>");
        }
        assertThat(page.body())
                .contains("UTF-8")
                .contains("średnikiem")
                .contains("kropką jako separatorem dziesiętnym")
                .contains("CC BY 4.0");
    }

    @Test
    void theCsvHoldsEveryApprovedValueAndNothingElse() throws IOException {
        List<CSVRecord> all = csv("/monitoring/dane/wartosci.csv");
        long approved = jdbc.sql("select count(*) from monitoring_value where status = 'APPROVED'")
                .query(Long.class)
                .single();
        assertThat(approved).isPositive();
        assertThat(all).hasSize((int) approved);
        // No value of a draft, submitted or returned: małopolskie has none approved in the open year.
        int open = jdbc.sql("select year from monitoring_period where status = 'OPEN' order by year desc limit 1")
                .query(Integer.class)
                .single();
        assertThat(all)
                .noneMatch(r -> r.get("kod_teryt").equals("12") && r.get("rok").equals(Integer.toString(open)));
        assertThat(all)
                .allMatch(r -> r.get("wartosc").isEmpty() || r.get("wartosc").matches("\\d+(\\.\\d+)?"));
        assertThat(all).anyMatch(r -> r.get("wartosc").contains("."));
        assertThat(all).allMatch(r -> r.get("data_zatwierdzenia").matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(all).anyMatch(r -> !r.get("kod_wskaznika_kpres").isEmpty());
    }

    @Test
    void filtersByYearAndRegion() throws IOException {
        List<CSVRecord> year = csv("/monitoring/dane/wartosci.csv?rok=2022");
        assertThat(year).isNotEmpty().allMatch(r -> r.get("rok").equals("2022"));
        assertThat(year).hasSize(jdbc.sql("""
                                select count(*) from monitoring_value v join monitoring_period p on p.id = v.period_id
                                where v.status = 'APPROVED' and p.year = 2022""").query(Integer.class).single());
        List<CSVRecord> region = csv("/monitoring/dane/wartosci.csv?rok=2022&wojewodztwo=12");
        assertThat(region)
                .isNotEmpty()
                .allMatch(r -> r.get("kod_teryt").equals("12") && r.get("rok").equals("2022"));
        assertThat(region).allMatch(r -> r.get("wojewodztwo").equals("małopolskie"));
        assertThat(csv("/monitoring/dane/wartosci.csv?wojewodztwo=abc")).isEmpty();
        assertThat(csv("/monitoring/dane/wartosci.csv?rok=dwa")).isEmpty();
    }

    @Test
    void textThatLooksLikeAFormulaIsNeutralisedInCsvAndXlsx() throws IOException {
        String hostile = "=HYPERLINK(\"http://zly.example\",\"kliknij\")";
        record Definition(long version, long indicator, String name) {}
        Definition definition = jdbc.sql("""
                        select vi.version_id as version, vi.indicator_id as indicator, vi.name from monitoring_version_indicator vi
                        join monitoring_programme_version pv on pv.id = vi.version_id and pv.status = 'CURRENT'
                        join monitoring_programme p on p.id = pv.programme_id
                        join region r on r.id = p.region_id
                        where r.slug = 'mazowieckie' order by vi.position limit 1""").query(Definition.class).single();
        jdbc.sql("update monitoring_version_indicator set name = :n where version_id = :v and indicator_id = :i")
                .param("n", hostile)
                .param("v", definition.version())
                .param("i", definition.indicator())
                .update();
        try {
            List<CSVRecord> rows = csv("/monitoring/dane/wartosci.csv?wojewodztwo=14");
            assertThat(rows).anyMatch(r -> r.get("nazwa_wskaznika").equals("'" + hostile));
            assertThat(rows).noneMatch(r -> r.get("nazwa_wskaznika").startsWith("="));

            HttpResponse<byte[]> xlsx = Multipart.download(
                    new SignedInClient(port, "127.0.16.11"), port, "/monitoring/dane/wartosci.xlsx?wojewodztwo=14");
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = workbook.getSheetAt(0);
                Row header = sheet.getRow(0);
                for (int i = 0; i < OpenDataExport.HEADER.size(); i++) {
                    assertThat(header.getCell(i).getStringCellValue()).isEqualTo(OpenDataExport.HEADER.get(i));
                }
                boolean found = false;
                for (Row row : sheet) {
                    Cell name = row.getCell(3);
                    assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                    if (hostile.equals(name.getStringCellValue())) {
                        assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
                        found = true;
                    }
                    if (row.getRowNum() > 0 && row.getCell(8) != null) {
                        assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
                    }
                }
                assertThat(found).isTrue();
                assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            }
        } finally {
            jdbc.sql("update monitoring_version_indicator set name = :n where version_id = :v and indicator_id = :i")
                    .param("n", definition.name())
                    .param("v", definition.version())
                    .param("i", definition.indicator())
                    .update();
        }
    }

    /** The CSV parsed with Commons CSV as the page documents it: UTF-8 with a BOM, semicolons, a header line. */
    private List<CSVRecord> csv(String path) throws IOException {
        HttpResponse<byte[]> answer = Multipart.download(new SignedInClient(port, "127.0.16.12"), port, path);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        byte[] body = answer.body();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        try (Reader reader = new InputStreamReader(
                        new ByteArrayInputStream(body, 3, body.length - 3), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(';')
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            assertThat(parser.getHeaderNames()).isEqualTo(OpenDataExport.HEADER);
            return parser.getRecords();
        }
    }
}
