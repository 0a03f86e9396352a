package pl.koordes.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PolishHolidaysTests {

    @Test
    void easterFallsOnTheDatesTheCalendarGives() {
        // Published dates of Easter Sunday.
        assertThat(PolishHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PolishHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PolishHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PolishHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void christmasNewYearAndTheMovableFeastsAreNoWorkingDays() {
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2026, 12, 24)))
                .as("Wigilia from 2025")
                .isFalse();
        assertThat(PolishHolidays.isHoliday(LocalDate.of(2024, 12, 24)))
                .as("not yet in 2024")
                .isFalse();
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2027, 1, 6))).isFalse();
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2026, 4, 6)))
                .as("Easter Monday 2026")
                .isFalse();
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2026, 6, 4)))
                .as("Corpus Christi 2026")
                .isFalse();
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2026, 12, 5)))
                .as("a Saturday")
                .isFalse();
        assertThat(PolishHolidays.isWorkingDay(LocalDate.of(2026, 12, 4)))
                .as("a Friday")
                .isTrue();
    }

    @Test
    void theNextWorkingDaySkipsTheWholeChristmasBreak() {
        // 24–27 December 2026: Thursday to Sunday, holidays and a weekend.
        assertThat(PolishHolidays.workingDayFrom(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(PolishHolidays.workingDayUntil(LocalDate.of(2026, 12, 27))).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(PolishHolidays.workingDayFrom(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
