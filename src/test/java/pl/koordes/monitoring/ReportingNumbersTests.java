package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import pl.koordes.monitoring.internal.ReportingLine;
import pl.koordes.monitoring.internal.ReportingNumbers;

/** Numbers typed the Polish way and the English way, shown back in each, and the outlier rule. */
class ReportingNumbersTests {

    @Test
    void aDecimalCommaAPointAndSpacesBetweenThousandsReadTheSame() {
        assertThat(ReportingNumbers.parse("12,5")).isEqualByComparingTo("12.5");
        assertThat(ReportingNumbers.parse("12.5")).isEqualByComparingTo("12.5");
        assertThat(ReportingNumbers.parse("1 234,5")).isEqualByComparingTo("1234.5");
        assertThat(ReportingNumbers.parse("1\u00a0234,5")).isEqualByComparingTo("1234.5");
        assertThat(ReportingNumbers.parse("−3")).isEqualByComparingTo("-3");
        assertThat(ReportingNumbers.parse("  ")).isNull();
        for (String wrong : new String[] {"dwanaście", "1,2,3", "1.234,5", "12,34567", "1e5", "0x10"}) {
            assertThat(ReportingNumbers.valid(wrong)).as(wrong).isFalse();
            assertThatThrownBy(() -> ReportingNumbers.parse(wrong)).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void numbersAreShownWithTheLanguagesSeparators() {
        assertThat(ReportingNumbers.format(new BigDecimal("1234.5000"), Locale.of("pl")))
                .isEqualTo("1\u00a0234,5");
        assertThat(ReportingNumbers.format(new BigDecimal("1234.5"), Locale.ENGLISH))
                .isEqualTo("1,234.5");
        assertThat(ReportingNumbers.input(new BigDecimal("1234.5000"))).isEqualTo("1234,5");
    }

    @Test
    void aValueMoreThanThreeTimesOrLessThanAThirdOfThePreviousIsAnOutlier() {
        assertThat(ReportingLine.outlier(new BigDecimal("31"), BigDecimal.TEN)).isTrue();
        assertThat(ReportingLine.outlier(new BigDecimal("30"), BigDecimal.TEN)).isFalse();
        assertThat(ReportingLine.outlier(new BigDecimal("3.3"), BigDecimal.TEN)).isTrue();
        assertThat(ReportingLine.outlier(new BigDecimal("3.4"), BigDecimal.TEN)).isFalse();
        assertThat(ReportingLine.outlier(BigDecimal.ONE, null)).isFalse();
        assertThat(ReportingLine.outlier(BigDecimal.ONE, BigDecimal.ZERO)).isFalse();
    }
}
