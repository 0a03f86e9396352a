package pl.koordes.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The renderer's PDF is tagged for assistive technology (PDF/UA-1) and archival (PDF/A-3u), checked with
 * PDFBox: the structure tree holds headings, a table with header cells and a figure with its text
 * alternative; the document is marked, in Polish, titled (and shows the title), embeds its fonts, and its
 * text extracts with the Polish letters.
 */
class AccessiblePdfTests {

    static final String PANGRAM = "Zażółć gęślą jaźń";

    static String document(String image) {
        return """
                <!DOCTYPE html>
                <html lang="pl">
                <head><meta charset="utf-8"><title>Sprawozdanie: Zażółć gęślą jaźń</title>
                <style>@page { size: A4 landscape; margin: 15mm; @bottom-center { content: counter(page); } }</style>
                </head>
                <body>
                <h1>Sprawozdanie z programu</h1>
                <p>%s — tekst zwykły i <strong>pogrubiony ĄĘŁŃÓŚŹŻ</strong>.</p>
                <h2>Spotkania</h2>
                <img src="data:image/png;base64,%s" alt="Wykres: spotkania według województw">
                <table>
                <caption>Spotkania według województw</caption>
                <thead><tr><th scope="col">Województwo</th><th scope="col">Spotkania</th></tr></thead>
                <tbody><tr><td>małopolskie</td><td>12</td></tr><tr><td>śląskie</td><td>7</td></tr></tbody>
                </table>
                </body>
                </html>
                """.formatted(PANGRAM, image);
    }

    @Test
    void theDocumentIsTaggedTitledInPolishAndEmbedsItsFonts() throws Exception {
        byte[] pdf = AccessiblePdf.render(document(png()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("pl");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Sprawozdanie: " + PANGRAM);
            assertThat(catalog.getViewerPreferences()).isNotNull();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp)
                    .contains("Sprawozdanie: " + PANGRAM)
                    .contains("pdfuaid")
                    .contains("pdfaid");

            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            List<String> types =
                    elements.stream().map(PDStructureElement::getStructureType).toList();
            assertThat(types).contains("H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure");
            assertThat(elements.stream()
                            .filter(e -> "Figure".equals(e.getStructureType()))
                            .map(PDStructureElement::getAlternateDescription))
                    .containsExactly("Wykres: spotkania według województw");

            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                }
            }
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(PANGRAM).contains("pogrubiony ĄĘŁŃÓŚŹŻ").contains("śląskie");
        }
    }

    @Test
    void html5ThatIsNotXmlRendersToo() throws Exception {
        // Unclosed elements and a bare attribute: what jte may give, which an XML parser refuses.
        byte[] pdf = AccessiblePdf.render(
                "<!DOCTYPE html><html lang=en><title>Loose</title><p>One<p>Two &amp; <input disabled> three<br>");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(new PDFTextStripper().getText(document)).contains("One").contains("Two & ");
        }
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element, into);
            }
        }
    }

    private static String png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, x < 20 ? 0x1f5f8b : 0xd9822b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
