package pl.koordes.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventAction;
import pl.koordes.events.ParticipantsChanged;
import pl.koordes.events.ParticipantsExported;
import pl.koordes.events.RegistrationConfirmed;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * What organisers do with an event's registrations: the list, adding a person, removing one, moving one
 * to the other kind of seat, and the check-in on the day. Each takes the event's row lock first, as every
 * change to its seats does, and only the event's organisers may (others get an access refusal).
 */
@Service
public class ParticipantManagement {

    private final EventCatalogue catalogue;
    private final EventPermissions permissions;
    private final EventMail mail;
    private final Clock clock;
    private final RegistrationRows rows;
    private final RegistrationChecks checks;
    private final WaitingList waitingList;
    private final ApplicationEventPublisher events;

    ParticipantManagement(
            EventCatalogue catalogue,
            EventPermissions permissions,
            EventMail mail,
            Clock clock,
            RegistrationRows rows,
            RegistrationChecks checks,
            WaitingList waitingList,
            ApplicationEventPublisher events) {
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.mail = mail;
        this.clock = clock;
        this.rows = rows;
        this.checks = checks;
        this.waitingList = waitingList;
        this.events = events;
    }

    /** The event's registrations in arrival order, for its organisers only. */
    @Transactional(readOnly = true)
    public List<Participant> list(CurrentUser user, long eventId) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new NotFound("event", eventId));
        requireManager(user, event);
        return rows.all(eventId);
    }

    /**
     * An organiser adds a person: a seat if one is free, else the waiting list; the person is told by
     * e-mail. Someone already registered is found, not added twice.
     *
     * @throws Refused with the fields found wrong
     */
    @Transactional
    public RegistrationResult add(CurrentUser user, long eventId, RegistrationForm form, Locale locale) {
        Event event = lockManaged(user, eventId);
        Instant now = clock.instant();
        // The organiser informs the person of the data processing; the form does not ask them.
        Checked checked = checks.check(event, form.withPrivacyAccepted(), null);
        Optional<Participant> existing = rows.live(eventId, checked.email());
        if (existing.isPresent()) {
            return new RegistrationResult(existing.get().id(), existing.get().status(), true);
        }
        SeatAllocation seats = rows.seats(event);
        RegistrationStatus status = seats.register(checked.mode(), checked.regionId());
        String cancelToken = RegistrationTokens.issue();
        String language = Language.of(locale).code();
        long id = rows.insertAll(
                        eventId,
                        List.of(new RegistrationRows.NewRow(checked, null, status, null, null, cancelToken, language)),
                        now)[0];
        boolean seat = status == RegistrationStatus.CONFIRMED;
        mail.send(
                event,
                checked.email(),
                language,
                seat ? "events/mail/registrationConfirmed" : "events/mail/waitingList",
                cancelToken,
                Map.of());
        if (seat) {
            events.publishEvent(new RegistrationConfirmed(id, eventId, null, checked.mode()));
        }
        events.publishEvent(new ParticipantsChanged(
                EventAction.PARTICIPANT_ADDED, eventId, id, null, audited(event, id, status, checked.mode(), null)));
        return new RegistrationResult(id, status, false);
    }

    /** A registration of the event, for its organisers only: the removal's confirmation page names it. */
    @Transactional(readOnly = true)
    public Participant registration(CurrentUser user, long eventId, long registrationId) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new NotFound("event", eventId));
        requireManager(user, event);
        return rows.require(eventId, registrationId);
    }

    /**
     * An organiser removes a registration: the person is told by e-mail, the seat goes to the waiting list,
     * and the feedback they gave goes with them, so the organiser's summary counts only people still on the
     * list. Nothing happens to a registration that is no longer live.
     */
    @Transactional
    public void remove(CurrentUser user, long eventId, long registrationId) {
        Event event = lockManaged(user, eventId);
        Participant person = rows.require(eventId, registrationId);
        if (waitingList.cancel(event, registrationId, clock.instant())) {
            rows.dropFeedback(registrationId);
            mail.send(event, person.email(), person.language(), "events/mail/registrationRemoved", null, Map.of());
            events.publishEvent(new ParticipantsChanged(
                    EventAction.PARTICIPANT_REMOVED, eventId, registrationId, audited(event, person), null));
        }
    }

    /**
     * An organiser moves a person to the other kind of seat (hybrid events): only into a free seat, so
     * nothing is overbooked. False when no seat of that kind is free.
     */
    @Transactional
    public boolean move(CurrentUser user, long eventId, long registrationId, SeatMode target) {
        Event event = lockManaged(user, eventId);
        Participant registration = rows.require(eventId, registrationId);
        if (registration.mode() == target || !event.format().offers(target)) {
            return false;
        }
        if (registration.status().holdsSeat() && !rows.seats(event).hasRoom(target)) {
            return false;
        }
        rows.setMode(registrationId, target);
        events.publishEvent(new ParticipantsChanged(
                EventAction.PARTICIPANT_MOVED,
                eventId,
                registrationId,
                audited(event, registration),
                audited(event, registrationId, registration.status(), target, registration.attendance())));
        waitingList.fill(event, clock.instant());
        return true;
    }

    /** Marks attendance on the day (or clears it with null). */
    @Transactional
    public void markAttendance(CurrentUser user, long eventId, long registrationId, @Nullable Attendance attendance) {
        Event event = lockManaged(user, eventId);
        Participant registration = rows.require(eventId, registrationId);
        rows.setAttendance(registrationId, attendance);
        events.publishEvent(new ParticipantsChanged(
                EventAction.ATTENDANCE_MARKED,
                eventId,
                registrationId,
                audited(event, registration),
                audited(event, registrationId, registration.status(), registration.mode(), attendance)));
    }

    /**
     * The registrations for a download (CSV, XLSX, the PDF sign-in sheet): people's names and addresses
     * leave the system, so the audit log records who took them, when and in which form.
     *
     * @param format {@code CSV}, {@code XLSX} or {@code PDF}
     * @param confirmedOnly only the people holding a seat (the sign-in sheet)
     */
    @Transactional
    public List<Participant> export(CurrentUser user, long eventId, String format, boolean confirmedOnly) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new NotFound("event", eventId));
        requireManager(user, event);
        List<Participant> list = rows.all(eventId).stream()
                .filter(r -> !confirmedOnly || r.status() == RegistrationStatus.CONFIRMED)
                .toList();
        events.publishEvent(new ParticipantsExported(eventId, event.title(), format, list.size()));
        return list;
    }

    /** A registration as the audit log shows it: by number, without the person's name or address. */
    private static Map<String, @Nullable Object> audited(Event event, Participant registration) {
        return audited(event, registration.id(), registration.status(), registration.mode(), registration.attendance());
    }

    private static Map<String, @Nullable Object> audited(
            Event event,
            long registrationId,
            RegistrationStatus status,
            SeatMode mode,
            @Nullable Attendance attendance) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", event.title());
        values.put("registration", registrationId);
        values.put("registrationStatus", status.name());
        values.put("mode", mode.name());
        values.put("attendance", attendance == null ? null : attendance.name());
        return values;
    }

    private Event lockManaged(CurrentUser user, long eventId) {
        Event event = rows.lock(eventId);
        requireManager(user, event);
        return event;
    }

    private void requireManager(CurrentUser user, Event event) {
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
    }
}
