package pl.koordes.monitoring.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.ExcelCsv;

/**
 * Approved values as open data (CSV and XLSX with the documented header, {@link #HEADER}), and a region's
 * values of one period in every state (XLSX, for the region and the operators). Rows are streamed from
 * the database (a cursor of {@value #FETCH} rows) into the response: a large file is never held in memory.
 * Text cells that a spreadsheet would take for a formula are neutralised ({@link ExcelCsv#safe} in CSV, a
 * quote-prefixed text cell in XLSX).
 */
@Component
public class OpenDataExport {

    /** The CSV header, exactly as documented on /monitoring/dane and in docs/monitoring.md. */
    public static final List<String> HEADER = List.of(
            "kod_teryt",
            "wojewodztwo",
            "kod_wskaznika",
            "nazwa_wskaznika",
            "jednostka",
            "kod_wskaznika_kpres",
            "rok",
            "polrocze",
            "wartosc",
            "data_zatwierdzenia");

    private static final int FETCH = 500;

    /** One approved value, as a row of the open data. */
    public record Approved(
            String teryt,
            String region,
            String code,
            String name,
            String unit,
            @Nullable String kpres,
            int year,
            @Nullable Integer half,
            @Nullable BigDecimal value,
            @Nullable LocalDate approvedOn) {}

    /** The filters of the open data: a year and a region's TERYT code, each optional. */
    public record Filter(@Nullable Integer year, @Nullable String teryt) {}

    private final JdbcTemplate jdbc;
    private final Messages messages;

