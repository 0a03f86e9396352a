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
    void writesUtf8WithAByteOrderMarkAndSemicolons() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVPrinter printer = ExcelCsv.printer(out);
        printer.printRecord("Zażółć", "a;b");
        printer.close(true);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("Zażółć;\"a;b\"\r\n");
    }
}
