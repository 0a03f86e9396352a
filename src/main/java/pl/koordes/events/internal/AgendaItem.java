package pl.koordes.events.internal;

import java.util.ArrayList;
import java.util.List;

/** One point of an event's agenda: when, what, and who leads it (each may be empty but the title). */
public record AgendaItem(String time, String title, String speakers) {

    /** The agenda as stored ({@link StoredLines}); blank lines are skipped, missing parts stay empty. */
    public static List<AgendaItem> parse(String text) {
        List<AgendaItem> items = new ArrayList<>();
        for (List<String> cells : StoredLines.read(text, 3)) {
            if (cells.size() == 1) {
                items.add(new AgendaItem("", cells.get(0), ""));
            } else {
                items.add(new AgendaItem(cells.get(0), cells.get(1), cells.size() > 2 ? cells.get(2) : ""));
            }
        }
        return items;
    }

    /** The agenda as stored, one item a line. */
    static String format(List<AgendaItem> items) {
        return String.join(
                "\n",
                items.stream()
                        .map(i -> StoredLines.line(List.of(i.time(), i.title(), i.speakers())))
                        .toList());
    }
}
