package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
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
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Żaneta Źdźbło-Łąkowska").contains("Podpis");
            // Tagged for a screen reader: the list is a table with header cells, in Polish.
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("pl");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Lista obecności — ");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).isTrue();
            }
        }
    }

    @Test
    void theSignInSheetCarriesWhatAProjectAttendanceListNeeds() throws Exception {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(20, null);
        // 10:00–14:00 in Warsaw on a winter day (UTC+1): the sheet shows local time.
        jdbc.sql("""
                        update event set title = 'Forum ekonomii społecznej', venue = 'Centrum Łąkowe',
                        address = 'ul. Źródlana 7, Kraków', level = 'REGIONAL',
                        region_id = (select id from region where slug = 'malopolskie'),
                        starts_at = timestamptz '2027-03-12 09:00:00+00', ends_at = timestamptz '2027-03-12 13:00:00+00'
                        where id = :e
                        """).param("e", event).update();
        long region = directory.region("malopolskie").orElseThrow().id();
        Locale pl = Locale.forLanguageTag("pl");
        for (int i = 1; i <= 12; i++) {
            registrations.register(
                    event,
                    new RegistrationForm(
                            "Osoba Uczestnicząca " + i,
                            samples.email(10 + i),
                            "Spółdzielnia Socjalna nr " + i,
                            null,
                            region,
                            "",
                            "",
                            "",
                            SeatMode.ON_SITE,
                            true,
                            false),
                    null,
                    pl);
            // Confirmed one by one: unconfirmed holds per e-mail domain are limited.
            jdbc.sql("update event_registration set status = 'CONFIRMED' where event_id = :e")
                    .param("e", event)
                    .update();
        }

        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        byte[] pdf = bytes(editor, "/organizacja/wydarzenia/" + event + "/lista-obecnosci.pdf");
        String sheet;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            sheet = new PDFTextStripper().getText(document);
        }
        assertThat(sheet)
                .contains("Lista obecności")
                .contains("Forum ekonomii społecznej")
                .contains("12.03.2027 10:00–14:00")
                .contains("Centrum Łąkowe, ul. Źródlana 7, Kraków")
                .contains("Organizator")
                .contains("województwo małopolskie")
                .contains("Nr")
                .contains("Osoba Uczestnicząca 1")
                .contains("Spółdzielnia Socjalna nr 12")
                .contains("Podpis")
                .contains("Liczba uczestników: 12")
                // Two pages (the headcount runs over), each numbered.
                .contains("1 / 2")
                .contains("2 / 2")
                .contains("Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu"
                        + " Społecznego Plus");
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
