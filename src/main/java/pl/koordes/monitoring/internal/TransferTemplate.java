package pl.koordes.monitoring.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.ExcelCsv;

/**
 * The XLSX template a region fills in for a period: its indicators of the current programme version with
 * their units, the previous period's value and the year's target (locked cells), then the columns to fill
 * (value, "dane w przygotowaniu", expected date, comment, source) with data validation, an instructions
 * sheet, and a very hidden sheet naming the region and the period, so that {@link TransferImport} refuses
 * a file made for another region or period. The columns are fixed here and read by position on import.
 */
@Component
public class TransferTemplate {

    /** The marker in the hidden sheet's first cell: this is a KoordES reporting template. */
    static final String MARKER = "KOORDES-MONITORING-1";

    static final String MARKER_SHEET = "koordes";
    static final int HEADER_ROW = 1;
    static final int FIRST_DATA_ROW = 2;
    static final int CODE = 0;
    static final int NAME = 1;
    static final int UNIT = 2;
    static final int PREVIOUS = 3;
    static final int TARGET = 4;
    static final int STATUS = 5;
    static final int VALUE = 6;
    static final int NOT_AVAILABLE = 7;
    static final int EXPECTED = 8;
    static final int COMMENT = 9;
    static final int SOURCE = 10;
    static final int COLUMNS = 11;

    /** The message key of each column's heading, in order; the import names columns with them too. */
    static final List<String> COLUMN_KEYS = List.of(
            "monitoring.transfer.column.code",
            "monitoring.transfer.column.name",
            "monitoring.transfer.column.unit",
            "monitoring.transfer.column.previous",
            "monitoring.transfer.column.target",
            "monitoring.transfer.column.status",
            "monitoring.transfer.column.value",
            "monitoring.transfer.column.notAvailable",
            "monitoring.transfer.column.expected",
            "monitoring.transfer.column.comment",
            "monitoring.transfer.column.source");

    static final String YES = "tak";
    static final String NO = "nie";

    private final Messages messages;

    TransferTemplate(Messages messages) {
        this.messages = messages;
    }

