package pl.koordes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.Http;
import pl.koordes.support.SignedInClient;

/** Reading the report's workbook back, and the generated events of bench/report.sql. */
final class ReportTesting {

    static final int YEAR = LocalDate.now(ZoneId.of("Europe/Warsaw")).getYear();
    static final String PERIOD = "od=" + YEAR + "-01-01&do=" + YEAR + "-12-31";

    private ReportTesting() {}

    static HttpResponse<byte[]> bytes(int port, SignedInClient client, String path) {
        return new Http(port).getBytes(path, "Cookie", SignedInClient.SESSION_COOKIE + "=" + client.session());
    }

    /**
     * Every number of the workbook but the scope sheet's, keyed "sheet / caption / label" (a key figure's caption
     * is the section's title): the sheet's first row is its title, a row with a text alone is a table's caption,
     * a row with texts in its second cell a header, a row with a number in its second cell values.
     */
    static Map<String, double[]> numbers(byte[] xlsx) {
        Map<String, double[]> numbers = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                String caption = sheet.getRow(0).getCell(0).getStringCellValue();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null || row.getCell(0) == null) {
                        continue;
                    }
                    String label = row.getCell(0).getStringCellValue();
                    Cell second = row.getCell(1);
                    if (second == null && row.getLastCellNum() <= 1) {
                        caption = label;
                    } else if (second == null || second.getCellType() == CellType.NUMERIC) {
                        double[] values = new double[row.getLastCellNum() - 1];
                        for (int c = 1; c < row.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c);
                            values[c - 1] = cell == null ? Double.NaN : cell.getNumericCellValue();
                        }
                        numbers.put(sheet.getSheetName() + " / " + caption + " / " + label, values);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return numbers;
    }

    /** Runs bench/report.sql with its parameters replaced. */
    static void generate(JdbcClient jdbc, String label, int events, int registrations) {
        String sql;
        try {
            sql = Files.readString(Path.of("bench/report.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql = sql.replace(":'label'", "'" + label.replace("'", "''") + "'")
                .replace(":events", Integer.toString(events))
                .replace(":registrations", Integer.toString(registrations));
        for (String statement : sql.split(";\\s*\n")) {
            String body = statement
                    .lines()
                    .filter(line -> !line.startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b)
                    .strip();
            if (!body.isEmpty()) {
                assertThat(jdbc.sql(body).update()).as(body).isPositive();
            }
        }
        jdbc.sql("analyze event").update();
        jdbc.sql("analyze event_registration").update();
    }

    static void removeGenerated(JdbcClient jdbc) {
        jdbc.sql("delete from event where title like 'Wydarzenie generowane %'").update();
    }
}
