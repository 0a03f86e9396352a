package pl.koordes.events.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
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
 * A printable sign-in sheet as Polish project attendance lists carry it: the patrons' logos where set,
 * the title, date and time, place and organiser, one numbered row per confirmed participant with a blank
 * signature column, the headcount, and the co-financing note at the foot of every page. The DejaVu Sans
 * font (shipped under resources/fonts) is embedded, so Polish letters print right whatever fonts the
 * printing computer has.
 */
final class SignInSheetPdf {

    private static final byte[] FONT = load();

    private SignInSheetPdf() {}

    /**
     * What the sheet says beyond the event and its participants.
     *
     * @param organiser who organises the event, as the sheet names it
     * @param coFinancing the co-financing note printed at the foot of every page
     * @param logos the patrons' logos (PNG or JPEG), printed in a row at the top; none when empty
     */
    record Frame(String organiser, String coFinancing, List<byte[]> logos) {}

    static void write(
            OutputStream out,
            Page page,
            Event event,
            List<Participant> confirmed,
            Map<Long, Region> regions,
            Frame frame) {
        try {
            BaseFont base =
                    BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, FONT, null);
            Font heading = new Font(base, 16, Font.BOLD);
            Font title = new Font(base, 13, Font.BOLD);
            Font normal = new Font(base, 10);
            Font bold = new Font(base, 10, Font.BOLD);
            Font small = new Font(base, 8);
            Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(document, out);
            document.addTitle(page.t("events.sheet.heading") + " — " + event.title());
            // Set before the document opens, so the note stands at the foot of every page.
            HeaderFooter footer = new HeaderFooter(new Phrase(frame.coFinancing(), small), false);
            footer.setAlignment(Element.ALIGN_CENTER);
            footer.setBorder(Rectangle.TOP);
            document.setFooter(footer);
            document.open();
            if (!frame.logos().isEmpty()) {
                document.add(logos(frame.logos()));
            }
            Paragraph sheet = new Paragraph(page.t("events.sheet.heading"), heading);
            sheet.setAlignment(Element.ALIGN_CENTER);
            document.add(sheet);
            Paragraph name = new Paragraph(event.title(), title);
            name.setAlignment(Element.ALIGN_CENTER);
            name.setSpacingAfter(8);
            document.add(name);
            PdfPTable facts = new PdfPTable(new float[] {18, 82});
            facts.setWidthPercentage(100);
            fact(facts, page.t("events.sheet.when"), event.when(), bold, normal);
            fact(facts, page.t("events.sheet.place"), place(page, event), bold, normal);
            fact(facts, page.t("events.sheet.organiser"), frame.organiser(), bold, normal);
            facts.setSpacingAfter(10);
            document.add(facts);
            PdfPTable table = new PdfPTable(new float[] {4, 22, 26, 14, 20});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : List.of(
                    page.t("events.participants.column.number"),
                    page.t("events.register.fullName"),
                    page.t("events.register.institution"),
                    page.t("events.register.region"),
                    page.t("events.sheet.signature"))) {
                PdfPCell cell = new PdfPCell(new Phrase(column, bold));
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
            Paragraph headcount = new Paragraph(page.t("events.sheet.headcount", confirmed.size()), bold);
            headcount.setSpacingBefore(8);
            document.add(headcount);
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Sign-in sheet of event " + event.id() + " could not be written", e);
        }
    }

    /** The venue and address, or "online" for an event with no place. */
    private static String place(Page page, Event event) {
        if (event.venue() == null) {
            return page.t("events.sheet.online");
        }
        return event.address() == null ? event.venue() : event.venue() + ", " + event.address();
    }

    private static PdfPTable logos(List<byte[]> logos) throws IOException {
        PdfPTable row = new PdfPTable(logos.size());
        row.setWidthPercentage(100);
        row.setSpacingAfter(10);
        for (byte[] logo : logos) {
            Image image = Image.getInstance(logo);
            image.scaleToFit(150, 48);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            row.addCell(cell);
        }
        return row;
    }

    private static void fact(PdfPTable facts, String label, String value, Font bold, Font normal) {
        PdfPCell name = new PdfPCell(new Phrase(label, bold));
        name.setBorder(Rectangle.NO_BORDER);
        PdfPCell text = new PdfPCell(new Phrase(value, normal));
        text.setBorder(Rectangle.NO_BORDER);
        facts.addCell(name);
        facts.addCell(text);
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
