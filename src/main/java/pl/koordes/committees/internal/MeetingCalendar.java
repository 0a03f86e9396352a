package pl.koordes.committees.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.events.CalendarFiles;
import pl.koordes.shared.i18n.Formats;

/** A meeting as a calendar entry and as the line that says when it is ("12.03.2026, 10:00–13:00"). */
public final class MeetingCalendar {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private MeetingCalendar() {}

    public static CalendarFiles.Entry entry(Meeting meeting, String path) {
        StringBuilder description = new StringBuilder(meeting.agenda());
        if (meeting.onlineUrl() != null) {
            description.append(description.isEmpty() ? "" : "\n\n").append(meeting.onlineUrl());
        }
        return new CalendarFiles.Entry(
                "committee-meeting-" + meeting.id(),
                meeting.startsAt(),
                meeting.endsAt(),
                meeting.title(),
                description.toString(),
                location(meeting),
                path,
                meeting.status() == MeetingStatus.CANCELLED);
    }

    /** The day and the hours in Europe/Warsaw. */
    public static String when(Meeting meeting) {
        ZonedDateTime start = meeting.startsAt().atZone(Formats.ZONE);
        ZonedDateTime end = meeting.endsAt().atZone(Formats.ZONE);
        return Formats.date(start.toLocalDate()) + ", " + TIME.format(start) + "–" + TIME.format(end);
    }

    private static @Nullable String location(Meeting meeting) {
        return meeting.place() != null ? meeting.place() : meeting.onlineUrl();
    }
}
