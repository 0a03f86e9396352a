package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * The XLSX template and its import, over real HTTP as a browser sends the file: a round trip (the
 * template downloaded, filled in with POI as a person would in a spreadsheet, sent back, its values saved
 * as drafts), and every hostile file the issue names, each refused with a clear Polish message, 422 and
 * nothing saved. Małopolskie's values of the open period are put back after each test: the application and
 * its data are shared with other tests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringImportIntegrationTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SignedInClient coordinator;
    long period;
    long closedPeriod;
    long region;
    String base;
    List<Map<String, Object>> saved;
    /** What the values must be after a refused import. */
    List<Map<String, Object>> expected;

    @BeforeAll
    void signIn() {
        coordinator = signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.16.1", true);
        period = jdbc.sql("select id from monitoring_period where status = 'OPEN' order by year desc limit 1")
                .query(Long.class)
                .single();
        closedPeriod = jdbc.sql("select id from monitoring_period where status = 'CLOSED' order by year desc limit 1")
                .query(Long.class)
                .single();
        region = jdbc.sql("select id from region where slug = 'malopolskie'")
                .query(Long.class)
                .single();
        base = "/monitoring/sprawozdania/" + period + "/malopolskie";
    }

    @BeforeEach
    void remember() {
        saved = snapshot();
        expected = saved;
    }

    private List<Map<String, Object>> snapshot() {
        return jdbc.sql("select * from monitoring_value where region_id = :r and period_id = :p order by id")
                .param("r", region)
                .param("p", period)
                .query()
                .listOfRows();
    }

    @AfterEach
    void putBack() {
        jdbc.sql("delete from monitoring_value where region_id = :r and period_id = :p and not (id = any(:ids))")
                .param("r", region)
                .param("p", period)
                .param("ids", saved.stream().map(row -> (Long) row.get("id")).toArray(Long[]::new))
                .update();
        for (Map<String, Object> row : saved) {
            jdbc.sql("""
                            update monitoring_value set status = :status, value = :value, not_available = :na,
                                expected_date = :expected, comment = :comment, source = :source, row_version = :version
                            where id = :id""")
                    .param("status", row.get("status"))
                    .param("value", row.get("value"))
                    .param("na", row.get("not_available"))
                    .param("expected", row.get("expected_date"))
                    .param("comment", row.get("comment"))
                    .param("source", row.get("source"))
                    .param("version", row.get("row_version"))
                    .param("id", row.get("id"))
                    .update();
        }
    }

    @Test
    void aDownloadedTemplateFilledInAndSentBackSavesItsValuesAsDrafts() throws IOException {
        long auditBefore = audits("MONITORING_TEMPLATE_DOWNLOADED");
        byte[] template = template();
        assertThat(audits("MONITORING_TEMPLATE_DOWNLOADED")).isEqualTo(auditBefore + 1);
        List<String> codes = codes();
        byte[] filled = edit(template, sheet -> {
            // The returned value: a Polish decimal comma typed as text.
            sheet.getRow(row(sheet, codes.get(0))).getCell(6).setCellValue("12,5");
            // A draft: a number cell.
            sheet.getRow(row(sheet, codes.get(2))).getCell(6).setCellValue(345);
            // Another draft: its value cleared, so the row is skipped (the saved value stays).
            sheet.getRow(row(sheet, codes.get(4))).getCell(6).setBlank();
        });
        long imported = audits("MONITORING_VALUES_IMPORTED");
        long valueSaved = audits("MONITORING_VALUE_SAVED");

        HttpResponse<String> answer = upload(filled, "sprawozdanie małopolskie.xlsx");

        assertThat(answer.statusCode()).isEqualTo(302);
        String page = coordinator.get(base + "/import").body();
        assertThat(page).contains("Zapisano 2 wartości jako robocze.").contains("pominięto 1 wiersz bez wartości");
        assertThat(value(codes.get(0))).containsEntry("status", "DRAFT");
        assertThat((BigDecimal) value(codes.get(0)).get("value")).isEqualByComparingTo("12.5");
        assertThat((BigDecimal) value(codes.get(2)).get("value")).isEqualByComparingTo("345");
        assertThat(value(codes.get(2))).containsEntry("status", "DRAFT");
        // The submitted value was in the file unchanged: it stays submitted.
        assertThat(value(codes.get(1))).containsEntry("status", "SUBMITTED");
        assertThat(audits("MONITORING_VALUES_IMPORTED")).isEqualTo(imported + 1);
        assertThat(audits("MONITORING_VALUE_SAVED")).isEqualTo(valueSaved + 2);
        assertThat(jdbc.sql("""
                        select after_value ->> 'fileName' from audit_entry where action = 'MONITORING_VALUES_IMPORTED'
                        order by id desc limit 1""").query(String.class).single()).isEqualTo("sprawozdanie małopolskie.xlsx");
    }

    @Test
    void textInANumberCellIsReportedByRowAndColumnAndNothingIsSaved() throws IOException {
        List<String> codes = codes();
        byte[] file = edit(template(), sheet -> {
            sheet.getRow(row(sheet, codes.get(2))).getCell(6).setCellValue(777);
            sheet.getRow(row(sheet, codes.get(3))).getCell(6).setCellValue("abc");
            sheet.getRow(row(sheet, codes.get(3))).getCell(7).setCellValue("");
            sheet.getRow(row(sheet, codes.get(3))).getCell(8).setBlank();
        });
        HttpResponse<String> answer = upload(file, "wartosci.xlsx");
        assertRefused(answer, "kolumna „Wartość” (G" + (rowNumber(codes.get(3))) + "): „abc” nie jest liczbą");
        assertThat(answer.body()).contains("Wiersz " + rowNumber(codes.get(3)) + ", kolumna „Wartość”");
        assertThat((BigDecimal) value(codes.get(2)).get("value")).isNotEqualByComparingTo("777");
    }

    @Test
    void anApprovedOrSubmittedValueIsNotOverwritten() throws IOException {
        List<String> codes = codes();
        jdbc.sql(
                        "update monitoring_value set status = 'APPROVED' where region_id = :r and period_id = :p"
                                + " and indicator_id = (select id from monitoring_indicator where region_id = :r and code = :c)")
                .param("r", region)
                .param("p", period)
                .param("c", codes.get(2))
                .update();
        expected = snapshot();
        byte[] file = edit(template(), sheet -> {
            sheet.getRow(row(sheet, codes.get(0))).getCell(6).setCellValue(1);
            sheet.getRow(row(sheet, codes.get(1))).getCell(6).setCellValue(2);
            sheet.getRow(row(sheet, codes.get(2))).getCell(6).setCellValue(3);
        });
        HttpResponse<String> answer = upload(file, "wartosci.xlsx");
        assertRefused(answer, "wartość zatwierdzona: najpierw korekta");
        assertThat(answer.body()).contains("wartość przekazana do zatwierdzenia: plik jej nie zmieni");
        assertThat(value(codes.get(0))).containsEntry("status", "RETURNED");
        assertThat((BigDecimal) value(codes.get(0)).get("value")).isNotEqualByComparingTo("1");
    }

    @Test
    void filesThatAreNotXlsxOrEmptyOrTooLargeAreRefused() {
        assertRefused(
                upload("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "raport.xlsx"),
                "To jest plik PDF, a nie arkusz XLSX");
        assertRefused(
                upload("Kod;Wartość\nW1;12\n".getBytes(StandardCharsets.UTF_8), "dane.xlsx"), "To nie jest plik XLSX");
        assertRefused(upload(new byte[0], "pusty.xlsx"), "Plik jest pusty");
        byte[] large = new byte[6 * 1024 * 1024];
        large[0] = 'P';
        large[1] = 'K';
        large[2] = 3;
        large[3] = 4;
        assertRefused(upload(large, "duzy.xlsx"), "Plik jest za duży (najwyżej 5 MB)");
        // A ZIP that is not a spreadsheet.
        assertRefused(
                upload(zip(Map.of("a.txt", "tekst".getBytes(StandardCharsets.UTF_8))), "archiwum.xlsx"),
                "Pliku nie da się odczytać jako arkusza XLSX");
    }

    @Test
    void aZipBombIsRefusedBeforeItExpands() throws IOException {
        byte[] template = template();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.readAllBytes());
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    // 200 MB of spaces after the sheet: a few hundred kilobytes compressed.
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        out.write(spaces);
                    }
                }
                out.closeEntry();
            }
        }
        assertThat(bomb.size()).isLessThan(5 * 1024 * 1024);
        long started = System.nanoTime();
        assertRefused(upload(bomb.toByteArray(), "bomba.xlsx"), "podejrzenie „bomby zip”");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void formulasAndMergedCellsAreRefusedWithTheirCells() throws IOException {
        List<String> codes = codes();
        int formulaRow = rowNumber(codes.get(2));
        byte[] formula = edit(
                template(), sheet -> sheet.getRow(formulaRow - 1).getCell(6).setCellFormula("SUM(D3:D9)*2"));
        HttpResponse<String> answer = upload(formula, "formuly.xlsx");
        assertRefused(
                answer,
                "Wiersz " + formulaRow + ", kolumna „Wartość” (G" + formulaRow
                        + "): komórka zawiera formułę „SUM(D3:D9)*2”");

        byte[] merged = edit(template(), sheet -> sheet.addMergedRegion(new CellRangeAddress(2, 3, 9, 9)));
        assertRefused(upload(merged, "scalone.xlsx"), "scalone komórki J3:J4 nie są przyjmowane");
    }

    @Test
    void aFileForAnotherRegionOrPeriodIsRefused() throws IOException {
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, "127.0.16.2", false);
        long slaskie = jdbc.sql("select id from region where slug = 'slaskie'")
                .query(Long.class)
                .single();
        HttpResponse<byte[]> other =
                Multipart.download(editor, port, "/monitoring/sprawozdania/" + period + "/slaskie/szablon.xlsx");
        assertThat(other.statusCode()).isEqualTo(200);
        assertRefused(upload(other.body(), "slaskie.xlsx"), "Ten plik jest szablonem innego regionu");
        assertThat(slaskie).isPositive();

        HttpResponse<byte[]> closed = Multipart.download(
                coordinator, port, "/monitoring/sprawozdania/" + closedPeriod + "/malopolskie/szablon.xlsx");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertRefused(upload(closed.body(), "2024.xlsx"), "Ten plik jest szablonem innego okresu sprawozdawczego");

        // The closed period itself takes no import.
        String closedImport = "/monitoring/sprawozdania/" + closedPeriod + "/malopolskie/import";
        HttpResponse<String> intoClosed = Multipart.upload(
                coordinator,
                port,
                closedImport,
                Multipart.token(coordinator, base + "/import"),
                Map.of(),
                "plik",
                Multipart.fileName("2024.xlsx"),
                XLSX,
                closed.body());
        assertRefused(intoClosed, "Okres sprawozdawczy jest zamknięty");
    }

    @Test
    void unknownAndRepeatedCodesAreEachReported() throws IOException {
        List<String> codes = codes();
        byte[] file = edit(template(), sheet -> {
            Row unknown = sheet.getRow(row(sheet, codes.get(2)));
            unknown.getCell(0).setCellValue("NIEZNANY-7");
            unknown.getCell(6).setCellValue(5);
            Row repeated = sheet.createRow(sheet.getLastRowNum() + 1);
            repeated.createCell(0).setCellValue(codes.get(0));
            repeated.createCell(6).setCellValue(9);
        });
        HttpResponse<String> answer = upload(file, "kody.xlsx");
        assertRefused(answer, "nie ma wskaźnika o kodzie „NIEZNANY-7” w obecnej wersji programu regionu");
        assertThat(answer.body())
                .contains("kod „" + codes.get(0) + "” powtarza się (pierwszy raz w wierszu " + rowNumber(codes.get(0))
                        + ")");
    }

    @Test
    void fiveThousandRowsAreAllCheckedAndTheReportIsCapped() throws IOException {
        byte[] file = edit(template(), sheet -> {
            int first = sheet.getLastRowNum() + 1;
            for (int i = 0; i < 5000; i++) {
                Row row = sheet.createRow(first + i);
                row.createCell(0).setCellValue("X" + i);
                row.createCell(6).setCellValue("nie liczba " + i);
            }
        });
        long started = System.nanoTime();
        HttpResponse<String> answer = upload(file, "piec-tysiecy.xlsx");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        // Two problems a row: the unknown code and the text in the value column.
        assertRefused(answer, "Plik nie został przyjęty: 10");
        assertThat(answer.body())
                .containsPattern("Plik nie został przyjęty: 10[\\s\\u00A0\\u202F]?000 błędów")
                .contains("…i jeszcze 9800 błędów.");
        assertThat(answer.body().split("<li>", -1).length - 1).isGreaterThanOrEqualTo(200);
    }

    @Test
    void naughtyStringsInEveryCellAreReportedEscapedNeverAServerError() throws IOException {
        List<String> strings = NaughtyStrings.payloadsAnd(List.of(
                "<script>alert('x')</script>", "=HYPERLINK(\"http://zly.example\")", "'; drop table region; --"));
        byte[] file = edit(template(), sheet -> {
            int first = sheet.getLastRowNum() + 1;
            for (int i = 0; i < strings.size(); i++) {
                Row row = sheet.createRow(first + i);
                for (int c = 0; c < 11; c++) {
                    row.createCell(c).setCellValue(strings.get(i));
                }
            }
        });
        HttpResponse<String> answer = upload(file, "<img src=x onerror=alert(1)>.xlsx");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("Plik nie został przyjęty")
                .doesNotContain("<script>alert('x')</script>")
                .contains("&lt;script&gt;alert(");

        // The same strings as comments and sources of real indicators: refused or saved, never a 500.
        List<String> codes = codes();
        for (int from = 0; from < strings.size(); from += codes.size()) {
            int offset = from;
            byte[] texts = edit(template(), sheet -> {
                for (int i = 0; i < codes.size() && offset + i < strings.size(); i++) {
                    Row row = sheet.getRow(row(sheet, codes.get(i)));
                    row.getCell(9).setCellValue(strings.get(offset + i));
                    row.getCell(10).setCellValue(strings.get(offset + i));
                }
            });
            HttpResponse<String> each = upload(texts, "teksty.xlsx");
            assertThat(each.statusCode()).isIn(302, 422);
            assertThat(each.body()).doesNotContain("<script>alert('x')</script>");
        }
        assertThat(coordinator.get(base + "/import").body()).doesNotContain("<script>alert('x')</script>");
    }

    @Test
    void anotherRegionsCoordinatorAndOperatorsCannotImport() throws IOException {
        byte[] template = template();
        SignedInClient slaskie = signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.16.3", true);
        assertThat(slaskie.get(base + "/import").statusCode()).isEqualTo(403);
        assertThat(Multipart.download(slaskie, port, base + "/szablon.xlsx").statusCode())
                .isEqualTo(403);
        HttpResponse<String> forged = Multipart.upload(
                slaskie,
                port,
                base + "/import",
                Multipart.token(slaskie, "/monitoring/dane"),
                Map.of(),
                "plik",
                Multipart.fileName("a.xlsx"),
                XLSX,
                template);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(coordinator
                        .get("/monitoring/sprawozdania/999999/malopolskie/import")
                        .statusCode())
                .isEqualTo(404);
        assertThat(coordinator
                        .get("/monitoring/sprawozdania/" + period + "/nieznane/import")
                        .statusCode())
                .isEqualTo(404);
    }

    private void assertRefused(HttpResponse<String> answer, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains(message).contains("Nic nie zostało zapisane");
        assertThat(snapshot()).isEqualTo(expected);
    }

    private byte[] template() {
        HttpResponse<byte[]> answer = Multipart.download(coordinator, port, base + "/szablon.xlsx");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(XLSX);
        return answer.body();
    }

    private static byte[] edit(byte[] file, Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            change.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The index of the row holding the indicator code. */
    private static int row(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() >= 2
                    && row.getCell(0) != null
                    && code.equals(row.getCell(0).getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new IllegalStateException("no row " + code);
    }

    /** The spreadsheet's number of the row of an indicator in the template (header on row 2). */
    private int rowNumber(String code) {
        return codes().indexOf(code) + 3;
    }

    /** Małopolskie's indicator codes in the template's order (the current version's). */
    private List<String> codes() {
        return new ArrayList<>(
                jdbc.sql("""
                        select i.code from monitoring_programme p
                        join monitoring_programme_version v on v.programme_id = p.id and v.status = 'CURRENT'
                        join monitoring_version_indicator vi on vi.version_id = v.id
                        join monitoring_indicator i on i.id = vi.indicator_id
                        where p.region_id = :r order by vi.position, i.code""").param("r", region).query(String.class).list());
    }

    private Map<String, Object> value(String code) {
        return jdbc.sql("""
                        select v.status, v.value from monitoring_value v join monitoring_indicator i on i.id = v.indicator_id
                        where i.region_id = :r and i.code = :c and v.period_id = :p""")
                .param("r", region)
                .param("c", code)
                .param("p", period)
                .query()
                .singleRow();
    }

    private long audits(String action) {
        return jdbc.sql("select count(*) from audit_entry where action = :a")
                .param("a", action)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> upload(byte[] data, String name) {
        return Multipart.upload(
                coordinator,
                port,
                base + "/import",
                Multipart.token(coordinator, base + "/import"),
                Map.of(),
                "plik",
                Multipart.fileName(name),
                XLSX,
                data);
    }

    private SignedInClient signedIn(String email, String address, boolean secondFactor) {
        // Each code works once; other tests may have just used this step's code for the same person.
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(email, DemoAccounts.PASSWORD, secondFactor ? DemoAccounts.TOTP_SECRET : null);
        return client;
    }
}
