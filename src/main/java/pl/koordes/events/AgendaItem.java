package pl.koordes.events;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an event's agenda. Organisers write the agenda as lines {@code time | title | speakers}
 * (a form without JavaScript); this is the parsed line.
 */
public record AgendaItem(String time, String title, String speakers) {

    /** The agenda written as lines; blank lines are skipped, missing parts stay empty. */
    public static List<AgendaItem> parse(String text) {
        List<AgendaItem> items = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts.length == 1) {
                items.add(new AgendaItem("", parts[0].strip(), ""));
            } else {
                items.add(new AgendaItem(parts[0].strip(), parts[1].strip(), parts.length > 2 ? parts[2].strip() : ""));
            }
        }
        return items;
    }
}
