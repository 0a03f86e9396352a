package pl.koordes.accounts.web.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import pl.koordes.accounts.AuditTrail.AuditEntry;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.shared.web.Page;

/**
 * The audit log as a CSV file Excel opens directly: UTF-8 with a byte-order mark, semicolons between
 * cells (the list separator of Polish Excel), times in Warsaw. A cell that a spreadsheet would take for
 * a formula gets a leading apostrophe, so that an entry someone typed never runs as one.
 */
final class AuditCsv implements AutoCloseable {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(Formats.ZONE);

    private final CSVPrinter printer;
    private final ActionLabels labels;
    private final AuditDescriptions descriptions;

    AuditCsv(OutputStream out, Page page, ActionLabels labels, AuditDescriptions descriptions) throws IOException {
        this.printer = ExcelCsv.printer(out);
        this.labels = labels;
        this.descriptions = descriptions;
        printer.printRecord(
                page.t("admin.audit.when"),
                page.t("admin.audit.csv.actorEmail"),
                page.t("admin.audit.csv.actorName"),
                page.t("admin.audit.csv.actionCode"),
                page.t("admin.audit.action"),
                page.t("admin.audit.description"),
                page.t("admin.audit.csv.targetType"),
                page.t("admin.audit.csv.targetId"),
                page.t("admin.audit.target"),
                page.t("admin.audit.before"),
                page.t("admin.audit.after"),
                page.t("admin.audit.csv.address"));
    }

    /** Writes entries handed to it; an I/O failure (the reader went away) stops the export. */
    Consumer<AuditEntry> writer() {
        return entry -> {
            try {
                printer.printRecord(
                        ExcelCsv.safe(WHEN.format(entry.occurredAt())),
                        ExcelCsv.safe(entry.actorLabel()),
                        ExcelCsv.safe(entry.actorName()),
                        ExcelCsv.safe(entry.action()),
                        ExcelCsv.safe(labels.of(entry.action())),
                        ExcelCsv.safe(descriptions.describe(entry)),
                        ExcelCsv.safe(entry.targetType()),
                        ExcelCsv.safe(entry.targetId()),
                        ExcelCsv.safe(entry.targetName() != null ? entry.targetName() : entry.targetEmail()),
                        ExcelCsv.safe(entry.before()),
                        ExcelCsv.safe(entry.after()),
                        ExcelCsv.safe(entry.clientAddress()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
