package pl.koordes.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The organisers' event form exactly as typed: every value a string, so that nothing a browser sends
 * fails to bind, and the form comes back with what was typed when {@link EventManagement} refuses it.
 * Dates are {@code yyyy-MM-dd} and times {@code HH:mm} (the browser's date and time fields), in Europe/Warsaw.
 *
 * @param agenda lines {@code time | title | speakers}
 * @param speakers lines {@code name | affiliation}
 * @param materials lines {@code title | address | public} or {@code … | participants}
 */
public record EventForm(@Nullable String type, @Nullable String level, @Nullable String regionId,
        @Nullable String macroregionId, @Nullable String format, @Nullable String title, @Nullable String description,
        @Nullable String venue, @Nullable String address, @Nullable String onlineLink, @Nullable String startDate,
        @Nullable String startTime, @Nullable String endDate, @Nullable String endTime, @Nullable String seatsOnSite,
        @Nullable String seatsOnline, @Nullable String regionQuota, @Nullable String opensDate,
        @Nullable String closesDate, @Nullable String audience, @Nullable List<String> audienceRoles,
        @Nullable String agenda, @Nullable String speakers, @Nullable String materials) {

    public static EventForm empty() {
        return new EventForm("MEETING", "REGIONAL", "", "", "IN_PERSON", "", "", "", "", "", "", "10:00", "", "14:00",
                "30", "0", "", "", "", "ANYONE", List.of(), "", "", "");
    }

    /** A value for the form field, never null. */
    public static String value(@Nullable String s) {
        return s == null ? "" : s;
    }

    public List<String> roles() {
        return audienceRoles == null ? List.of() : audienceRoles;
    }
}
