package pl.koordes.committees.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A meeting's values as its audit lines keep them: long texts and links as a fingerprint that shows they changed. */
final class MeetingAudit {

    private MeetingAudit() {}

    static Map<String, @Nullable Object> of(Meeting meeting) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", meeting.title());
        values.put("status", meeting.status().name());
        values.put("startsAt", meeting.startsAt().toString());
        values.put("endsAt", meeting.endsAt().toString());
        values.put("place", meeting.place());
        values.put("onlineLink", meeting.onlineUrl() == null ? null : fingerprint(meeting.onlineUrl()));
        values.put("agenda", fingerprint(meeting.agenda()));
        values.put("publicMeeting", meeting.publicMeeting());
        values.put("eventId", meeting.eventId());
        values.put("rowVersion", meeting.rowVersion());
        return values;
    }

    static String fingerprint(String text) {
        return Integer.toHexString(text.hashCode());
    }
}
