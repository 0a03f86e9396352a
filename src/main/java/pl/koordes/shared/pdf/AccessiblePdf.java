package pl.koordes.shared.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * Renders an HTML document as a PDF that assistive technology can read (PDF/UA-1) and that archives keep
 * (PDF/A-3u): every element is tagged from the HTML (h1–h6 as H1–H6, table/th/td as Table/TH/TD, img as
 * Figure with its alt as Alt), the document's {@code <title>} is its title and is shown in the viewer's
 * title bar (DisplayDocTitle), {@code <html lang>} its language, and DejaVu Sans (regular and bold) is
 * embedded, so Polish letters print and extract right whatever fonts the reader has.
 *
 * <p>The HTML is what jte makes (HTML5, not strict XML): jsoup parses it into the W3C DOM openhtmltopdf
 * reads. A template must have a {@code <title>}, {@code <html lang>}, an {@code alt} on every image and
 * use only DejaVu Sans (the default set here): a PDF/UA document may not use a font it does not embed.
 * Page size, margins and running footers are CSS ({@code @page { size: A4 landscape; @bottom-center {
 * content: counter(page) } }}).
 */
public final class AccessiblePdf {

    /** The font family every document uses; the default of {@code body}. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** The page's margin boxes, which take no font from the body: each is given DejaVu Sans by name. */
    private static final List<String> MARGIN_BOXES = List.of(
            "top-left-corner",
            "top-left",
            "top-center",
            "top-right",
            "top-right-corner",
            "bottom-left-corner",
            "bottom-left",
            "bottom-center",
            "bottom-right",
            "bottom-right-corner",
            "left-top",
            "left-middle",
            "left-bottom",
            "right-top",
            "right-middle",
            "right-bottom");

    private static final String FONT = "font-family: '" + FONT_FAMILY + "';";

    /** Ahead of the document's own styles, so that a template need not repeat it. */
    private static final String BASE_STYLE = "html, body { " + FONT + " }";

    /**
     * After the document's own styles: a margin box takes the font of the last {@code @page} rule that
     * names it, and without one openhtmltopdf falls back to a font it cannot embed.
     */
    private static final String MARGIN_STYLE = marginStyle();

    private AccessiblePdf() {}

    /** The PDF of this HTML document. */
    public static byte[] render(String htmlDocument) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(htmlDocument, out);
        return out.toByteArray();
    }

    /** Writes the PDF of this HTML document to {@code out} (a response's stream); does not close it. */
    public static void write(String htmlDocument, OutputStream out) {
        Document html = Jsoup.parse(htmlDocument);
        html.head().prependElement("style").text(BASE_STYLE);
        html.head().appendElement("style").text(MARGIN_STYLE);
        if (html.head().selectFirst("meta[name=subject]") == null) {
            // PDF/UA wants a description (the document's Subject); the title says what the document is.
            html.head().appendElement("meta").attr("name", "subject").attr("content", html.title());
        }
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .usePdfAConformance(PdfAConformance.PDFA_3_U)
                .useColorProfile(SRGB)
                .withProducer("KoordES");
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withW3cDocument(W3CDom.convert(html), "/");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be written", e);
        }
    }

    private static String marginStyle() {
        StringBuilder css = new StringBuilder("@page { ");
        for (String box : MARGIN_BOXES) {
            css.append('@').append(box).append(" { ").append(FONT).append(" } ");
        }
        return css.append('}').toString();
    }

    private static byte[] load(String location) {
        try (InputStream in = AccessiblePdf.class.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
