package pl.koordes.events.internal;

import java.util.ArrayList;
import java.util.List;

/** A speaker of an event and the institution they come from. */
public record Speaker(String name, String affiliation) {

    /** The speakers as stored ({@link StoredLines}), one a line. */
    public static List<Speaker> parse(String text) {
        List<Speaker> speakers = new ArrayList<>();
        for (List<String> cells : StoredLines.read(text, 2)) {
            speakers.add(new Speaker(cells.get(0), cells.size() > 1 ? cells.get(1) : ""));
        }
        return speakers;
    }

    /** The speakers as stored, one a line. */
    static String format(List<Speaker> speakers) {
        return String.join(
                "\n",
                speakers.stream()
                        .map(s -> StoredLines.line(List.of(s.name(), s.affiliation())))
                        .toList());
    }
}
