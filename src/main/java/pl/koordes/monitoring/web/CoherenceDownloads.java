package pl.koordes.monitoring.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringFigures;
import pl.koordes.monitoring.internal.ProgressRule;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.shared.web.Page;

/**
 * The coherence matrix as a file: one row per region and KPRES direction, with the header documented on the
 * matrix page and in docs/monitoring.md. Text cells are never formulas: in the CSV a cell that starts like one
 * gets an apostrophe ({@link ExcelCsv#safe}); in the XLSX it is a text cell marked "quote prefixed", so a
 * spreadsheet never evaluates it. Counts are numbers.
 */
final class CoherenceDownloads {

    /** The header (the same in both files and both languages: column names are part of the open data). */
    static final List<String> HEADER = List.of(
            "wojewodztwo",
            "obszar",
            "kierunek_kod",
            "kierunek",
            "dzialania",
            "wskazniki",
            "zgodnie_z_planem",
            "zagrozone",
            "powaznie_opoznione",
            "brak_danych",
            "kierunek_pokryty");

    private CoherenceDownloads() {}

    /** A row: texts first, then the counts, then "tak"/"nie". */
    private record Line(List<String> texts, List<Integer> counts, boolean covered) {}

    private static List<Line> lines(Page page, MonitoringFigures.Matrix matrix) {
        List<Line> lines = new ArrayList<>();
        for (Region region : matrix.regions()) {
            for (MonitoringFigures.Direction direction : matrix.directions()) {
                MonitoringFigures.Cell cell = matrix.cell(region, direction);
                lines.add(new Line(
                        List.of(
                                region.name(page.locale()),
                                direction.area().code(),
                                direction.code(),
                                direction.name(page.locale())),
                        List.of(
                                cell.actions(),
                                cell.indicators(),
                                cell.count(ProgressRule.Status.ON_TRACK),
                                cell.count(ProgressRule.Status.AT_RISK),
                                cell.count(ProgressRule.Status.OFF_TRACK),
                                cell.count(ProgressRule.Status.NO_DATA)),
                        cell.covered()));
            }
        }
        return lines;
    }

    static void csv(OutputStream out, Page page, MonitoringFigures.Matrix matrix) throws IOException {
        try (CSVPrinter printer = ExcelCsv.printer(out)) {
            printer.printRecord(HEADER);
            for (Line line : lines(page, matrix)) {
                List<String> record = new ArrayList<>();
                line.texts().forEach(t -> record.add(ExcelCsv.safe(t)));
                line.counts().forEach(c -> record.add(String.valueOf(c)));
                record.add(line.covered() ? "tak" : "nie");
                printer.printRecord(record);
            }
        }
    }

    static void xlsx(OutputStream out, Page page, MonitoringFigures.Matrix matrix) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setQuotePrefixed(true);
            Sheet sheet =
                    workbook.createSheet(WorkbookUtil.createSafeSheetName(page.t("monitoring.analysis.matrix.sheet")));
            sheet.createFreezePane(0, 1);
            Row first = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell cell = first.createCell(i);
                cell.setCellValue(HEADER.get(i));
                cell.setCellStyle(header);
            }
            int n = 1;
            for (Line line : lines(page, matrix)) {
                Row row = sheet.createRow(n++);
                int c = 0;
                for (String value : line.texts()) {
                    Cell cell = row.createCell(c++);
                    // Excel refuses cells over 32 767 characters.
                    cell.setCellValue(value.length() > 32_000 ? value.substring(0, 32_000) : value);
                    if (ExcelCsv.startsLikeAFormula(value)) {
                        cell.setCellStyle(text);
                    }
                }
                for (Integer count : line.counts()) {
                    row.createCell(c++).setCellValue(count);
                }
                row.createCell(c).setCellValue(line.covered() ? "tak" : "nie");
            }
            workbook.write(out);
        }
    }
}
