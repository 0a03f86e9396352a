package pl.koordes.reports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import pl.koordes.reports.internal.ProgrammeReports;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.i18n.Formats;

/**
 * The report as an XLSX workbook: first a sheet "Zakres" (the period, the region, when it was made), then a sheet
 * per section named after it (at most 31 characters) with its key figures and its tables. Every number is a
 * number cell with a format (counts whole, hours and days with one decimal, shares as percentages with one
 * decimal), headers are bold, the first row and the label column stay in place when scrolling. Texts come from
 * the sections and the directory, never from a visitor, so no cell can start a formula.
 */
final class ReportWorkbook {

    /** The words of the workbook, in Polish (a file is passed on). */
    record Words(
            String scopeSheet,
            String title,
            String periodFirst,
            String periodLast,
            String region,
            String regionName,
            String generatedAt,
            String figure,
            String value) {}

    private ReportWorkbook() {}

    static void write(OutputStream out, ProgrammeReports.Report report, Words words) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            bold.setWrapText(true);
            CellStyle boldFigure = workbook.createCellStyle();
            boldFigure.setFont(boldFont);
            short dateFormat = workbook.createDataFormat().getFormat("dd.mm.yyyy");
            short dateTimeFormat = workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(dateTimeFormat);
            Map<ReportUnit, CellStyle> plain = new EnumMap<>(ReportUnit.class);
            Map<ReportUnit, CellStyle> total = new EnumMap<>(ReportUnit.class);
            for (ReportUnit unit : ReportUnit.values()) {
                short format = workbook.createDataFormat().getFormat(format(unit));
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(format);
                plain.put(unit, style);
                CellStyle boldStyle = workbook.createCellStyle();
                boldStyle.setDataFormat(format);
                boldStyle.setFont(boldFont);
                total.put(unit, boldStyle);
            }

            Sheet scope = workbook.createSheet(WorkbookUtil.createSafeSheetName(words.scopeSheet()));
            text(scope.createRow(0), 0, words.title(), bold);
            Row first = scope.createRow(1);
            text(first, 0, words.periodFirst(), bold);
            first.createCell(1).setCellValue(report.scope().first());
            first.getCell(1).setCellStyle(date);
            Row last = scope.createRow(2);
            text(last, 0, words.periodLast(), bold);
            last.createCell(1).setCellValue(report.scope().last());
            last.getCell(1).setCellStyle(date);
            Row region = scope.createRow(3);
            text(region, 0, words.region(), bold);
            text(region, 1, words.regionName(), null);
            Row generated = scope.createRow(4);
            text(generated, 0, words.generatedAt(), bold);
            generated.createCell(1).setCellValue(LocalDateTime.ofInstant(report.generatedAt(), Formats.ZONE));
            generated.getCell(1).setCellStyle(dateTime);
            scope.setColumnWidth(0, 30 * 256);
            scope.setColumnWidth(1, 40 * 256);
            scope.createFreezePane(0, 1);

            Set<String> names = new HashSet<>();
            names.add(scope.getSheetName().toLowerCase(java.util.Locale.ROOT));
            for (ReportSection section : report.sections()) {
                Sheet sheet = workbook.createSheet(sheetName(section.title(), names));
                int r = 0;
                text(sheet.createRow(r++), 0, section.title(), bold);
                Row figureHeader = sheet.createRow(r++);
                text(figureHeader, 0, words.figure(), bold);
                text(figureHeader, 1, words.value(), bold);
                for (ReportFigure figure : section.figures()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, figure.label(), null);
                    number(row, 1, figure.value(), plain.get(figure.unit()));
                }
                int widest = 2;
                for (ReportTable table : section.tables()) {
                    r++;
                    text(sheet.createRow(r++), 0, table.caption(), boldFigure);
                    Row header = sheet.createRow(r++);
                    text(header, 0, table.labelHeading(), bold);
                    for (int c = 0; c < table.columns().size(); c++) {
                        text(header, c + 1, table.columns().get(c).heading(), bold);
                    }
                    widest = Math.max(widest, table.columns().size() + 1);
                    for (ReportRow reportRow : table.rows()) {
                        Row row = sheet.createRow(r++);
                        text(row, 0, reportRow.label(), reportRow.total() ? bold : null);
                        for (int c = 0; c < table.columns().size(); c++) {
                            ReportUnit unit = table.columns().get(c).unit();
                            number(
                                    row,
                                    c + 1,
                                    reportRow.values().get(c),
                                    (reportRow.total() ? total : plain).get(unit));
                        }
                    }
                }
                sheet.setColumnWidth(0, 60 * 256);
                for (int c = 1; c < widest; c++) {
                    sheet.setColumnWidth(c, 18 * 256);
                }
                sheet.createFreezePane(1, 1);
            }
            workbook.write(out);
        }
    }

    /** The sheet's name: the section's title cut to what a sheet takes, made unique. */
    static String sheetName(String title, Set<String> taken) {
        String name = WorkbookUtil.createSafeSheetName(title);
        int n = 2;
        while (!taken.add(name.toLowerCase(java.util.Locale.ROOT))) {
            String suffix = " " + n++;
            name = WorkbookUtil.createSafeSheetName(
                    title.substring(0, Math.min(title.length(), 31 - suffix.length())) + suffix);
        }
        return name;
    }

    static String format(ReportUnit unit) {
        return switch (unit) {
            case COUNT -> "#,##0";
            case HOURS, DAYS -> "0.0";
            case PERCENT -> "0.0%";
        };
    }

    private static void text(Row row, int column, String value, @Nullable CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, @Nullable BigDecimal value, @Nullable CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
