package pl.koordes.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * CSV downloads that Excel opens directly (the audit log, an event's participants): UTF-8 with a
 * byte-order mark and semicolons between cells, the list separator of Polish Excel. Cells a spreadsheet
 * would take for a formula are neutralised, so nothing a person typed ever runs as one.
 */
public final class ExcelCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT =
            CSVFormat.EXCEL.builder().setDelimiter(';').get();

    private ExcelCsv() {}

    /** Writes the byte-order mark and returns a printer of semicolon-separated rows to {@code out}. */
    public static CSVPrinter printer(OutputStream out) throws IOException {
        out.write(BOM);
        return new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
    }

    /** Whether a spreadsheet would read {@code value} as a formula: it starts with =, +, -, @, a tab or a carriage return. */
    public static boolean startsLikeAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    /**
     * The cell as typed, with an apostrophe before every place a spreadsheet could start a formula:
     * the cell's start, and every start of a piece after a comma, semicolon, tab, vertical bar or line
     * break (spaces allowed between). The file's separator is a semicolon, but a spreadsheet set to
     * another locale splits at commas or tabs, and then "Nowak,=HYPERLINK(…)" would be two cells, the
     * second a formula. Null gives an empty cell.
     */
    public static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return PIECE_FORMULA.matcher(value).replaceAll("'$0");
    }

    /** A formula's first character at the start or after a separator any spreadsheet might split at. */
    private static final Pattern PIECE_FORMULA = Pattern.compile("(?<=^|[,;|\\t\\r\\n])[ \\u00A0]*[=+\\-@\\t\\r]");
}