    OpenDataExport(DataSource dataSource, Messages messages) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.messages = messages;
    }

    /** Writes the approved values as CSV: UTF-8 with a byte-order mark, semicolons, a dot in numbers. */
    @Transactional(readOnly = true)
    public void csv(OutputStream out, Filter filter) throws IOException {
        CSVPrinter printer = ExcelCsv.printer(out);
        printer.printRecord(HEADER);
        approved(filter, row -> {
            try {
                printer.printRecord(
                        row.teryt(),
                        ExcelCsv.safe(row.region()),
                        ExcelCsv.safe(row.code()),
                        ExcelCsv.safe(row.name()),
                        ExcelCsv.safe(row.unit()),
                        ExcelCsv.safe(row.kpres()),
                        row.year(),
                        row.half() == null ? "" : row.half(),
                        row.value() == null
                                ? ""
                                : row.value().stripTrailingZeros().toPlainString(),
                        row.approvedOn() == null ? "" : row.approvedOn().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.close(true);
    }

    /** Writes the approved values as an XLSX workbook with the same columns; numbers are number cells. */
    @Transactional(readOnly = true)
    public void xlsx(OutputStream out, Filter filter) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Cells cells = new Cells(workbook);
            Sheet sheet = workbook.createSheet("dane");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                cells.text(header.createCell(i), HEADER.get(i), cells.header);
            }
            int[] next = {1};
            approved(filter, row -> {
                Row r = sheet.createRow(next[0]++);
                cells.text(r.createCell(0), row.teryt(), null);
                cells.text(r.createCell(1), row.region(), null);
                cells.text(r.createCell(2), row.code(), null);
                cells.text(r.createCell(3), row.name(), null);
                cells.text(r.createCell(4), row.unit(), null);
                cells.text(r.createCell(5), row.kpres(), null);
                r.createCell(6).setCellValue(row.year());
                if (row.half() != null) {
                    r.createCell(7).setCellValue(row.half());
                }
                if (row.value() != null) {
                    r.createCell(8).setCellValue(row.value().doubleValue());
                }
                cells.text(
                        r.createCell(9),
                        row.approvedOn() == null ? null : row.approvedOn().toString(),
                        null);
            });
            workbook.write(out);
        }
    }

    /**
     * A region's values of one period in every state, with the period's indicators that have none yet, as
     * an XLSX workbook in the reader's language (for the region and the operators).
     */
    public void regionXlsx(OutputStream out, Locale locale, String title, List<TransferStore.Line> lines)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Cells cells = new Cells(workbook);
            Sheet sheet = workbook.createSheet("wartosci");
            cells.text(sheet.createRow(0).createCell(0), title, cells.header);
            List<String> keys = List.of(
                    "monitoring.transfer.column.code",
                    "monitoring.transfer.column.name",
                    "monitoring.transfer.column.unit",
                    "monitoring.transfer.column.status",
                    "monitoring.transfer.column.value",
                    "monitoring.transfer.column.notAvailable",
                    "monitoring.transfer.column.expected",
                    "monitoring.transfer.column.comment",
                    "monitoring.transfer.column.source",
                    "monitoring.transfer.column.previous",
                    "monitoring.transfer.column.target");
            Row header = sheet.createRow(1);
            for (int i = 0; i < keys.size(); i++) {
                cells.text(header.createCell(i), messages.get(locale, keys.get(i)), cells.header);
            }
            int n = 2;
            for (TransferStore.Line line : lines) {
                Row r = sheet.createRow(n++);
                cells.text(r.createCell(0), line.code(), null);
                cells.text(r.createCell(1), line.name(), null);
                cells.text(r.createCell(2), line.unit(), null);
                cells.text(
                        r.createCell(3),
                        messages.get(
                                locale,
                                "monitoring.transfer.status."
                                        + (line.status() == null
                                                ? "NONE"
                                                : line.status().name())),
                        null);
                cells.number(r.createCell(4), line.value());
                cells.text(r.createCell(5), line.notAvailable() ? TransferTemplate.YES : "", null);
                cells.text(
                        r.createCell(6), line.expectedDate() == null ? null : Formats.date(line.expectedDate()), null);
                cells.text(r.createCell(7), line.comment(), null);
                cells.text(r.createCell(8), line.source(), null);
                cells.number(r.createCell(9), line.previous());
                cells.number(r.createCell(10), line.target());
            }
            workbook.write(out);
        }
    }

    /** How many approved values there are, and the years they cover (for the open data page). */
    public Summary summary() {
        List<Integer> years = new ArrayList<>();
        long[] count = {0};
        jdbc.query("""
                select p.year, count(*) from monitoring_value v join monitoring_period p on p.id = v.period_id
                where v.status = 'APPROVED' group by p.year order by p.year desc""", rs -> {
            years.add(rs.getInt(1));
            count[0] += rs.getLong(2);
        });
        return new Summary(count[0], years);
    }

    /** The number of approved values and their years, newest first. */
    public record Summary(long count, List<Integer> years) {}

    private interface RowSink {
        void accept(Approved row) throws IOException;
    }

    private void approved(Filter filter, RowSink sink) {
        jdbc.query(
                """
                select r.teryt, r.name_pl, i.code, d.name, d.unit, ni.code as kpres, p.year, p.half, v.value,
                       v.approved_at
                from monitoring_value v
                join monitoring_period p on p.id = v.period_id
                join monitoring_indicator i on i.id = v.indicator_id
                join region r on r.id = v.region_id
                join lateral (
                    select vi.name, vi.unit, vi.national_indicator_id
                    from monitoring_version_indicator vi
                    join monitoring_programme_version pv on pv.id = vi.version_id
                    where vi.indicator_id = i.id and pv.status <> 'DRAFT'
                    order by (pv.status = 'CURRENT') desc, pv.number desc
                    limit 1) d on true
                left join monitoring_national_indicator ni on ni.id = d.national_indicator_id
                where v.status = 'APPROVED'
                  and (cast(? as int) is null or p.year = ?)
                  and (cast(? as varchar) is null or r.teryt = ?)
                order by r.teryt, i.code, p.year, coalesce(p.half, 0)
                """,
                rs -> {
                    try {
                        sink.accept(row(rs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                filter.year(),
                filter.year(),
                filter.teryt(),
                filter.teryt());
    }

    private static Approved row(ResultSet rs) throws SQLException {
        OffsetDateTime approved = rs.getObject("approved_at", OffsetDateTime.class);
        return new Approved(
                rs.getString("teryt"),
                rs.getString("name_pl"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getString("kpres"),
                rs.getInt("year"),
                rs.getObject("half", Integer.class),
                rs.getBigDecimal("value"),
                approved == null
                        ? null
                        : approved.atZoneSameInstant(Formats.ZONE).toLocalDate());
    }

    /** Cell styles of an export, and text cells that never turn into formulas. */
    private static final class Cells {

        final CellStyle header;
        final CellStyle quoted;

        Cells(SXSSFWorkbook workbook) {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
        }

        void text(Cell cell, @Nullable String value, @Nullable CellStyle style) {
            if (value == null) {
                return;
            }
            int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
            cell.setCellValue(value.length() > max ? value.substring(0, max) : value);
            if (ExcelCsv.startsLikeAFormula(value)) {
                cell.setCellStyle(quoted);
            } else if (style != null) {
                cell.setCellStyle(style);
            }
        }

        void number(Cell cell, @Nullable BigDecimal value) {
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
        }
    }
}
