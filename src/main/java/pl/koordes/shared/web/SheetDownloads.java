package pl.koordes.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Tables downloaded as CSV (UTF-8 with a byte-order mark, semicolons: {@link ExcelCsv}) or XLSX (POI's
 * streaming workbook: 100 rows in memory, the rest in a temporary file), written row by row as the rows
 * come, so a file of any length takes the same memory. Nothing typed is ever a formula: in the CSV a cell
 * that starts like one gets an apostrophe ({@link ExcelCsv#safe}), header included; in the XLSX every text
 * is a text cell, and one that starts like a formula is also "quote prefixed". Numbers are number cells.
 * Used by the public postulates' files and the survey results.
 */
public final class SheetDownloads {

    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SheetDownloads() {}

    /** Produces the rows of a file, handing each to the writer. */
    public interface Rows {
        void write(Writer writer) throws IOException;
    }

    /** Takes one row of cells (String, Number or null). */
    public interface Writer {
        void row(List<@Nullable Object> cells) throws IOException;
    }

    public static void csv(OutputStream out, List<String> header, Rows rows) throws IOException {
        CSVPrinter printer = ExcelCsv.printer(out);
        printer.printRecord(header.stream().map(ExcelCsv::safe).toList());
        rows.write(cells -> {
            List<String> record = new ArrayList<>(cells.size());
            for (Object cell : cells) {
                record.add(
                        cell == null
                                ? ""
                                : cell instanceof BigDecimal decimal
                                        ? decimal.toPlainString()
                                        : cell instanceof Number ? cell.toString() : ExcelCsv.safe(cell.toString()));
            }
            printer.printRecord(record);
        });
        printer.close(true);
    }

    public static void xlsx(OutputStream out, String sheetName, List<String> header, Rows rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle boldQuoted = workbook.createCellStyle();
            boldQuoted.setFont(font);
            boldQuoted.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            sheet.createFreezePane(0, 1);
            int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = first.createCell(i);
                String text = header.get(i);
                cell.setCellValue(text.length() > max ? text.substring(0, max) : text);
                cell.setCellStyle(ExcelCsv.startsLikeAFormula(text) ? boldQuoted : bold);
            }
            int[] next = {1};
            rows.write(cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    @Nullable Object value = cells.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        String text = value.toString();
                        cell.setCellValue(text.length() > max ? text.substring(0, max) : text);
                        if (ExcelCsv.startsLikeAFormula(text)) {
                            cell.setCellStyle(quoted);
                        }
                    }
                }
            });
            workbook.write(out);
        }
    }
}
