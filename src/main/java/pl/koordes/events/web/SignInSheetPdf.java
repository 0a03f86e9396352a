package pl.koordes.events.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.Participant;
import pl.koordes.shared.web.Page;

/**
 * A printable sign-in sheet: the event, then one row per confirmed participant with a blank signature
 * column. The DejaVu Sans font (shipped under resources/fonts) is embedded, so Polish letters print right
 * whatever fonts the printing computer has.
 */
final class SignInSheetPdf {

    private static final byte[] FONT = load();

    private SignInSheetPdf() {}

    static void write(
            OutputStream out, Page page, Event event, List<Participant> confirmed, Map<Long, Region> regions) {
        try {
            BaseFont base =
                    BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, FONT, null);
            Font title = new Font(base, 14, Font.BOLD);
            Font normal = new Font(base, 10);
            Font small = new Font(base, 8);
            Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(document, out);
            document.addTitle(page.t("events.participants.signInSheet"));
            document.open();
            document.add(new Paragraph(event.title(), title));
            document.add(new Paragraph(event.when() + (event.venue() == null ? "" : " · " + event.venue()), normal));
            document.add(new Paragraph(" ", small));
            PdfPTable table = new PdfPTable(new float[] {4, 22, 26, 14, 20});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String heading : List.of(
                    page.t("events.participants.column.number"),
                    page.t("events.register.fullName"),
                    page.t("events.register.institution"),
                    page.t("events.register.region"),
                    page.t("events.sheet.signature"))) {
                PdfPCell cell = new PdfPCell(new Phrase(heading, normal));
                cell.setGrayFill(0.9f);
                table.addCell(cell);
            }
            int n = 1;
            for (Participant r : confirmed) {
                Region region = r.regionId() == null ? null : regions.get(r.regionId());
                table.addCell(cell(Integer.toString(n++), normal));
                table.addCell(cell(r.fullName(), normal));
                table.addCell(cell(r.institution(), normal));
                table.addCell(cell(region == null ? "" : region.name(page.locale()), normal));
                PdfPCell signature = cell("", normal);
                signature.setMinimumHeight(26);
                table.addCell(signature);
            }
            document.add(table);
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Sign-in sheet of event " + event.id() + " could not be written", e);
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static byte[] load() {
        try (InputStream in = SignInSheetPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("fonts/DejaVuSans.ttf is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
