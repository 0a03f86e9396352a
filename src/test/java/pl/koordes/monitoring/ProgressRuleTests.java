package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.koordes.monitoring.internal.Improvement;
import pl.koordes.monitoring.internal.ProgressRule;
import pl.koordes.monitoring.internal.ProgressRule.Definition;
import pl.koordes.monitoring.internal.ProgressRule.Status;
import pl.koordes.monitoring.internal.TimeRule;

class ProgressRuleTests {

    /** 100 in 2020 to 200 in 2030: 150 expected in 2025. */
    private static final Definition STOCK = new Definition(
            new BigDecimal("100"), 2020, Map.of(2030, new BigDecimal("200")), Improvement.UP, TimeRule.STOCK);

    @Test
    void aStockIsMeasuredAgainstTheStraightLineFromBaselineToTarget() {
        assertThat(ProgressRule.expected(STOCK, 2025)).isEqualByComparingTo("150");
        assertThat(ProgressRule.of(STOCK, new BigDecimal("146"), 2025).status()).isEqualTo(Status.ON_TRACK);
        assertThat(ProgressRule.of(STOCK, new BigDecimal("135"), 2025).status()).isEqualTo(Status.AT_RISK);
        assertThat(ProgressRule.of(STOCK, new BigDecimal("120"), 2025).status()).isEqualTo(Status.OFF_TRACK);
        assertThat(ProgressRule.of(STOCK, new BigDecimal("120"), 2025).achieved())
                .isEqualByComparingTo("0.4");
    }

    @Test
    void lowerIsBetterWorksTheSameWay() {
        Definition waiting = new Definition(
                new BigDecimal("30"), 2020, Map.of(2030, new BigDecimal("10")), Improvement.DOWN, TimeRule.STOCK);
        assertThat(ProgressRule.of(waiting, new BigDecimal("20"), 2025).status())
                .isEqualTo(Status.ON_TRACK);
        assertThat(ProgressRule.of(waiting, new BigDecimal("24"), 2025).status())
                .isEqualTo(Status.AT_RISK);
        assertThat(ProgressRule.of(waiting, new BigDecimal("35"), 2025).status())
                .isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void aFlowIsComparedWithItsYearsOwnTarget() {
        Definition jobs = new Definition(
                BigDecimal.ZERO,
                2020,
                Map.of(2024, new BigDecimal("200"), 2025, new BigDecimal("300")),
                Improvement.UP,
                TimeRule.FLOW);
        assertThat(ProgressRule.of(jobs, new BigDecimal("280"), 2025).status()).isEqualTo(Status.ON_TRACK);
        assertThat(ProgressRule.of(jobs, new BigDecimal("150"), 2024).status()).isEqualTo(Status.AT_RISK);
        assertThat(ProgressRule.of(jobs, new BigDecimal("100"), 2025).status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void withoutAValueOrATargetThereIsNothingToSay() {
        assertThat(ProgressRule.of(STOCK, null, 2025).status()).isEqualTo(Status.NO_DATA);
        Definition none = new Definition(BigDecimal.ONE, 2020, Map.of(), Improvement.UP, TimeRule.STOCK);
        assertThat(ProgressRule.of(none, BigDecimal.TEN, 2025).status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void fromTheTargetYearOnTheTargetItselfIsExpected() {
        assertThat(ProgressRule.expected(STOCK, 2031)).isEqualByComparingTo("200");
        assertThat(ProgressRule.of(STOCK, new BigDecimal("150"), 2030).status()).isEqualTo(Status.OFF_TRACK);
    }
}
