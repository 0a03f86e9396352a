package pl.koordes.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Public holidays in Poland (ustawa o dniach wolnych od pracy), for planning: an office does not hold a
 * conference on 25 December or on a Saturday. Christmas Eve is a holiday from 2025. The movable feasts
 * follow Easter (Gregorian computus).
 */
public final class PolishHolidays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), // Nowy Rok
            MonthDay.of(1, 6), // Trzech Króli
            MonthDay.of(5, 1), // Święto Pracy
            MonthDay.of(5, 3), // Święto Konstytucji 3 Maja
            MonthDay.of(8, 15), // Wniebowzięcie NMP
            MonthDay.of(11, 1), // Wszystkich Świętych
            MonthDay.of(11, 11), // Święto Niepodległości
            MonthDay.of(12, 25), // Boże Narodzenie
            MonthDay.of(12, 26)); // drugi dzień Bożego Narodzenia

    private PolishHolidays() {}

    public static boolean isHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        if (day.getYear() >= 2025 && MonthDay.from(day).equals(MonthDay.of(12, 24))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        return day.equals(easter)
                || day.equals(easter.plusDays(1)) // Poniedziałek Wielkanocny
                || day.equals(easter.plusDays(49)) // Zielone Świątki
                || day.equals(easter.plusDays(60)); // Boże Ciało
    }

    /** Monday to Friday and not a public holiday. */
    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The day itself when it is a working day, otherwise the next one. */
    public static LocalDate workingDayFrom(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The day itself when it is a working day, otherwise the one before. */
    public static LocalDate workingDayUntil(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
