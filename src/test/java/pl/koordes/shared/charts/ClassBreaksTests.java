package pl.koordes.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.koordes.shared.charts.ClassBreaks.Method;
import pl.koordes.shared.charts.ClassBreaks.ValueClass;

/** Classes of a map: quantiles or equal intervals, with no empty, repeated or missing class. */
class ClassBreaksTests {

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void quantilesPutAsManyAreasInEachClass() {
        List<BigDecimal> sixteen =
                IntStream.rangeClosed(1, 16).mapToObj(BigDecimal::valueOf).toList();
        ClassBreaks breaks = ClassBreaks.of(sixteen, Method.QUANTILE, 4);
        assertThat(breaks.classes())
                .extracting(ValueClass::upper)
                .map(BigDecimal::intValue)
                .containsExactly(4, 8, 12, 16);
        assertThat(breaks.classes().getFirst().lower()).isEqualByComparingTo("1");
        assertThat(sixteen.stream().map(breaks::classOf).toList())
                .containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
    }

    @Test
    void equalIntervalsSplitTheRange() {
        ClassBreaks breaks = ClassBreaks.of(values("0", "3", "10"), Method.EQUAL_INTERVAL, 4);
        assertThat(breaks.classes())
                .extracting(c -> c.upper().toPlainString())
                .containsExactly("2.5", "5", "7.5", "10");
        assertThat(breaks.classOf(new BigDecimal("2.5"))).isZero();
        assertThat(breaks.classOf(new BigDecimal("2.6"))).isEqualTo(1);
        assertThat(breaks.classOf(new BigDecimal("10"))).isEqualTo(3);
        assertThat(breaks.classOf(new BigDecimal("11"))).isEqualTo(-1);
    }

    @Test
    void repeatedQuantilesMakeFewerClasses() {
        ClassBreaks breaks =
                ClassBreaks.of(values("1", "1", "1", "1", "1", "1", "1", "1", "2", "3"), Method.QUANTILE, 5);
        assertThat(breaks.size()).isEqualTo(2);
        assertThat(breaks.classes().getFirst().single()).isTrue();
        assertThat(breaks.classOf(new BigDecimal("1"))).isZero();
        assertThat(breaks.classOf(new BigDecimal("2"))).isEqualTo(1);
    }

    @Test
    void oneValueAllEqualValuesAndNoValues() {
        for (Method method : Method.values()) {
            ClassBreaks one = ClassBreaks.of(values("7.5"), method, 5);
            assertThat(one.size()).isEqualTo(1);
            assertThat(one.classes().getFirst().single()).isTrue();
            assertThat(one.classOf(new BigDecimal("7.50"))).isZero();

            ClassBreaks equal = ClassBreaks.of(values("3", "3.0", "3"), method, 4);
            assertThat(equal.size()).isEqualTo(1);

            assertThat(ClassBreaks.of(List.of(), method, 4).isEmpty()).isTrue();
        }
    }

    @Test
    void aMapHasThreeToSevenClasses() {
        assertThatIllegalArgumentException().isThrownBy(() -> ClassBreaks.of(values("1"), Method.QUANTILE, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> ClassBreaks.of(values("1"), Method.QUANTILE, 8));
    }
}
