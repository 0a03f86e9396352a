package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class ExcelCsvTests {

    @Test
    void cellsThatWouldRunAsFormulasGetAnApostrophe() {
        for (String formula : new String[] {"=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(ExcelCsv.startsLikeAFormula(formula)).as(formula).isTrue();
            assertThat(ExcelCsv.safe(formula)).isEqualTo("'" + formula);
        }
        assertThat(ExcelCsv.safe("Anna Nowak")).isEqualTo("Anna Nowak");
        assertThat(ExcelCsv.safe("a=b")).isEqualTo("a=b");
        assertThat(ExcelCsv.safe("")).isEmpty();
        assertThat(ExcelCsv.safe(null)).isEmpty();
        assertThat(ExcelCsv.startsLikeAFormula("")).isFalse();
    }

    @Test
    void noPieceStartsAFormulaWhateverSeparatorTheSpreadsheetSplitsAt() {
        // Each payload, split at any separator a spreadsheet in any locale may use, must leave no piece
        // that starts (after spaces) with a formula character.
        String[] payloads = {
            "Nowak,=HYPERLINK(\"http://x.example\",\"klik\")",
            "a;+1",
            "a|@SUM(A1)",
            "a\t-2+3",
            "linia\n=1+1",
            "linia\r\n=1",
            "a, =1",
            "a,\u00A0=1",
            "x\t\t=1",
            "=a,=b;=c",
            "-",
            "@"
        };
        for (String payload : payloads) {
            String safe = ExcelCsv.safe(payload);
            for (String piece : safe.split("[,;|\t\r\n]", -1)) {
                String start = piece.replaceFirst("^[ \u00A0]*", "");
                assertThat(start.isEmpty() || "=+-@".indexOf(start.charAt(0)) < 0)
                        .as("piece '%s' of %s", piece, safe)
                        .isTrue();
            }
        }
        assertThat(ExcelCsv.safe("Nowak,=1")).isEqualTo("Nowak,'=1");
        assertThat(ExcelCsv.safe("Kraków, ul. Długa 5; II piętro")).isEqualTo("Kraków, ul. Długa 5; II piętro");
        assertThat(ExcelCsv.safe("2026-12-04")).isEqualTo("2026-12-04");
    }

    @Test
    void writesUtf8WithAByteOrderMarkAndSemicolons() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVPrinter printer = ExcelCsv.printer(out);
        printer.printRecord("Zażółć", "a;b");
        printer.close(true);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("Zażółć;\"a;b\"\r\n");
    }
}
