package pl.koordes.events.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.Participant;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.shared.web.Page;

/**
 * An event's registrations as an XLSX workbook. Every cell is a text cell, never a formula; a value that
 * starts like a formula (=, +, -, @) is also marked "quote prefixed", so a spreadsheet shows it as typed
 * and never evaluates it, even after the cell is edited.
 */
final class ParticipantXlsx {

    private ParticipantXlsx() {}

    static void write(
            OutputStream out, Page page, String sheetName, List<Participant> registrations, Map<Long, Region> regions)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            write(sheet.createRow(0), ParticipantRows.header(page), header, header);
            int n = 1;
            for (Participant r : registrations) {
                write(sheet.createRow(n++), ParticipantRows.row(page, r, regions), null, text);
            }
            workbook.write(out);
        }
    }

    private static void write(Row row, List<String> values, CellStyle style, CellStyle risky) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            var cell = row.createCell(i);
            // Excel refuses cells over 32 767 characters.
            cell.setCellValue(value.length() > 32_000 ? value.substring(0, 32_000) : value);
            if (ExcelCsv.startsLikeAFormula(value)) {
                cell.setCellStyle(risky);
            } else if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
