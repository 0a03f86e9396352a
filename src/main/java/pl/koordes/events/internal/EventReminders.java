package pl.koordes.events.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder the day before: each published event starting within {@link EventsProperties#reminderLead()}
 * is claimed by a conditional update of {@code reminder_sent_at}, so however many nodes run the job, and
 * however often, each confirmed participant gets one reminder (with the online link where there is one, and a
 * cancellation link of its own).
 */
@Service
public class EventReminders {

    private final JdbcClient jdbc;
    private final EventCatalogue catalogue;
    private final RegistrationRows rows;
    private final EventMail mail;
    private final EventsProperties settings;
    private final EventNotices notices;

    private record Person(
            long registration,
            String email,
            String language,
            @Nullable Long account) {}

    EventReminders(
            JdbcClient jdbc,
            EventCatalogue catalogue,
            RegistrationRows rows,
            EventMail mail,
            EventsProperties settings,
            EventNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.rows = rows;
        this.catalogue = catalogue;
        this.mail = mail;
        this.settings = settings;
    }

    /** Sends the reminders due at {@code now}; returns how many messages were queued. */
    @Transactional
    public int sendDue(Instant now) {
        List<Long> due = jdbc.sql("""
                        update event set reminder_sent_at = :now
                        where status = 'PUBLISHED' and reminder_sent_at is null and starts_at > :now and starts_at <= :until
                        returning id
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(settings.reminderLead())))
                .query(Long.class)
                .list();
        int sent = 0;
        for (long id : due) {
            Event event = catalogue.find(id).orElseThrow();
            List<Person> people = jdbc.sql("""
                            select id, email, language, account_id from event_registration where event_id = :id and status = 'CONFIRMED' order by id
                            """)
                    .param("id", id)
                    .query((rs, n) ->
                            new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class)))
                    .list();
            for (Person person : people) {
                // Its own cancellation link: the day before is when people find they cannot come.
                mail.send(
                        event,
                        person.email(),
                        person.language(),
                        "events/mail/reminder",
                        rows.cancelLink(person.registration()),
                        Map.of());
                Long account = person.account();
                if (account != null) {
                    notices.reminder(account, person.language(), event);
                }
                sent++;
            }
        }
        return sent;
    }
}
