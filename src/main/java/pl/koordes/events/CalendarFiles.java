package pl.koordes.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Calendar files (RFC 5545) for things other modules schedule (a committee's meetings), written exactly as the
 * events' own {@code .ics}: times in UTC, text escaped, lines folded at 75 octets.
 */
public interface CalendarFiles {

    /**
     * One entry of a calendar.
     *
     * @param uid unique and stable for the thing it describes ({@code committee-meeting-42}); "@koordes" is added
     * @param path its page on this site, made absolute in the file
     * @param cancelled written as STATUS:CANCELLED, so that calendars drop it
     */
    record Entry(
            String uid,
            Instant startsAt,
            Instant endsAt,
            String summary,
            String description,
            @Nullable String location,
            String path,
            boolean cancelled) {}

    /** A VCALENDAR named {@code name} with one VEVENT per entry. */
    String file(List<Entry> entries, String name);
}
