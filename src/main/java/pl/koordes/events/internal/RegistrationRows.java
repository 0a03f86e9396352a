package pl.koordes.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.outcome.NotFound;

/**
 * The SQL of registrations and the mapping of their rows: every statement on {@code event_registration}
 * that the registration side runs is here, and nothing else is. A registration with status PENDING or
 * CONFIRMED holds a seat; PENDING, UNCONFIRMED, CONFIRMED and WAITING are live (a partial unique index
 * on event and e-mail keeps one live registration per address).
 */
@Component
class RegistrationRows {

    private static final String COLUMNS = """
            id, event_id, account_id, email, full_name, institution, institution_kind, region_id, position,
            accessibility_needs, dietary_needs, photo_consent, mode, status, attendance, language, created_at,
            feedback_rating, feedback_comment
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final EventCatalogue catalogue;

    RegistrationRows(JdbcClient jdbc, DataSource dataSource, EventCatalogue catalogue) {
        this.jdbc = jdbc;
        this.batch = new NamedParameterJdbcTemplate(dataSource);
        this.catalogue = catalogue;
    }

    /** A new registration to insert: the checked form, who made it, and what it was decided to be. */
    record NewRow(
            Checked checked,
            @Nullable Long accountId,
            RegistrationStatus status,
            @Nullable String confirmToken,
            @Nullable Instant pendingUntil,
            String cancelToken,
            String language) {}

    // ---- the event's lock ---------------------------------------------------------------------

    /**
     * Takes the event's row lock and reads the event's own columns in the same statement, for the
     * registration path where every statement under the lock counts (regions and materials are not needed).
     */
    Event lockForSeats(long eventId) {
        return jdbc.sql("select " + EventCatalogue.COLUMNS + " from event e where e.id = :id for update")
                .param("id", eventId)
                .query((rs, n) -> EventCatalogue.event(rs, List.of(), List.of()))
                .optional()
                .orElseThrow(() -> new NotFound("event", eventId));
    }

    /** Takes the event's row lock (the one every change to its seats goes through) and reads the event whole. */
    Event lock(long eventId) {
        jdbc.sql("select id from event where id = :id for update")
                .param("id", eventId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("event", eventId));
        return catalogue.find(eventId).orElseThrow(() -> new NotFound("event", eventId));
    }

    // ---- seats ----------------------------------------------------------------------------------

    /** The event's seat rule with the seats taken now; exact when the caller holds the event's lock. */
    SeatAllocation seats(Event event) {
        SeatAllocation seats = SeatAllocation.of(event);
        // Held seats are counted by e-mail domain too, for the limit of holds per domain, in the same read.
        jdbc.sql("""
                        select mode, region_id,
                               case when status = 'PENDING' then lower(split_part(email, '@', 2)) end as held_domain,
                               count(*)
                        from event_registration
                        where event_id = :id and status in ('PENDING','CONFIRMED') group by 1, 2, 3
                        """).param("id", event.id()).query(rs -> {
            seats.taken(SeatMode.valueOf(rs.getString(1)), rs.getObject(2, Long.class), rs.getInt(4));
            String domain = rs.getString(3);
            if (domain != null) {
                seats.held(domain, rs.getInt(4));
            }
        });
        return seats;
    }

    /** The waiting list in arrival order. */
    List<Participant> waiting(long eventId) {
        return jdbc.sql("select " + COLUMNS
                        + " from event_registration where event_id = :id and status = 'WAITING' order by id")
                .param("id", eventId)
                .query(RegistrationRows::participant)
                .list();
    }

    // ---- reads ----------------------------------------------------------------------------------

    Optional<Participant> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from event_registration where id = :id")
                .param("id", id)
                .query(RegistrationRows::participant)
                .optional();
    }

    /** The registration of the event with this id, or not found (an id of another event included). */
    Participant require(long eventId, long registrationId) {
        return find(registrationId)
                .filter(r -> r.eventId() == eventId)
                .orElseThrow(() -> new NotFound("registration", registrationId));
    }

    /**
     * The person's own live registration: found by their account, never by an address, so that an address
     * typed somewhere (or an account's changed address) gives nobody else's registration away.
     */
    Optional<Participant> own(long eventId, long accountId) {
        return jdbc.sql("select " + COLUMNS + """
                         from event_registration
                        where event_id = :id and account_id = :account
                          and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        order by id desc limit 1
                        """)
                .param("id", eventId)
                .param("account", accountId)
                .query(RegistrationRows::participant)
                .optional();
    }

    /**
     * The person's registrations (by account): live ones and those of past events they attended or held a
     * seat for; the waiting-list place counted among people waiting for the same kind of seat.
     */
    List<MyRegistration> mine(long accountId, Instant now) {
        return jdbc.sql("""
                        select r.event_id, e.title, e.starts_at, e.ends_at, e.status as event_status, r.status, r.mode,
                               case when r.status = 'WAITING' then (
                                   select count(*) from event_registration w
                                   where w.event_id = r.event_id and w.status = 'WAITING' and w.mode = r.mode and w.id <= r.id)
                               end as waiting_position
                        from event_registration r join event e on e.id = r.event_id
                        where r.account_id = :account and r.status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        order by e.ends_at < :now, case when e.ends_at < :now then -extract(epoch from e.starts_at)
                                                       else extract(epoch from e.starts_at) end
                        limit 500
                        """)
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new MyRegistration(
                        rs.getLong("event_id"),
                        rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(),
                        RegistrationStatus.valueOf(rs.getString("status")),
                        SeatMode.valueOf(rs.getString("mode")),
                        rs.getObject("waiting_position") == null ? null : rs.getInt("waiting_position"),
                        rs.getTimestamp("ends_at").toInstant().isBefore(now),
                        "CANCELLED".equals(rs.getString("event_status"))))
                .list();
    }

    /** The live registration made with this address, to find a registration instead of adding it twice. */
    Optional<Participant> live(long eventId, String email) {
        return jdbc.sql("select " + COLUMNS + """
                         from event_registration
                        where event_id = :id and lower(email) = lower(:email)
                          and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        """)
                .param("id", eventId)
                .param("email", email)
                .query(RegistrationRows::participant)
                .optional();
    }

    /** The live registrations of these addresses, by lower-cased address: one read for a whole group. */
    Map<String, RegistrationResult> live(long eventId, List<String> emails) {
        Map<String, RegistrationResult> live = new HashMap<>();
        jdbc.sql("""
                        select id, email, status from event_registration
                        where event_id = :id and lower(email) in (:emails)
                          and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        """)
                .param("id", eventId)
                .param(
                        "emails",
                        emails.stream()
                                .map(e -> e.toLowerCase(Locale.ROOT))
                                .distinct()
                                .toList())
                .query(rs -> {
                    live.put(
                            rs.getString("email").toLowerCase(Locale.ROOT),
                            new RegistrationResult(
                                    rs.getLong("id"), RegistrationStatus.valueOf(rs.getString("status")), true));
                });
        return live;
    }

    /** The registration a cancellation link names: the first e-mail's link or a later one ({@link #cancelLink}). */
    Optional<Participant> byCancelToken(String token) {
        return jdbc.sql("select " + COLUMNS + """
                         from event_registration
                        where cancel_token_hash = :hash
                           or id = (select registration_id from event_cancel_link where token_hash = :hash)
                        """)
                .param("hash", RegistrationTokens.hash(token))
                .query(RegistrationRows::participant)
                .optional();
    }

    /**
     * A new cancellation link for a registration, for a later e-mail (the reminder, a seat given from the
     * waiting list); the earlier links keep working.
     *
     * @return the token to put in the link
     */
    String cancelLink(long registrationId) {
        String token = RegistrationTokens.issue();
        jdbc.sql("insert into event_cancel_link (token_hash, registration_id) values (:hash, :id)")
                .param("hash", RegistrationTokens.hash(token))
                .param("id", registrationId)
                .update();
        return token;
    }

    /** The registration id and its event id that the confirmation link names. */
    Optional<long[]> byConfirmToken(String token) {
        return jdbc.sql("select id, event_id from event_registration where confirm_token_hash = :hash")
                .param("hash", RegistrationTokens.hash(token))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
    }

    /** Every registration of the event, in arrival order. */
    List<Participant> all(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from event_registration where event_id = :id order by id")
                .param("id", eventId)
                .query(RegistrationRows::participant)
                .list();
    }

    /** The events with held seats or confirmations outstanding past {@code now}, in id order. */
    List<Long> eventsWithExpiredHolds(Instant now) {
        return jdbc.sql("""
                        select distinct event_id from event_registration
                        where status in ('PENDING','UNCONFIRMED') and pending_until <= :now order by event_id
                        """).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    // ---- writes ---------------------------------------------------------------------------------

    /**
     * Inserts new registrations in one JDBC batch (one round trip instead of one per person), with ids
     * taken from the table's sequence beforehand in the given order, so the waiting list's order (by id)
     * is the order of arrival.
     *
     * @return the ids, in the rows' order
     */
    long[] insertAll(long eventId, List<NewRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        List<Long> ids = jdbc.sql("""
                        select nextval(pg_get_serial_sequence('event_registration', 'id')) from generate_series(1, :n) g order by g
                        """).param("n", rows.size()).query(Long.class).list().stream()
                .sorted()
                .toList();
        SqlParameterSource[] params = new SqlParameterSource[rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            NewRow row = rows.get(n);
            Checked c = row.checked();
            params[n] = new MapSqlParameterSource()
                    .addValue("id", ids.get(n))
                    .addValue("event", eventId)
                    .addValue("account", row.accountId(), Types.BIGINT)
                    .addValue("email", c.email())
                    .addValue("name", c.fullName())
                    .addValue("institution", c.institution())
                    .addValue("kind", c.institutionKind(), Types.VARCHAR)
                    .addValue("region", c.regionId(), Types.BIGINT)
                    .addValue("position", c.position())
                    .addValue("access", c.accessibilityNeeds())
                    .addValue("diet", c.dietaryNeeds())
                    .addValue("photo", c.photoConsent())
                    .addValue("now", Timestamp.from(now))
                    .addValue("mode", c.mode().name())
                    .addValue("status", row.status().name())
                    .addValue(
                            "until",
                            row.pendingUntil() == null ? null : Timestamp.from(row.pendingUntil()),
                            Types.TIMESTAMP)
                    .addValue(
                            "confirm",
                            row.confirmToken() == null ? null : RegistrationTokens.hash(row.confirmToken()),
                            Types.VARCHAR)
                    .addValue("cancel", RegistrationTokens.hash(row.cancelToken()))
                    .addValue("language", row.language())
                    .addValue(
                            "confirmedAt",
                            row.status() == RegistrationStatus.CONFIRMED ? Timestamp.from(now) : null,
                            Types.TIMESTAMP);
        }
        batch.batchUpdate("""
                        insert into event_registration (id, event_id, account_id, email, full_name, institution, institution_kind,
                            region_id, position, accessibility_needs, dietary_needs, photo_consent, privacy_accepted_at, mode,
                            status, pending_until, confirm_token_hash, cancel_token_hash, language, created_at, confirmed_at)
                        values (:id, :event, :account, :email, :name, :institution, :kind, :region, :position, :access, :diet,
                            :photo, :now, :mode, :status, :until, :confirm, :cancel, :language, :now, :confirmedAt)
                        """, params);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** A visitor followed the confirmation link: the registration gets its status and a fresh cancellation token. */
    void confirmed(long id, RegistrationStatus status, String cancelToken, Instant now, @Nullable Long account) {
        jdbc.sql("""
                        update event_registration set status = :status, pending_until = null, cancel_token_hash = :cancel,
                            confirmed_at = :now, account_id = coalesce(account_id, :account)
                        where id = :id
                        """)
                .param("account", account, Types.BIGINT)
                .param("status", status.name())
                .param("cancel", RegistrationTokens.hash(cancelToken))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** A person on the waiting list got a seat. */
    void promoted(long id, Instant now) {
        jdbc.sql("update event_registration set status = 'CONFIRMED', confirmed_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** Cancels the registration if it is live; false when it was not. */
    boolean cancel(long id, Instant now) {
        return jdbc.sql("""
                        update event_registration set status = 'CANCELLED', cancelled_at = :now, pending_until = null,
                            confirm_token_hash = null
                        where id = :id and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        """).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Held seats and confirmations of the event whose time ran out become EXPIRED; returns how many. */
    int expire(long eventId, Instant now, Duration confirmationWindow) {
        // A seat held too long goes back to the pool, but the link keeps working (without a seat) until the
        // confirmation window closes; then the registration expires. One statement for both.
        return jdbc.sql("""
                        update event_registration set
                            status = case when status = 'PENDING' and created_at + make_interval(secs => :window) > :now
                                          then 'UNCONFIRMED' else 'EXPIRED' end,
                            confirm_token_hash = case when status = 'PENDING' and created_at + make_interval(secs => :window) > :now
                                          then confirm_token_hash end,
                            pending_until = case when status = 'PENDING' and created_at + make_interval(secs => :window) > :now
                                          then created_at + make_interval(secs => :window) else pending_until end
                        where event_id = :event and status in ('PENDING','UNCONFIRMED') and pending_until <= :now
                        """)
                .param("event", eventId)
                .param("now", Timestamp.from(now))
                .param("window", (double) confirmationWindow.toSeconds())
                .update();
    }

    void setMode(long id, SeatMode mode) {
        jdbc.sql("update event_registration set mode = :mode where id = :id")
                .param("mode", mode.name())
                .param("id", id)
                .update();
    }

    void setAttendance(long id, @Nullable Attendance attendance) {
        jdbc.sql("update event_registration set attendance = :a where id = :id")
                .param("a", attendance == null ? null : attendance.name())
                .param("id", id)
                .update();
    }

    /** Removes the feedback of a registration that no longer counts (an organiser removed the person). */
    void dropFeedback(long id) {
        jdbc.sql("update event_registration set feedback_rating = null, feedback_comment = null where id = :id")
                .param("id", id)
                .update();
    }

    /** Saves the feedback of the person's confirmed registration; false when they have none. */
    boolean feedback(long eventId, long accountId, int rating, String comment) {
        return jdbc.sql("""
                        update event_registration set feedback_rating = :rating, feedback_comment = :comment
                        where event_id = :event and account_id = :account and status = 'CONFIRMED'
                        """)
                        .param("rating", rating)
                        .param("comment", comment)
                        .param("event", eventId)
                        .param("account", accountId)
                        .update()
                == 1;
    }

    static Participant participant(ResultSet rs, int row) throws SQLException {
        String attendance = rs.getString("attendance");
        return new Participant(
                rs.getLong("id"),
                rs.getLong("event_id"),
                rs.getObject("account_id", Long.class),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("institution"),
                rs.getString("institution_kind"),
                rs.getObject("region_id", Long.class),
                rs.getString("position"),
                rs.getString("accessibility_needs"),
                rs.getString("dietary_needs"),
                rs.getBoolean("photo_consent"),
                SeatMode.valueOf(rs.getString("mode")),
                RegistrationStatus.valueOf(rs.getString("status")),
                attendance == null ? null : Attendance.valueOf(attendance),
                rs.getString("language"),
                EventCatalogue.instant(rs, "created_at"),
                rs.getObject("feedback_rating", Integer.class),
                rs.getString("feedback_comment"));
    }
}
