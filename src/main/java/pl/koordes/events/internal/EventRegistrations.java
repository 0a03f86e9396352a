package pl.koordes.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.events.EventStatus;
import pl.koordes.events.RegistrationConfirmed;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.TextInput;

/**
 * Registering for events, as the people registering do it: registering (one step when signed in; a
 * visitor confirms by an e-mail link), confirming, cancelling, feedback, and the expiry of held seats.
 * Registrations never overbook: every change to an event's registrations first takes a row lock on the
 * event ({@code select … for update}), so seats are counted and given out one registration at a time per
 * event however many nodes and requests there are; the counts are then exact under PostgreSQL's
 * read-committed isolation, because every writer holds that lock. Who gets a seat is
 * {@link SeatAllocation}'s rule; registrations for one event are written in groups ({@link RegistrationGroups}).
 */
@Service
public class EventRegistrations {

    /** The refusal of a visitor's registration over its address's limit (the web layer answers 429). */
    public static final String TOO_MANY = RegistrationGroups.TOO_MANY;

    private final EventCatalogue catalogue;
    private final EventPermissions permissions;
    private final EventMail mail;
    private final EventsProperties settings;
    private final Clock clock;
    private final RegistrationRows rows;
    private final RegistrationChecks checks;
    private final WaitingList waitingList;
    private final EventTurns turns;
    private final ApplicationEventPublisher events;
    private final RegistrationGroups groups;
    private final AccountManagement accountsByAddress;

    EventRegistrations(
            EventCatalogue catalogue,
            EventPermissions permissions,
            EventMail mail,
            EventsProperties settings,
            Clock clock,
            RegistrationRows rows,
            RegistrationChecks checks,
            WaitingList waitingList,
            EventTurns turns,
            ApplicationEventPublisher events,
            AccountManagement accountsByAddress,
            RegistrationGroups groups) {
        this.accountsByAddress = accountsByAddress;
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.rows = rows;
        this.checks = checks;
        this.waitingList = waitingList;
        this.turns = turns;
        this.events = events;
        this.groups = groups;
    }

    /**
     * Registers for the event. A signed-in person's seat is theirs at once; a visitor's seat is held for
     * {@link EventsProperties#pendingHold()} until they follow the link in the e-mail.
     *
     * @throws NotFound when there is no such event for this person
     * @throws Refused a conflict when registration is closed or not for this person, else the fields found wrong
     */
    public RegistrationResult register(long eventId, RegistrationForm form, @Nullable CurrentUser user, Locale locale) {
        Event event = catalogue
                .find(eventId)
                .filter(e -> permissions.canView(user, e))
                .orElseThrow(() -> new NotFound("event", eventId));
        return register(event, form, user, locale);
    }

    /**
     * As {@link #register(long, RegistrationForm, CurrentUser, Locale)}, for an event the caller has just read and
     * found visible to this person (the registration page), so that it is not read twice.
     */
    public RegistrationResult register(Event event, RegistrationForm form, @Nullable CurrentUser user, Locale locale) {
        return register(event, form, user, locale, null);
    }

    /**
     * As {@link #register(Event, RegistrationForm, CurrentUser, Locale)}, a visitor's registration counted against
     * the limit of the address it came from ({@link RegistrationGroups#VISITOR_REGISTRATIONS}; the web layer gives
     * the address, ignored for a signed-in person): over the limit it is refused ({@link #TOO_MANY}).
     */
    public RegistrationResult register(
            Event event,
            RegistrationForm form,
            @Nullable CurrentUser user,
            Locale locale,
            @Nullable String visitorAddress) {
        // Everything that does not depend on the seats happens before the event's turn: checking the form, issuing
        // the tokens and rendering the e-mail the registration will most likely send. Only counting the seats,
        // inserting and queueing the chosen e-mail happen while the event is locked.
        if (!permissions.canView(user, event)) {
            throw new NotFound("event", event.id());
        }
        if (!event.registrationOpen(clock.instant())) {
            throw Refused.conflict("events.register.closed");
        }
        Checked checked = checks.check(event, form, user);
        String language = Language.of(locale).code();
        String cancelToken = RegistrationTokens.issue();
        String confirmToken = user == null ? RegistrationTokens.issue() : null;
        PreparedMail prepared = new PreparedMail(
                mail,
                settings,
                event,
                checked.email(),
                language,
                cancelToken,
                confirmToken,
                groups.likelySeat(event.id(), user == null));
        return groups.submit(
                event.id(),
                new RegistrationGroups.Pending(
                        checked, user, language, prepared, user == null ? visitorAddress : null));
    }

    /** What following the confirmation link did. */
    public enum Confirmation {
        CONFIRMED,
        WAITING,
        ALREADY_CONFIRMED,
        INVALID
    }

