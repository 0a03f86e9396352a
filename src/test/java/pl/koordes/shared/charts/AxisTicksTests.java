package pl.koordes.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.koordes.shared.i18n.Language;

/** Axis marks at steps of 1, 2 or 5 times a power of ten, exact, covering every value. */
class AxisTicksTests {

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisTicks.niceStep(17.4)).isEqualByComparingTo("20");
        assertThat(AxisTicks.niceStep(0.06)).isEqualByComparingTo("0.1");
        assertThat(AxisTicks.niceStep(3)).isEqualByComparingTo("5");
        assertThat(AxisTicks.niceStep(1)).isEqualByComparingTo("1");
        assertThat(AxisTicks.niceStep(120)).isEqualByComparingTo("200");
        assertThat(AxisTicks.niceStep(0.0015)).isEqualByComparingTo("0.002");
    }

    @Test
    void marksCoverTheValuesFromAMultipleOfTheStep() {
        AxisTicks ticks = AxisTicks.nice(0, 87, 6);
        assertThat(ticks.values()).extracting(BigDecimal::intValueExact).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(ticks.decimals()).isZero();

        AxisTicks negative = AxisTicks.nice(-13, 42, 6);
        assertThat(negative.min()).isEqualByComparingTo("-20");
        assertThat(negative.max()).isEqualByComparingTo("60");
    }

    @Test
    void decimalMarksAreExact() {
        AxisTicks ticks = AxisTicks.nice(0, 0.3, 6);
        assertThat(ticks.values().stream().map(BigDecimal::toPlainString).toList())
                .isEqualTo(List.of("0", "0.1", "0.2", "0.3"));
        assertThat(ticks.decimals()).isEqualTo(1);
        assertThat(ChartNumbers.of(Language.PL.locale()).format(ticks.values().get(1), 1))
                .isEqualTo("0,1");
    }

    @Test
    void equalEndsStillMakeAnAxis() {
        assertThat(AxisTicks.nice(0, 0, 6).max()).isEqualByComparingTo("1");
        AxisTicks five = AxisTicks.nice(5, 5, 6);
        assertThat(five.min()).isEqualByComparingTo("0");
        assertThat(five.max()).isEqualByComparingTo("5");
        assertThat(AxisTicks.nice(-4, -4, 6).max()).isEqualByComparingTo("0");
        assertThatIllegalArgumentException().isThrownBy(() -> AxisTicks.nice(0, Double.NaN, 6));
    }
}
