package pl.koordes.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import pl.koordes.shared.i18n.Language;

/** Numbers as CLDR writes them: Polish groups thousands with a non-breaking space from 10 000 on. */
class ChartNumbersTests {

    private final ChartNumbers polish = ChartNumbers.of(Language.PL.locale());
    private final ChartNumbers english = ChartNumbers.of(Language.EN.locale());

    @Test
    void polishNumbersHaveADecimalCommaAndGroupFromTenThousand() {
        assertThat(polish.format(new BigDecimal("1234"))).isEqualTo("1234");
        assertThat(polish.format(new BigDecimal("12345"))).isEqualTo("12\u00a0345");
        assertThat(polish.format(new BigDecimal("1234567.5"))).isEqualTo("1\u00a0234\u00a0567,5");
        assertThat(polish.format(new BigDecimal("1.5"))).isEqualTo("1,5");
        assertThat(polish.format(new BigDecimal("12.50"))).isEqualTo("12,5");
        assertThat(polish.format(new BigDecimal("0.125"), 2)).isEqualTo("0,13");
        assertThat(polish.format(new BigDecimal("-3.25"))).isEqualTo("-3,25");
        assertThat(polish.format(2.0)).isEqualTo("2");
        assertThat(polish.format(1.0 / 3)).isEqualTo("0,33");
    }

    @Test
    void englishNumbersHaveADecimalPointAndGroupFromAThousand() {
        assertThat(english.format(new BigDecimal("1234"))).isEqualTo("1,234");
        assertThat(english.format(new BigDecimal("12345"))).isEqualTo("12,345");
        assertThat(english.format(new BigDecimal("1.5"))).isEqualTo("1.5");
    }

    @Test
    void shortUnitsGoBesideTheNumberAndLongOnesStayInTheHeaders() {
        assertThat(ChartNumbers.withUnit("12,5", "%")).isEqualTo("12,5%");
        assertThat(ChartNumbers.withUnit("120", "szt.")).isEqualTo("120\u00a0szt.");
        assertThat(ChartNumbers.withUnit("120", "liczba podmiotów")).isEqualTo("120");
        assertThat(ChartNumbers.withUnit("120", null)).isEqualTo("120");
        assertThat(ChartNumbers.withUnit("120", " ")).isEqualTo("120");
    }
}
