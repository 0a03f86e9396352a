package pl.koordes.events.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventStatus;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * A person's event registrations: theirs by account, and those made with their proven address. The
 * download lists everything the registration form asked and the feedback given; erasure cancels what is
 * still live (the seat goes to the waiting list, and the person is sent nothing more) and then strips every
 * registration of who it was, keeping the row so that seat counts and attendance figures stay right.
 */
@Component
class RegistrationPersonalData implements PersonalData {

    /** What an erased registration is called on the organiser's list. */
    static final String ERASED_NAME = "Osoba usunięta";

    /** Who a registration was, removed; the row stays for seat counts and attendance figures. */
    private static final String ANONYMISE = """
            update event_registration r set full_name = :erased, email = 'usunieto-' || r.id || '@usunieto.invalid',
                institution = '', position = '', accessibility_needs = '', dietary_needs = '',
                feedback_comment = null, account_id = null, confirm_token_hash = null, photo_consent = false
            """;

    private static final String MINE = "(r.account_id = :account or lower(r.email) = lower(:email))";

    private final JdbcClient jdbc;
    private final RegistrationRows rows;
    private final WaitingList waitingList;
    private final Clock clock;

    RegistrationPersonalData(JdbcClient jdbc, RegistrationRows rows, WaitingList waitingList, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.waitingList = waitingList;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "eventRegistrations";
    }

    @Override
    public Object export(Person person) {
        return jdbc.sql("""
                        select e.title, e.starts_at, r.status, r.mode, r.full_name, r.email, r.institution,
                               r.institution_kind, r.position, r.accessibility_needs, r.dietary_needs, r.photo_consent,
                               r.privacy_accepted_at, r.created_at, r.confirmed_at, r.cancelled_at, r.attendance,
                               r.feedback_rating, r.feedback_comment, reg.slug as region
                        from event_registration r join event e on e.id = r.event_id
                        left join region reg on reg.id = r.region_id
                        where\s""" + MINE + " order by r.created_at")
                .param("account", person.accountId() == null ? -1 : person.accountId())
                .param("email", person.email())
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("event", rs.getString("title"));
                    row.put("eventStartsAt", text(rs.getTimestamp("starts_at")));
                    row.put("status", rs.getString("status"));
                    row.put("mode", rs.getString("mode"));
                    row.put("fullName", rs.getString("full_name"));
                    row.put("email", rs.getString("email"));
                    row.put("institution", rs.getString("institution"));
                    row.put("institutionKind", rs.getString("institution_kind"));
                    row.put("region", rs.getString("region"));
                    row.put("position", rs.getString("position"));
                    row.put("accessibilityNeeds", rs.getString("accessibility_needs"));
                    row.put("dietaryNeeds", rs.getString("dietary_needs"));
                    row.put("photoConsent", rs.getBoolean("photo_consent"));
                    row.put("privacyAcceptedAt", text(rs.getTimestamp("privacy_accepted_at")));
                    row.put("registeredAt", text(rs.getTimestamp("created_at")));
                    row.put("confirmedAt", text(rs.getTimestamp("confirmed_at")));
                    row.put("cancelledAt", text(rs.getTimestamp("cancelled_at")));
                    row.put("attendance", rs.getString("attendance"));
                    row.put("feedbackRating", rs.getObject("feedback_rating"));
                    row.put("feedbackComment", rs.getString("feedback_comment"));
                    return row;
                })
                .list();
    }

    @Override
    public void erase(Person person) {
        Instant now = clock.instant();
        List<long[]> live = jdbc.sql("select r.id, r.event_id from event_registration r where " + MINE
                        + " and r.status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING') order by r.event_id")
                .param("account", person.accountId() == null ? -1 : person.accountId())
                .param("email", person.email())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] registration : live) {
            // Under the event's row lock, as every seat decision; the freed seat goes to the waiting list.
            Event event = rows.lock(registration[1]);
            if (event.status() != EventStatus.CANCELLED) {
                waitingList.cancel(event, registration[0], now);
            } else {
                rows.cancel(registration[0], now);
            }
        }
        anonymise(MINE, person);
    }

    /**
     * Retention: registrations of events that ended before {@code cutoff} lose who they were, as the
     * registration form promises (five years after the event, {@code koordes.events.registration-retention}).
     *
     * @return how many registrations were anonymised
     */
    int anonymiseEndedBefore(Instant cutoff) {
        return jdbc.sql(ANONYMISE + """
                         where r.full_name <> :erased
                           and r.event_id in (select id from event where coalesce(ends_at, starts_at) < :cutoff)
                        """)
                .param("erased", ERASED_NAME)
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private void anonymise(String where, Person person) {
        jdbc.sql(ANONYMISE + " where " + where)
                .param("erased", ERASED_NAME)
                .param("account", person.accountId() == null ? -1 : person.accountId())
                .param("email", person.email())
                .update();
    }

    private static String text(@Nullable Timestamp timestamp) {
        return timestamp == null ? "" : timestamp.toInstant().toString();
    }
}
