package pl.koordes.events;

import java.util.ArrayList;
import java.util.List;

/** A speaker of an event, written by organisers as a line {@code name | affiliation}. */
public record Speaker(String name, String affiliation) {

    public static List<Speaker> parse(String text) {
        List<Speaker> speakers = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            speakers.add(new Speaker(parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""));
        }
        return speakers;
    }
}
