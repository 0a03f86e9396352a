package pl.koordes.events.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.Participant;
import pl.koordes.shared.pdf.AccessiblePdf;
import pl.koordes.shared.web.Page;

/**
 * A printable sign-in sheet as Polish project attendance lists carry it: the patrons' logos where set,
 * the title, date and time, place and organiser, one numbered row per confirmed participant with a blank
 * signature column (the header row repeated on every page), the headcount, and the co-financing note and
 * page number at the foot of every page. Written by {@code events/manage/signInSheet.jte} and rendered by
 * {@link AccessiblePdf}: a tagged PDF with DejaVu Sans embedded, so Polish letters print right whatever
 * fonts the printing computer has and a screen reader reads the list as a table.
 */
public final class SignInSheetPdf {

    private SignInSheetPdf() {}

    /**
     * What the sheet says beyond the event and its participants.
     *
     * @param organiser who organises the event, as the sheet names it
     * @param coFinancing the co-financing note printed at the foot of every page
     * @param logos the patrons' logos (PNG or JPEG), printed in a row at the top; none when empty
     */
    record Frame(String organiser, String coFinancing, List<byte[]> logos) {}

    /**
     * The sheet as its template shows it.
     *
     * @param logos the logos as {@code data:} addresses
     */
    public record Sheet(
            String title,
            String event,
            String when,
            String place,
            String organiser,
            String coFinancing,
            List<String> logos,
            List<Row> rows) {}

    /** A participant's row: its number, name, institution and region (empty when none). */
    public record Row(int number, String fullName, String institution, String region) {}

    static void write(
            OutputStream out,
            TemplateEngine templates,
            Page page,
            Event event,
            List<Participant> confirmed,
            Map<Long, Region> regions,
            Frame frame) {
        List<Row> rows = new ArrayList<>();
        for (Participant participant : confirmed) {
            Long regionId = participant.regionId();
            Region region = regionId == null ? null : regions.get(regionId);
            rows.add(new Row(
                    rows.size() + 1,
                    participant.fullName(),
                    participant.institution(),
                    region == null ? "" : region.name(page.locale())));
        }
        List<String> logos = new ArrayList<>();
        for (byte[] logo : frame.logos()) {
            logos.add(dataAddress(logo));
        }
        Sheet sheet = new Sheet(
                page.t("events.sheet.heading") + " — " + event.title(),
                event.title(),
                event.when(),
                place(page, event),
                frame.organiser(),
                frame.coFinancing(),
                logos,
                rows);
        StringOutput html = new StringOutput();
        templates.render("events/manage/signInSheet.jte", Map.of("page", page, "sheet", sheet), html);
        AccessiblePdf.write(html.toString(), out);
    }

    /** The venue and address, or "online" for an event with no place. */
    private static String place(Page page, Event event) {
        if (event.venue() == null) {
            return page.t("events.sheet.online");
        }
        return event.address() == null ? event.venue() : event.venue() + ", " + event.address();
    }

    /** A logo as a {@code data:} address, its type read from its first bytes (PNG or JPEG). */
    private static String dataAddress(byte[] image) {
        boolean png = image.length > 3 && image[0] == (byte) 0x89 && image[1] == 'P' && image[2] == 'N';
        return "data:image/" + (png ? "png" : "jpeg") + ";base64,"
                + Base64.getEncoder().encodeToString(image);
    }
}