    /**
     * Confirms a visitor's registration by the e-mail link: a held seat becomes theirs; without one they
     * join the waiting list (and get a seat at once if one has come free). A hold that ran out makes the
     * link invalid: the seat went back to the pool.
     */
    @Transactional
    public Confirmation confirm(String token) {
        if (!RegistrationTokens.plausible(token)) {
            return Confirmation.INVALID;
        }
        Optional<long[]> found = rows.byConfirmToken(token);
        if (found.isEmpty()) {
            return Confirmation.INVALID;
        }
        Event event = rows.lock(found.get()[1]);
        Instant now = clock.instant();
        rows.expire(event.id(), now, settings.confirmationWindow());
        Participant registration = rows.find(found.get()[0]).orElseThrow();
        if (registration.status() == RegistrationStatus.CONFIRMED
                || registration.status() == RegistrationStatus.WAITING) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        if (registration.status() != RegistrationStatus.PENDING
                && registration.status() != RegistrationStatus.UNCONFIRMED) {
            return Confirmation.INVALID;
        }
        RegistrationStatus status = registration.status() == RegistrationStatus.PENDING
                ? RegistrationStatus.CONFIRMED
                : RegistrationStatus.WAITING;
        String cancelToken = RegistrationTokens.issue();
        // The link proved the address: the registration now belongs to the account with that address, if any.
        rows.confirmed(
                registration.id(),
                status,
                cancelToken,
                now,
                accountsByAddress.activeAccountOf(registration.email()).orElse(null));
        if (status == RegistrationStatus.WAITING
                && !waitingList.fill(event, now).contains(registration.id())) {
            mail.send(
                    event,
                    registration.email(),
                    registration.language(),
                    "events/mail/waitingList",
                    cancelToken,
                    Map.of());
            return Confirmation.WAITING;
        }
        // A held seat confirmed, or a seat that came free given at once to the person who just confirmed. The
        // second is a promotion, already told by its own mail and PromotedFromWaitingList: it is not
        // published twice.
        mail.send(
                event,
                registration.email(),
                registration.language(),
                "events/mail/registrationConfirmed",
                cancelToken,
                Map.of());
        if (status == RegistrationStatus.CONFIRMED) {
            events.publishEvent(new RegistrationConfirmed(
                    registration.id(), event.id(), registration.accountId(), registration.mode()));
        }
        return Confirmation.CONFIRMED;
    }

    /** The registration the cancellation link names, if it can still be cancelled. */
    @Transactional(readOnly = true)
    public Optional<Participant> byCancelToken(String token) {
        if (!RegistrationTokens.plausible(token)) {
            return Optional.empty();
        }
        return rows.byCancelToken(token).filter(r -> r.status().live());
    }

    /** Cancels by the link in the e-mail (no sign-in needed); the seat goes to the first on the waiting list. */
    public boolean cancel(String token) {
        Optional<Participant> registration = byCancelToken(token);
        if (registration.isEmpty()) {
            return false;
        }
        long eventId = registration.get().eventId();
        return turns.inTurn(eventId, () -> cancel(eventId, registration.get().id()));
    }

    /** Cancels the signed-in person's own registration for the event. */
    public boolean cancelOwn(CurrentUser user, long eventId) {
        return turns.inTurn(eventId, () -> {
            Optional<Participant> own = rows.own(eventId, user.id());
            return own.isPresent() && cancel(eventId, own.get().id());
        });
    }

    private boolean cancel(long eventId, long registrationId) {
        return waitingList.cancel(rows.lock(eventId), registrationId, clock.instant());
    }

    /**
     * The event a confirmation link is for, while it still confirms something: the page the link opens
     * shows it and asks for a click, so that opening the link (a mail scanner) confirms nothing.
     */
    @Transactional(readOnly = true)
    public Optional<Event> confirmable(String token) {
        if (!RegistrationTokens.plausible(token)) {
            return Optional.empty();
        }
        return rows.byConfirmToken(token)
                .flatMap(found -> rows.find(found[0]))
                .filter(r -> r.status() == RegistrationStatus.PENDING || r.status() == RegistrationStatus.UNCONFIRMED)
                .flatMap(r -> catalogue.find(r.eventId()));
    }

    /** The signed-in person's registrations, upcoming first in date order, then past ones, newest first. */
    @Transactional(readOnly = true)
    public List<MyRegistration> mine(CurrentUser user) {
        return rows.mine(user.id(), clock.instant());
    }

    /** The signed-in person's live registration for the event, if any. */
    @Transactional(readOnly = true)
    public Optional<Participant> own(CurrentUser user, long eventId) {
        return rows.own(eventId, user.id());
    }

    /**
     * Returns held seats whose confirmation did not come in time to the pool, event by event, and gives
     * them to the waiting lists. Run on a schedule; {@code now} is a parameter so tests can look ahead.
     *
     * @return the number of registrations that expired
     */
    @Transactional
    public int expirePending(Instant now) {
        int expired = 0;
        for (long eventId : rows.eventsWithExpiredHolds(now)) {
            Event event = rows.lock(eventId);
            expired += rows.expire(eventId, now, settings.confirmationWindow());
            if (event.status() == EventStatus.PUBLISHED && !event.past(now)) {
                waitingList.fill(event, now);
            }
        }
        return expired;
    }

    /**
     * Saves a participant's feedback after the event, replacing what they gave before.
     *
     * @throws Refused when the event has not ended yet, the person has no confirmed seat, or the form is not
     *     a rating from 1 to 5 with a comment of printable text
     */
    @Transactional
    public void giveFeedback(CurrentUser user, long eventId, FeedbackForm form) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new NotFound("event", eventId));
        Integer rating = form.rating();
        String comment = Objects.requireNonNullElse(TextInput.normalise(form.comment()), "");
        // The form's own rules again: a direct caller must not store what the form would refuse.
        if (rating == null
                || rating < 1
                || rating > 5
                || TextInput.length(comment) > 2000
                || TextInput.unprintable(comment, true)) {
            throw Refused.because("events.feedback.refused");
        }
        if (!event.past(clock.instant()) || !rows.feedback(eventId, user.id(), rating, comment)) {
            throw Refused.conflict("events.feedback.refused");
        }
    }
}
