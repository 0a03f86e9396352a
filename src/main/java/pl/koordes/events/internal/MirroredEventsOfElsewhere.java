package pl.koordes.events.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.events.MirroredEvents;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;

/**
 * {@link MirroredEvents}: the event is created, saved and cancelled through {@link EventManagement} with a form
 * filled in here, as an organiser would: a regional meeting open to anyone, in person, online or both as the
 * mirror says.
 */
@Component
class MirroredEventsOfElsewhere implements MirroredEvents {

    private final EventManagement management;
    private final EventCatalogue catalogue;

    MirroredEventsOfElsewhere(EventManagement management, EventCatalogue catalogue) {
        this.management = management;
        this.catalogue = catalogue;
    }

    @Override
    @Transactional
    public long publish(CurrentUser organiser, Mirror mirror) {
        long id = management.create(organiser, form(mirror));
        management.changeStatus(organiser, id, EventStatus.PUBLISHED);
        return id;
    }

    @Override
    @Transactional
    public void update(CurrentUser organiser, long eventId, Mirror mirror) {
        if (catalogue.find(eventId).isEmpty()) {
            return;
        }
        management.update(organiser, eventId, form(mirror));
        management.changeStatus(organiser, eventId, EventStatus.PUBLISHED);
    }

    @Override
    @Transactional
    public void cancel(CurrentUser organiser, long eventId) {
        if (catalogue.find(eventId).isPresent()) {
            management.changeStatus(organiser, eventId, EventStatus.CANCELLED);
        }
    }

    private static EventForm form(Mirror mirror) {
        EventForm empty = EventForm.empty(mirror.regionId());
        EventFormat format = mirror.place() == null
                ? EventFormat.ONLINE
                : mirror.onlineLink() == null ? EventFormat.IN_PERSON : EventFormat.HYBRID;
        var start = mirror.startsAt().atZone(Formats.ZONE);
        var end = mirror.endsAt().atZone(Formats.ZONE);
        return new EventForm(
                EventType.MEETING,
                EventLevel.REGIONAL,
                mirror.regionId(),
                null,
                format,
                mirror.title(),
                mirror.description(),
                mirror.place(),
                null,
                mirror.onlineLink(),
                start.toLocalDate(),
                start.toLocalTime(),
                end.toLocalDate().equals(start.toLocalDate()) ? null : end.toLocalDate(),
                end.toLocalTime(),
                format.onSite() ? empty.seatsOnSite() : 0,
                format.online() ? empty.seatsOnSite() : 0,
                null,
                null,
                null,
                Audience.ANYONE,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "",
                "");
    }
}
