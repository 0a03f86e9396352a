package pl.koordes.events.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.Participant;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.shared.web.Page;

/**
 * An event's registrations as a CSV file Excel opens directly: UTF-8 with a byte-order mark, semicolons
 * (Polish Excel's list separator). A cell a spreadsheet would take for a formula gets a leading
 * apostrophe, so nothing a registrant typed ever runs as one.
 */
final class ParticipantCsv {

    private ParticipantCsv() {}

    static void write(OutputStream out, Page page, List<Participant> registrations, Map<Long, Region> regions)
            throws IOException {
        CSVPrinter printer = ExcelCsv.printer(out);
        printer.printRecord(ParticipantRows.header(page));
        for (Participant r : registrations) {
            printer.printRecord(ParticipantRows.row(page, r, regions).stream()
                    .map(ExcelCsv::safe)
                    .toList());
        }
        printer.close(true);
    }
}
