package pl.koordes.postulates.web;

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
import pl.koordes.shared.web.ExcelCsv;

/**
 * The public files of postulates (the list, the statistics, the open data), written row by row as the rows
 * arrive. Text cells are never formulas: in the CSV a cell that starts like one gets an apostrophe
 * ({@link ExcelCsv#safe}); in the XLSX it is a text cell marked "quote prefixed", which a spreadsheet never
 * evaluates. Numbers are number cells; an empty cell is null.
 */
final class PublicDownloads {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private PublicDownloads() {}

    /** Receives the rows of a file, one list of cells (String, Number or null) at a time. */
    interface Rows {
        void write(Writer writer) throws IOException;
    }

    /** Takes one row of cells. */
    interface Writer {
        void row(List<@Nullable Object> cells) throws IOException;
    }

    static void csv(OutputStream out, List<String> header, Rows rows) throws IOException {
        CSVPrinter printer = ExcelCsv.printer(out);
        printer.printRecord(header);
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

    static void xlsx(OutputStream out, String sheetName, List<String> header, Rows rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            sheet.createFreezePane(0, 1);
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = first.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(bold);
            }
            int[] next = {1};
            int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
            rows.write(cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
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
