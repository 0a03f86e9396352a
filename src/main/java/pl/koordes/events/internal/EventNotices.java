package pl.koordes.events.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventCancelled;
import pl.koordes.events.EventChanged;
import pl.koordes.events.PromotedFromWaitingList;
import pl.koordes.events.RegistrationConfirmed;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;

/**
 * The notification centre's side of the events' e-mails: a person whose registration belongs to an account
 * is told in the application too when their seat is confirmed or comes from the waiting list, and when an
 * event they are registered for changes its time or place or is cancelled. It listens in the transaction
 * that published the fact (beside the e-mail), so the notices are published with it, once, and survive a crash
 * in the event publication registry. Registrations without an account (a visitor's) get the e-mail only.
 */
@Component
class EventNotices {

    private final JdbcClient jdbc;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EventNotices(JdbcClient jdbc, Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(RegistrationConfirmed confirmed) {
        toRegistration(
                confirmed.registrationId(), NotificationKind.REGISTRATION_CONFIRMED, "events.notification.confirmed");
    }

    @EventListener
    void on(PromotedFromWaitingList promoted) {
        toRegistration(
                promoted.registrationId(), NotificationKind.REGISTRATION_PROMOTED, "events.notification.promoted");
    }

    @EventListener
    void on(EventChanged changed) {
        if (changed.mattersToRegistrants()) {
            toEveryoneRegistered(
                    changed.eventId(),
                    changed.title(),
                    changed.after().startsAt(),
                    NotificationKind.EVENT_CHANGED,
                    "events.notification.changed");
        }
    }

    @EventListener
    void on(EventCancelled cancelled) {
        if (cancelled.wasPublished()) {
            toEveryoneRegistered(
                    cancelled.eventId(),
                    cancelled.title(),
                    cancelled.startsAt(),
                    NotificationKind.EVENT_CANCELLED,
                    "events.notification.cancelled");
        }
    }

    /** The day-before reminder, beside its e-mail, for a confirmed registration of an account. */
    void reminder(long accountId, String language, Event event) {
        notice(
                accountId,
                language,
                event.id(),
                event.title(),
                event.startsAt(),
                NotificationKind.EVENT_REMINDER,
                "events.notification.reminder");
    }

    private void toRegistration(long registrationId, NotificationKind kind, String key) {
        jdbc.sql("""
                        select r.account_id, r.language, e.id, e.title, e.starts_at from event_registration r
                        join event e on e.id = r.event_id
                        where r.id = :id and r.account_id is not null
                        """).param("id", registrationId).query(rs -> {
            notice(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    kind,
                    key);
        });
    }

    private void toEveryoneRegistered(long eventId, String title, Instant startsAt, NotificationKind kind, String key) {
        jdbc.sql("""
                        select distinct on (account_id) account_id, language from event_registration
                        where event_id = :id and account_id is not null
                          and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        order by account_id, id
                        """).param("id", eventId).query(rs -> {
            notice(rs.getLong(1), rs.getString(2), eventId, title, startsAt, kind, key);
        });
    }

    private void notice(
            long accountId,
            String language,
            long eventId,
            String title,
            Instant startsAt,
            NotificationKind kind,
            String key) {
        String text = messages.get(Language.fromCode(language).locale(), key, title, Formats.dateTime(startsAt));
        events.publishEvent(NoticeRequested.of(accountId, kind, text, "/wydarzenia/" + eventId, clock.instant()));
    }
}
