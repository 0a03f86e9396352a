package pl.koordes.accounts.web.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.AuditTrail.AuditEntry;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Page;

/**
 * The audit log as a CSV file Excel opens directly: UTF-8 with a byte-order mark, semicolons between
 * cells (the list separator of Polish Excel), times in Warsaw. A cell that a spreadsheet would take for
 * a formula gets a leading apostrophe, so that an entry someone typed never runs as one.
 */
final class AuditCsv implements AutoCloseable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(Formats.ZONE);

    private final CSVPrinter printer;
    private final ActionLabels labels;

    AuditCsv(OutputStream out, Page page, ActionLabels labels) throws IOException {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, FORMAT);
        this.labels = labels;
        printer.printRecord(page.t("admin.audit.when"), page.t("admin.audit.csv.actorEmail"), page.t("admin.audit.csv.actorName"),
                page.t("admin.audit.csv.actionCode"), page.t("admin.audit.action"), page.t("admin.audit.csv.targetType"),
                page.t("admin.audit.csv.targetId"), page.t("admin.audit.target"), page.t("admin.audit.before"),
                page.t("admin.audit.after"), page.t("admin.audit.csv.address"));
    }

    /** Writes entries handed to it; an I/O failure (the reader went away) stops the export. */
    Consumer<AuditEntry> writer() {
        return entry -> {
            try {
                printer.printRecord(safe(WHEN.format(entry.occurredAt())), safe(entry.actorLabel()), safe(entry.actorName()),
                        safe(entry.action()), safe(labels.of(entry.action())), safe(entry.targetType()),
                        safe(entry.targetId()), safe(entry.targetName() != null ? entry.targetName() : entry.targetEmail()),
                        safe(entry.before()), safe(entry.after()), safe(entry.clientAddress()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
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

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
