package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pl.koordes.monitoring.internal.TransferImport;

/** Numbers as people type them in a spreadsheet's text cell, and what is not taken for one. */
class TransferDecimalTests {

    @Test
    void aDecimalCommaADotAndSpacesBetweenThousandsAreNumbers() {
        assertThat(TransferImport.parseDecimal("12,5")).isEqualByComparingTo("12.5");
        assertThat(TransferImport.parseDecimal("12.5")).isEqualByComparingTo("12.5");
        assertThat(TransferImport.parseDecimal("1 234,5")).isEqualByComparingTo("1234.5");
        assertThat(TransferImport.parseDecimal("1\u00A0234,5")).isEqualByComparingTo("1234.5");
        assertThat(TransferImport.parseDecimal(" 7 ")).isEqualByComparingTo("7");
    }

    @Test
    void wordsAmbiguousSeparatorsAndFormulasAreNot() {
        assertThat(TransferImport.parseDecimal("abc")).isNull();
        assertThat(TransferImport.parseDecimal("1.234,5")).isNull();
        assertThat(TransferImport.parseDecimal("12,5%")).isNull();
        assertThat(TransferImport.parseDecimal("=1+1")).isNull();
        assertThat(TransferImport.parseDecimal("1e5")).isNull();
        assertThat(TransferImport.parseDecimal("")).isNull();
    }
}
