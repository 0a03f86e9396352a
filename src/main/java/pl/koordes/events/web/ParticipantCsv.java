package pl.koordes.events.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;
import pl.koordes.events.Registration;
import pl.koordes.shared.web.Page;

/**
 * An event's registrations as a CSV file Excel opens directly: UTF-8 with a byte-order mark, semicolons
 * (Polish Excel's list separator). A cell a spreadsheet would take for a formula gets a leading
 * apostrophe, so nothing a registrant typed ever runs as one.
 */
final class ParticipantCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();

    private ParticipantCsv() {
    }

    static void write(OutputStream out, Page page, List<Registration> registrations, Map<Long, Region> regions)
            throws IOException {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(ParticipantRows.header(page));
        for (Registration r : registrations) {
            printer.printRecord(ParticipantRows.row(page, r, regions).stream().map(ParticipantCsv::safe).toList());
        }
        printer.close(true);
    }

    /** Neutralises formula injection: =, +, -, @, tab and carriage return start formulas in spreadsheets. */
    static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