    /** Writes the template for the region and period, in the reader's language for its words. */
    public void write(
            OutputStream out, Locale locale, Region region, TransferStore.Period period, List<TransferStore.Line> lines)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            String periodName = periodName(locale, period);
            XSSFSheet sheet = workbook.createSheet(messages.get(locale, "monitoring.transfer.sheet.values"));
            Row title = sheet.createRow(0);
            text(
                    title.createCell(0),
                    messages.get(locale, "monitoring.transfer.sheet.title", region.name(locale), periodName),
                    styles.header);
            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < COLUMNS; c++) {
                text(header.createCell(c), messages.get(locale, COLUMN_KEYS.get(c)), styles.header);
            }
            int r = FIRST_DATA_ROW;
            for (TransferStore.Line line : lines) {
                Row row = sheet.createRow(r++);
                text(row.createCell(CODE), line.code(), styles.locked);
                text(row.createCell(NAME), line.name(), styles.locked);
                text(row.createCell(UNIT), line.unit(), styles.locked);
                if (line.previousNotAvailable()) {
                    text(
                            row.createCell(PREVIOUS),
                            messages.get(locale, "monitoring.transfer.previousNotAvailable"),
                            styles.locked);
                } else {
                    number(row.createCell(PREVIOUS), line.previous(), styles.locked);
                }
                number(row.createCell(TARGET), line.target(), styles.locked);
                text(
                        row.createCell(STATUS),
                        line.status() == null
                                ? messages.get(locale, "monitoring.transfer.status.NONE")
                                : messages.get(
                                        locale,
                                        "monitoring.transfer.status."
                                                + line.status().name()),
                        styles.locked);
                number(row.createCell(VALUE), line.value(), styles.input);
                text(row.createCell(NOT_AVAILABLE), line.notAvailable() ? YES : "", styles.input);
                Cell expected = row.createCell(EXPECTED);
                expected.setCellStyle(styles.date.plain());
                if (line.expectedDate() != null) {
                    expected.setCellValue(line.expectedDate());
                }
                text(row.createCell(COMMENT), line.comment(), styles.input);
                text(row.createCell(SOURCE), line.source(), styles.input);
            }
            int last = Math.max(FIRST_DATA_ROW, r - 1);
            validations(sheet, locale, last);
            sheet.createFreezePane(2, FIRST_DATA_ROW);
            int[] widths = {12, 50, 12, 16, 16, 16, 14, 14, 16, 40, 30};
            for (int c = 0; c < COLUMNS; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.lockFormatColumns(false);
            sheet.protectSheet("");

            XSSFSheet help = workbook.createSheet(messages.get(locale, "monitoring.transfer.sheet.help"));
            help.setColumnWidth(0, 110 * 256);
            text(
                    help.createRow(0).createCell(0),
                    messages.get(locale, "monitoring.transfer.sheet.title", region.name(locale), periodName),
                    styles.header);
            String[] lines2 =
                    messages.get(locale, "monitoring.transfer.help", periodName).split("\n");
            for (int i = 0; i < lines2.length; i++) {
                text(help.createRow(i + 2).createCell(0), lines2[i], styles.wrap);
            }

            XSSFSheet marker = workbook.createSheet(MARKER_SHEET);
            Row m0 = marker.createRow(0);
            m0.createCell(0).setCellValue(MARKER);
            Row m1 = marker.createRow(1);
            m1.createCell(0).setCellValue("region");
            m1.createCell(1).setCellValue(region.teryt());
            Row m2 = marker.createRow(2);
            m2.createCell(0).setCellValue("period");
            m2.createCell(1).setCellValue(Long.toString(period.id()));
            workbook.setSheetVisibility(workbook.getSheetIndex(marker), SheetVisibility.VERY_HIDDEN);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    /** "2025" or "1. półrocze 2025". */
    public String periodName(Locale locale, TransferStore.Period period) {
        return period.half() == null
                ? Integer.toString(period.year())
                : messages.get(locale, "monitoring.transfer.half", period.half(), Integer.toString(period.year()));
    }

    private void validations(XSSFSheet sheet, Locale locale, int last) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        add(
                sheet,
                helper,
                helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null),
                VALUE,
                last,
                messages.get(locale, "monitoring.transfer.validation.value"));
        add(
                sheet,
                helper,
                helper.createExplicitListConstraint(new String[] {YES, NO}),
                NOT_AVAILABLE,
                last,
                messages.get(locale, "monitoring.transfer.validation.notAvailable"));
        add(
                sheet,
                helper,
                helper.createDateConstraint(OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2100,12,31)", "dd.mm.yyyy"),
                EXPECTED,
                last,
                messages.get(locale, "monitoring.transfer.validation.expected"));
        add(
                sheet,
                helper,
                helper.createTextLengthConstraint(
                        OperatorType.LESS_OR_EQUAL, Integer.toString(TransferImport.COMMENT_MAX), null),
                COMMENT,
                last,
                messages.get(locale, "monitoring.transfer.validation.comment", TransferImport.COMMENT_MAX));
        add(
                sheet,
                helper,
                helper.createTextLengthConstraint(
                        OperatorType.LESS_OR_EQUAL, Integer.toString(TransferImport.SOURCE_MAX), null),
                SOURCE,
                last,
                messages.get(locale, "monitoring.transfer.validation.source", TransferImport.SOURCE_MAX));
    }

    private static void add(
            XSSFSheet sheet,
            XSSFDataValidationHelper helper,
            DataValidationConstraint constraint,
            int column,
            int last,
            String message) {
        DataValidation validation =
                helper.createValidation(constraint, new CellRangeAddressList(FIRST_DATA_ROW, last, column, column));
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        validation.createErrorBox("KoordES", message);
        validation.setShowPromptBox(false);
        sheet.addValidationData(validation);
    }

    private static void text(Cell cell, @Nullable String value, Styles.Pair style) {
        String text = value == null ? "" : value;
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        cell.setCellValue(text.length() > max ? text.substring(0, max) : text);
        // A text that looks like a formula stays text even after the cell is edited.
        cell.setCellStyle(ExcelCsv.startsLikeAFormula(text) ? style.quoted() : style.plain());
    }

    private static void number(Cell cell, @Nullable BigDecimal value, Styles.Pair style) {
        cell.setCellStyle(style.plain());
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    /** Cell styles: locked descriptive cells, unlocked cells to fill, each also quote-prefixed for risky text. */
    private static final class Styles {

        record Pair(CellStyle plain, CellStyle quoted) {}

        final Pair header;
        final Pair locked;
        final Pair input;
        final Pair wrap;
        final Pair date;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = pair(workbook, true, false, bold, null);
            locked = pair(workbook, true, false, null, null);
            input = pair(workbook, false, false, null, null);
            wrap = pair(workbook, true, true, null, null);
            date = pair(workbook, false, false, null, "dd.mm.yyyy");
        }

        private static Pair pair(
                XSSFWorkbook workbook,
                boolean lockedCell,
                boolean wrapText,
                @Nullable Font font,
                @Nullable String format) {
            CellStyle plain = workbook.createCellStyle();
            plain.setLocked(lockedCell);
            plain.setWrapText(wrapText);
            if (font != null) {
                plain.setFont(font);
            }
            if (format != null) {
                plain.setDataFormat(workbook.createDataFormat().getFormat(format));
            }
            CellStyle quoted = workbook.createCellStyle();
            quoted.cloneStyleFrom(plain);
            quoted.setQuotePrefixed(true);
            return new Pair(plain, quoted);
        }
    }
}
