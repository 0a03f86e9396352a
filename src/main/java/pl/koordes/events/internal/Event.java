package pl.koordes.events.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventReference;
import pl.koordes.events.EventStatus;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.Role;

/**
 * An event as stored, with the regions it serves and its materials.
 *
 * @param regionId the region of a regional event (its coordinator manages it), else null
 * @param macroregionId the macroregion of a macro-regional event, else null
 * @param servedRegionIds the regions the event is for (all sixteen for a national one)
 * @param regionQuota at most this many seats per region, or null for no limit
 * @param audienceRoles the roles that may register when the audience is {@link Audience#ROLES}
 * @param titleEn the English title, empty without one (as is {@code descriptionEn})
 */
public record Event(
        long id,
        EventType type,
        EventLevel level,
        @Nullable Long regionId,
        @Nullable Long macroregionId,
        EventFormat format,
        String title,
        String description,
        @Nullable String venue,
        @Nullable String address,
        @Nullable String onlineLink,
        Instant startsAt,
        Instant endsAt,
        int seatsOnSite,
        int seatsOnline,
        @Nullable Integer regionQuota,
        @Nullable Instant registrationOpensAt,
        @Nullable Instant registrationClosesAt,
        Audience audience,
        Set<Role> audienceRoles,
        EventStatus status,
        String agenda,
        String speakers,
        List<Long> servedRegionIds,
        List<Material> materials,
        String titleEn,
        String descriptionEn) {

    /** The title a reader of this interface language sees: the English one where there is one. */
    public String title(boolean english) {
        return english && !titleEn.isEmpty() ? titleEn : title;
    }

    /** {@code pl} where the English interface shows the Polish title, so that it is read as Polish; else null. */
    public @Nullable String titleLang(boolean english) {
        return english && titleEn.isEmpty() ? "pl" : null;
    }

    /** The description a reader of this interface language sees: the English one where there is one. */
    public String description(boolean english) {
        return english && !descriptionEn.isEmpty() ? descriptionEn : description;
    }

    /** {@code pl} where the English interface shows the Polish description; else null. */
    public @Nullable String descriptionLang(boolean english) {
        return english && descriptionEn.isEmpty() ? "pl" : null;
    }

    public int seats(SeatMode mode) {
        return switch (mode) {
            case ON_SITE -> format.onSite() ? seatsOnSite : 0;
            case ONLINE -> format.online() ? seatsOnline : 0;
        };
    }

    public int capacity() {
        return seats(SeatMode.ON_SITE) + seats(SeatMode.ONLINE);
    }

    /** Registration is open at {@code now}: published, inside the window, and before the start. */
    public boolean registrationOpen(Instant now) {
        return status == EventStatus.PUBLISHED
                && now.isBefore(startsAt)
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || now.isBefore(registrationClosesAt));
    }

    public boolean past(Instant now) {
        return !endsAt.isAfter(now);
    }

    public List<AgendaItem> agendaItems() {
        return AgendaItem.parse(agenda);
    }

    public List<Speaker> speakerList() {
        return Speaker.parse(speakers);
    }

    public ZonedDateTime start() {
        return startsAt.atZone(Formats.ZONE);
    }

    public ZonedDateTime end() {
        return endsAt.atZone(Formats.ZONE);
    }

    /** "12.03.2026 10:00–14:00", or both dates when it spans days. */
    public String when() {
        ZonedDateTime start = start();
        ZonedDateTime end = end();
        String from = Formats.dateTime(start);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return from + "–" + String.format("%02d:%02d", end.getHour(), end.getMinute());
        }
        return from + " – " + Formats.dateTime(end);
    }

    public String href() {
        return "/wydarzenia/" + id;
    }

    /** The event as other modules see it (the event page's sections). */
    public EventReference reference() {
        return new EventReference(id, title, titleEn, href(), level, status, startsAt, endsAt);
    }
}
