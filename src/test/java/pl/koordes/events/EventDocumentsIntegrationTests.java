package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The organisers' documents: the XLSX list holds text cells only (a formula typed as a name stays text)
 * and the sign-in sheet is a PDF with an embedded font whose text keeps the Polish letters.
 */
@IntegrationTest
class EventDocumentsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EventRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Test
    void theXlsxListIsTextOnlyAndTheSignInSheetPrintsPolishLetters() throws Exception {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(10, null);
        long region = directory.region("malopolskie").orElseThrow().id();
        Locale pl = Locale.forLanguageTag("pl");
        registrations.register(
                event,
                RegistrationForm.of("Żaneta Źdźbło-Łąkowska", samples.email(1), region, SeatMode.ON_SITE),
                null,
                pl);
        registrations.register(
                event,
                new RegistrationForm(
                        "=HYPERLINK(\"http://x.example\")",
                        samples.email(2),
                        "@SUM(A1:A2)",
                        null,
                        region,
                        "-1+2",
                        "",
                        "",
                        SeatMode.ON_SITE,
                        true,
                        false),
                null,
                pl);
        jdbc.sql("update event_registration set status = 'CONFIRMED' where event_id = :e")
                .param("e", event)
                .update();

        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String base = "/organizacja/wydarzenia/" + event;

        byte[] xlsx = bytes(editor, base + "/uczestnicy.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            boolean sawFormulaText = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    if (cell.getStringCellValue().startsWith("=")) {
                        sawFormulaText = true;
                        assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                    }
                }
            }
            assertThat(sawFormulaText).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Żaneta Źdźbło-Łąkowska");
        }

        byte[] pdf = bytes(editor, base + "/lista-obecnosci.pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Żaneta Źdźbło-Łąkowska").contains("Podpis");
        }
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("DejaVuSans");
    }

    private byte[] bytes(SignedInClient client, String path) throws Exception {
        // The client answers text; a second request with the same cookies fetches the bytes.
        HttpResponse<String> probe = client.get(path);
        assertThat(probe.statusCode()).as(path).isEqualTo(200);
        HttpClient raw = HttpClient.newHttpClient();
        return raw.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Cookie", SignedInClient.SESSION_COOKIE + "=" + client.session())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }
}
