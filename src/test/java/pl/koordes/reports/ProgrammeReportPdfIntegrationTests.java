package pl.koordes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The report as a PDF: tagged (PDF/UA), titled "Raport programu …", in Polish, a heading per section, tables with
 * header cells, each chart a picture with the page's sentence as its alternative text, Polish letters extracted right; the same readers as the page
 * (a coordinator's own region, another region 403) and bad days answered with the page of errors.
 */
@IntegrationTest
class ProgrammeReportPdfIntegrationTests {

    @LocalServerPort
    int port;

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element, into);
            }
        }
    }

    @Test
    void theReportIsATaggedPolishPdf() throws Exception {
        SignedInClient coordinator = new SignedInClient(port, "127.0.50.71");
        coordinator.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        HttpResponse<byte[]> response = ReportTesting.bytes(port, coordinator, "/raport.pdf?" + ReportTesting.PERIOD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("raport-programu-" + ReportTesting.YEAR + "-01-01-" + ReportTesting.YEAR
                        + "-12-31-malopolskie.pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("pl");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Raport programu: 01.01." + ReportTesting.YEAR + " – 31.12." + ReportTesting.YEAR
                            + ", małopolskie");
            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            List<String> types =
                    elements.stream().map(PDStructureElement::getStructureType).toList();
            assertThat(types).contains("H1", "H2", "Table", "TH", "TD");
            assertThat(types.stream().filter("H2"::equals)).hasSizeGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Spotkania według zasięgu")
                    .contains("Uczestnicy i obecność")
                    .contains("Godziny doradztwa według województwa")
                    .contains("małopolskie")
                    .doesNotContain("śląskie");
            // Each chart is a picture in a Figure whose alternative text is the sentence the page's chart has.
            List<String> pictures = elements.stream()
                    .filter(e -> "Figure".equals(e.getStructureType()))
                    .map(PDStructureElement::getAlternateDescription)
                    .toList();
            assertThat(pictures)
                    .isNotEmpty()
                    .allSatisfy(
                            alt -> assertThat(alt).startsWith("Wykres „").contains("pokazuje te wartości słupkami:"));
            int images = 0;
            for (PDPage pdfPage : document.getPages()) {
                for (COSName name : pdfPage.getResources().getXObjectNames()) {
                    if (pdfPage.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isGreaterThanOrEqualTo(pictures.size());
        }
        assertThat(ReportTesting.bytes(port, coordinator, "/raport.pdf?wojewodztwo=slaskie")
                        .statusCode())
                .isEqualTo(403);
        assertThat(ReportTesting.bytes(port, coordinator, "/raport.pdf?od=2026-02-31")
                        .statusCode())
                .isEqualTo(400);
    }
}
