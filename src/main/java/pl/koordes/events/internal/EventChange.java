package pl.koordes.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing registrants rely on that an organiser changed, as the change e-mail names it: what it
 * was and what it is now, so that nobody has to compare the new details with an old calendar entry.
 *
 * @param what the message key naming the thing (the time, the place, the online link)
 * @param before its earlier value as shown, or null where the value is not repeated (the link)
 * @param after its value now, or null likewise
 */
public record EventChange(
        String what, @Nullable String before, @Nullable String after) {

    /** The changes between two versions of one event, in the order the e-mail lists them. */
    static List<EventChange> between(Event before, Event after) {
        List<EventChange> changes = new ArrayList<>();
        if (!before.when().equals(after.when())) {
            changes.add(new EventChange("events.mail.change.when", before.when(), after.when()));
        }
        String placeBefore = place(before);
        String placeAfter = place(after);
        if (!Objects.equals(placeBefore, placeAfter)) {
            changes.add(new EventChange("events.mail.change.where", orDash(placeBefore), orDash(placeAfter)));
        }
        if (!Objects.equals(before.onlineLink(), after.onlineLink())) {
            // The link itself goes only to confirmed participants, in the event's details below.
            changes.add(new EventChange("events.mail.change.onlineLink", null, null));
        }
        return List.copyOf(changes);
    }

    private static @Nullable String place(Event event) {
        if (event.venue() == null) {
            return event.address();
        }
        return event.address() == null ? event.venue() : event.venue() + ", " + event.address();
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "—" : value;
    }
}
