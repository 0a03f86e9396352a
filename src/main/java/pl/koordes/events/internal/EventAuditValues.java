package pl.koordes.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.i18n.Formats;

/** An event as its audit lines record it, before and after a change. */
final class EventAuditValues {

    private EventAuditValues() {}

    /**
     * The form's values as the audit log compares them: times in Warsaw time, long texts and the online
     * link as a fingerprint (the log shows that they changed without copying them).
     */
    static Map<String, @Nullable Object> of(Event event) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", event.title());
        values.put("type", event.type().name());
        values.put("level", event.level().name());
        values.put("regionId", event.regionId());
        values.put("macroregionId", event.macroregionId());
        values.put("format", event.format().name());
        values.put("startsAt", Formats.dateTime(event.startsAt()));
        values.put("endsAt", Formats.dateTime(event.endsAt()));
        values.put("venue", event.venue());
        values.put("address", event.address());
        values.put("onlineLink", fingerprint(event.onlineLink()));
        values.put("seatsOnSite", event.seatsOnSite());
        values.put("seatsOnline", event.seatsOnline());
        values.put("regionQuota", event.regionQuota());
        values.put(
                "registrationOpensAt",
                event.registrationOpensAt() == null ? null : Formats.dateTime(event.registrationOpensAt()));
        values.put(
                "registrationClosesAt",
                event.registrationClosesAt() == null ? null : Formats.dateTime(event.registrationClosesAt()));
        values.put("audience", event.audience().name());
        values.put(
                "audienceRoles",
                event.audienceRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        values.put("description", fingerprint(event.description()));
        values.put("agenda", fingerprint(event.agenda()));
        values.put("speakers", fingerprint(event.speakers()));
        values.put(
                "servedRegionIds",
                event.servedRegionIds().stream().sorted().toList().toString());
        values.put(
                "materials",
                fingerprint(event.materials().stream()
                        .map(m -> m.title() + " " + m.url() + " " + m.participantsOnly())
                        .collect(Collectors.joining("\n"))));
        return values;
    }

    /** A short stand-in for a text: it differs when the text does, and tells nothing of it. */
    private static @Nullable String fingerprint(@Nullable String text) {
        return text == null || text.isEmpty() ? null : Integer.toHexString(text.hashCode());
    }
}
