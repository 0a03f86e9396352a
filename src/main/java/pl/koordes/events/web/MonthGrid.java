package pl.koordes.events.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import pl.koordes.events.internal.Event;

/** A month as a calendar of weeks from Monday, each day with the events on it. */
public record MonthGrid(YearMonth month, List<List<Day>> weeks, List<Event> events) {

    /** One cell: its date, whether it belongs to the month shown, whether it is today, and its events. */
    public record Day(LocalDate date, boolean inMonth, boolean today, List<Event> events) {}

    static MonthGrid of(YearMonth month, List<Event> events, LocalDate today) {
        LocalDate first = month.atDay(1);
        LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        LocalDate last = month.atEndOfMonth();
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate weekStart = start; !weekStart.isAfter(last); weekStart = weekStart.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = weekStart.plusDays(d);
                List<Event> on = events.stream()
                        .filter(e -> !e.start().toLocalDate().isAfter(date)
                                && !e.end().toLocalDate().isBefore(date))
                        .toList();
                week.add(new Day(date, YearMonth.from(date).equals(month), date.equals(today), on));
            }
            weeks.add(week);
        }
        return new MonthGrid(month, weeks, events);
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }
}
