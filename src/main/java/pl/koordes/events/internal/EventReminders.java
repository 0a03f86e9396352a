package pl.koordes.events.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder the day before: each published event starting within {@link EventsProperties#reminderLead()}
 * is claimed by a conditional update of {@code reminder_sent_at}, so however many nodes run the job, and
 * however often, each confirmed participant gets one reminder (with the online link where there is one).
 */
@Service
public class EventReminders {

    private final JdbcClient jdbc;
    private final EventCatalogue catalogue;
    private final EventMail mail;
    private final EventsProperties settings;

    EventReminders(JdbcClient jdbc, EventCatalogue catalogue, EventMail mail, EventsProperties settings) {
        this.jdbc = jdbc;
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
            List<String[]> people = jdbc.sql("""
                            select email, language from event_registration where event_id = :id and status = 'CONFIRMED' order by id
                            """)
                    .param("id", id)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            for (String[] person : people) {
                mail.send(event, person[0], person[1], "events/mail/reminder", null, Map.of());
                sent++;
            }
        }
        return sent;
    }
}
