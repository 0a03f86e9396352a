package pl.koordes.events.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventStatus;
import pl.koordes.events.PromotedFromWaitingList;
import pl.koordes.events.RegistrationCancelled;

/**
 * The waiting list: gives seats that came free to it: in arrival order, skipping people whose region has
 * used its quota ({@link SeatAllocation#promote}); each promoted person is told by e-mail, with a
 * cancellation link of its own, and {@link PromotedFromWaitingList} is published. An event that is over
 * promotes nobody. The caller holds the event's row lock.
 */
@Component
class WaitingList {

    private final RegistrationRows rows;
    private final EventMail mail;
    private final ApplicationEventPublisher events;

    WaitingList(RegistrationRows rows, EventMail mail, ApplicationEventPublisher events) {
        this.rows = rows;
        this.mail = mail;
        this.events = events;
    }

    /** @return the ids promoted */
    List<Long> fill(Event event, Instant now) {
        // A seat of an event that is over is no use to anyone: nobody is promoted, no "a seat is yours" mail.
        if (event.status() != EventStatus.PUBLISHED || event.past(now)) {
            return List.of();
        }
        List<Participant> waiting = rows.waiting(event.id());
        if (waiting.isEmpty()) {
            return List.of();
        }
        SeatAllocation seats = rows.seats(event);
        List<Long> promoted = seats.promote(waiting.stream()
                .map(p -> new SeatAllocation.Waiting(p.id(), p.mode(), p.regionId()))
                .toList());
        Map<Long, Participant> byId = waiting.stream().collect(Collectors.toMap(Participant::id, Function.identity()));
        for (long id : promoted) {
            Participant person = byId.get(id);
            rows.promoted(id, now);
            mail.send(event, person.email(), person.language(), "events/mail/promoted", rows.cancelLink(id), Map.of());
            events.publishEvent(new PromotedFromWaitingList(id, event.id(), person.accountId(), person.mode()));
        }
        return promoted;
    }

    /**
     * Cancels a live registration (the event's lock held) and gives its seat to the waiting list, unless
     * the event is no longer published or already past. False when the registration was not live.
     */
    boolean cancel(Event event, long registrationId, Instant now) {
        Participant before = rows.find(registrationId).orElse(null);
        if (before == null || !rows.cancel(registrationId, now)) {
            return false;
        }
        events.publishEvent(new RegistrationCancelled(
                registrationId, event.id(), before.accountId(), before.status().holdsSeat()));
        if (event.status() == EventStatus.PUBLISHED && !event.past(now)) {
            fill(event, now);
        }
        return true;
    }
}
