package pl.koordes.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.EnumMap;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Registrations that never overbook. Every change to an event's registrations first takes a row lock
 * on the event ({@code select … for update}), so seats are counted and given out one registration at a
 * time per event however many nodes and requests there are; the counts are then exact under PostgreSQL's
 * read-committed isolation, because every writer holds that lock. A partial unique index on
 * event + e-mail backs the check that makes a repeated submission find the first registration.
 *
 * <p>Seats: a registration with status PENDING or CONFIRMED takes one seat of its kind (on site or online);
 * a region's people take at most the event's quota of seats. Without a free seat a person joins the
 * waiting list, ordered by arrival (the id); a freed seat goes to the first on the list whose region is
 * under its quota, who is told by e-mail.
 */
@Service
public class EventRegistrations {

    private static final String COLUMNS = """
            id, event_id, account_id, email, full_name, institution, institution_kind, region_id, position,
            accessibility_needs, dietary_needs, photo_consent, mode, status, attendance, language, created_at,
            feedback_rating, feedback_comment
            """;

    private final JdbcClient jdbc;
    private final EventCatalogue catalogue;
    private final EventPermissions permissions;
    private final EventMail mail;
    private final Directory directory;
    private final EventsProperties settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;

    /** Fair locks striped by event id: see {@link #queued}. */
    private static final java.util.concurrent.locks.ReentrantLock[] TURNS = new java.util.concurrent.locks.ReentrantLock[64];

    static {
        for (int i = 0; i < TURNS.length; i++) {
            TURNS[i] = new java.util.concurrent.locks.ReentrantLock(true);
        }
    }

    EventRegistrations(JdbcClient jdbc, EventCatalogue catalogue, EventPermissions permissions, EventMail mail,
            Directory directory, EventsProperties settings, Clock clock, TransactionTemplate transactions,
            javax.sql.DataSource dataSource) {
        this.transactions = transactions;
        this.batch = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(dataSource);
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.mail = mail;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /** What became of a registration attempt. */
    public sealed interface Outcome {
    }

    /** Registered (or found registered before, for a repeated submission) with this status. */
    public record Registered(long id, RegistrationStatus status, boolean repeated) implements Outcome {
    }

    /** The form was refused: field → message key. */
    public record Refused(Map<String, String> errors) implements Outcome {
    }

    /** Registration is not possible (closed, cancelled, not for this person): the message key saying why. */
    public record Closed(String reasonKey) implements Outcome {
    }

    /**
     * Registers for the event. A signed-in person's seat is theirs at once; a visitor's seat is held for
     * {@link EventsProperties#pendingHold()} until they follow the link in the e-mail.
     */
    public Outcome register(long eventId, RegistrationForm form, @Nullable CurrentUser user, Locale locale) {
        // Everything that does not depend on the seats happens before the event's turn: reading the event,
        // checking the form, issuing the tokens and rendering the possible e-mails. Only counting the seats,
        // inserting and queueing the chosen e-mail happen while the event is locked.
        Event event = catalogue.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
        if (!permissions.canView(user, event)) {
            throw new EventNotFound(eventId);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Checked checked = check(event, form, user, errors);
        if (checked == null) {
            return event.registrationOpen(clock.instant()) ? new Refused(errors) : new Closed("events.register.closed");
        }
        String language = Language.of(locale).code();
        String cancelToken = Tokens.issue();
        String confirmToken = Tokens.issue();
        Prepared prepared;
        if (user != null) {
            prepared = new Prepared(cancelToken, null,
                    mail.render(event, checked.email(), language, "events/mail/registrationConfirmed", cancelToken, Map.of()),
                    mail.render(event, checked.email(), language, "events/mail/waitingList", cancelToken, Map.of()));
        } else {
            Map<String, Object> model = Map.of("confirmPath", "/wydarzenia/zapis/potwierdz?token=" + confirmToken,
                    "hours", Math.max(1, settings.pendingHold().toHours()));
            prepared = new Prepared(cancelToken, confirmToken,
                    mail.render(event, checked.email(), language, "events/mail/confirmRegistration", null,
                            with(model, "seatHeld", true)),
                    mail.render(event, checked.email(), language, "events/mail/confirmRegistration", null,
                            with(model, "seatHeld", false)));
        }
        return grouped(eventId, new Pending(checked, user, language, prepared, new CompletableFuture<>()));
    }

    /** Tokens and the two e-mails a registration may send: one if it gets a seat, one if it does not. */
    private record Prepared(String cancelToken, @Nullable String confirmToken, MailRequested withSeat,
            MailRequested withoutSeat) {
    }

    private static Map<String, Object> with(Map<String, Object> model, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(model);
        copy.put(key, value);
        return copy;
    }

    /** A registration waiting for its event's turn, and where its outcome goes once it has been written. */
    private record Pending(Checked checked, @Nullable CurrentUser user, String language, Prepared prepared,
            CompletableFuture<Outcome> outcome) {
    }

    /** At most this many registrations are written in one transaction. */
    static final int GROUP = 64;

    /** Registrations waiting for their event's turn, per event, in arrival order. */
    private final Map<Long, Queue<Pending>> waiting = new ConcurrentHashMap<>();

    /**
     * Group commit: the registration joins its event's queue, then waits for the event's turn (the same
     * fair lock as {@link #queued}). Whoever gets the turn writes every registration queued by then, up to
     * {@link #GROUP}, in one transaction under one row lock, in arrival order; the others find their outcome
     * ready when their turn comes. The seats are still decided one registration after another, exactly as
     * before, but the lock, the counts and the commit are paid once per group instead of once per person.
     */
    private Outcome grouped(long eventId, Pending pending) {
        Queue<Pending> queue = waiting.computeIfAbsent(eventId, id -> new ConcurrentLinkedQueue<>());
        queue.add(pending);
        ReentrantLock turn = TURNS[(int) Math.floorMod(eventId, (long) TURNS.length)];
        turn.lock();
        try {
            while (!pending.outcome().isDone()) {
                List<Pending> group = new ArrayList<>();
                for (Pending next; group.size() < GROUP && (next = queue.poll()) != null; ) {
                    group.add(next);
                }
                if (group.isEmpty()) {
                    break;
                }
                write(eventId, group);
            }
        } finally {
            turn.unlock();
        }
        try {
            return pending.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Writes a group in one transaction. Should it fail as a whole (a registration the database refuses),
     * each is written again in a transaction of its own, so that one bad registration fails alone.
     */
    private void write(long eventId, List<Pending> group) {
        try {
            List<Outcome> outcomes = transactions.execute(status -> registerAll(eventId, group));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException failure) {
            if (group.size() == 1) {
                group.getFirst().outcome().completeExceptionally(failure);
                return;
            }
            for (Pending one : group) {
                try {
                    one.outcome().complete(transactions.execute(status -> registerAll(eventId, List.of(one)).getFirst()));
                } catch (RuntimeException single) {
                    one.outcome().completeExceptionally(single);
                }
            }
        } finally {
            // Whatever happened (an Error included), nobody waits for an outcome that will never come.
            for (Pending one : group) {
                one.outcome().completeExceptionally(new IllegalStateException("Registration not written"));
            }
        }
    }

    /**
     * The seat decisions of a group, under the event's row lock: the seats taken are counted once (exact,
     * since every writer holds this lock) and then kept up to date in memory as the group takes them; the
     * live registrations of the group's addresses are read once, and a repeated submission in the same
     * group (a double click) is answered with the first one's registration.
     */
    private List<Outcome> registerAll(long eventId, List<Pending> group) {
        Event event = lockForSeats(eventId);
        Instant now = clock.instant();
        Map<SeatMode, Integer> takenByMode = new EnumMap<>(SeatMode.class);
        Map<Long, Integer> takenByRegion = new HashMap<>();
        jdbc.sql("""
                        select mode, region_id, count(*) from event_registration
                        where event_id = :id and status in ('PENDING','CONFIRMED') group by mode, region_id
                        """)
                .param("id", eventId).query(rs -> {
                    takenByMode.merge(SeatMode.valueOf(rs.getString(1)), rs.getInt(3), Integer::sum);
                    Long region = rs.getObject(2, Long.class);
                    if (region != null) {
                        takenByRegion.merge(region, rs.getInt(3), Integer::sum);
                    }
                });
        Map<String, Registered> live = new HashMap<>();
        jdbc.sql("""
                        select id, email, status from event_registration
                        where event_id = :id and lower(email) in (:emails)
                          and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        """)
                .param("id", eventId)
                .param("emails", group.stream().map(p -> p.checked().email().toLowerCase(Locale.ROOT)).distinct().toList())
                .query(rs -> {
                    live.put(rs.getString("email").toLowerCase(Locale.ROOT), new Registered(rs.getLong("id"),
                            RegistrationStatus.valueOf(rs.getString("status")), true));
                });
        // Decide in arrival order, in memory; then write the new rows in one batch and queue their e-mails.
        Outcome[] outcomes = new Outcome[group.size()];
        List<Integer> added = new ArrayList<>();
        List<RegistrationStatus> statuses = new ArrayList<>();
        List<Boolean> seats = new ArrayList<>();
        Map<String, Integer> addedByEmail = new HashMap<>();
        for (int i = 0; i < group.size(); i++) {
            Pending pending = group.get(i);
            Checked checked = pending.checked();
            CurrentUser user = pending.user();
            if (!event.registrationOpen(now)) {
                outcomes[i] = new Closed("events.register.closed");
                continue;
            }
            if (event.audience() == Audience.ROLES
                    && (user == null || event.audienceRoles().stream().noneMatch(user::has))) {
                outcomes[i] = new Closed("events.register.rolesOnly");
                continue;
            }
            if (!event.format().offers(checked.mode())) {
                outcomes[i] = new Refused(Map.of("mode", "events.register.mode.required"));
                continue;
            }
            String key = checked.email().toLowerCase(Locale.ROOT);
            Registered existing = live.get(key);
            if (existing != null) {
                outcomes[i] = new Registered(existing.id(), existing.status(), true);
                continue;
            }
            Integer earlier = addedByEmail.get(key);
            if (earlier != null) {
                // The same person twice in this group (a double click): the second names the first, once written.
                outcomes[i] = new Registered(-1 - earlier, statuses.get(earlier), true);
                continue;
            }
            Long region = checked.regionId();
            boolean seat = takenByMode.getOrDefault(checked.mode(), 0) < event.seats(checked.mode())
                    && (event.regionQuota() == null || region == null
                            || takenByRegion.getOrDefault(region, 0) < event.regionQuota());
            if (seat) {
                takenByMode.merge(checked.mode(), 1, Integer::sum);
                if (region != null) {
                    takenByRegion.merge(region, 1, Integer::sum);
                }
            }
            addedByEmail.put(key, added.size());
            added.add(i);
            statuses.add(user != null
                    ? (seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING)
                    : (seat ? RegistrationStatus.PENDING : RegistrationStatus.UNCONFIRMED));
            seats.add(seat);
        }
        long[] ids = insertAll(event, group, added, statuses, now);
        for (int n = 0; n < added.size(); n++) {
            Prepared prepared = group.get(added.get(n)).prepared();
            mail.send(seats.get(n) ? prepared.withSeat() : prepared.withoutSeat());
            outcomes[added.get(n)] = new Registered(ids[n], statuses.get(n), false);
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof Registered repeated && repeated.id() < 0) {
                outcomes[i] = new Registered(ids[(int) (-1 - repeated.id())], repeated.status(), true);
            }
        }
        return List.of(outcomes);
    }

    /**
     * Inserts a group's new registrations in one JDBC batch (one round trip instead of one per person),
     * with ids taken from the table's sequence beforehand in arrival order, so the waiting list's order
     * (by id) is the order of arrival.
     */
    private long[] insertAll(Event event, List<Pending> group, List<Integer> added, List<RegistrationStatus> statuses,
            Instant now) {
        if (added.isEmpty()) {
            return new long[0];
        }
        List<Long> ids = jdbc.sql("""
                        select nextval(pg_get_serial_sequence('event_registration', 'id')) from generate_series(1, :n) g order by g
                        """)
                .param("n", added.size()).query(Long.class).list();
        List<Long> sorted = ids.stream().sorted().toList();
        org.springframework.jdbc.core.namedparam.SqlParameterSource[] rows =
                new org.springframework.jdbc.core.namedparam.SqlParameterSource[added.size()];
        for (int n = 0; n < added.size(); n++) {
            Pending pending = group.get(added.get(n));
            Checked c = pending.checked();
            CurrentUser user = pending.user();
            RegistrationStatus status = statuses.get(n);
            Prepared prepared = pending.prepared();
            Instant pendingUntil = user == null ? now.plus(settings.pendingHold()) : null;
            rows[n] = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("id", sorted.get(n)).addValue("event", event.id())
                    .addValue("account", user == null ? null : user.id(), java.sql.Types.BIGINT)
                    .addValue("email", c.email()).addValue("name", c.fullName()).addValue("institution", c.institution())
                    .addValue("kind", c.institutionKind(), java.sql.Types.VARCHAR)
                    .addValue("region", c.regionId(), java.sql.Types.BIGINT).addValue("position", c.position())
                    .addValue("access", c.accessibilityNeeds()).addValue("diet", c.dietaryNeeds())
                    .addValue("photo", c.photoConsent()).addValue("now", Timestamp.from(now))
                    .addValue("mode", c.mode().name()).addValue("status", status.name())
                    .addValue("until", pendingUntil == null ? null : Timestamp.from(pendingUntil), java.sql.Types.TIMESTAMP)
                    .addValue("confirm", prepared.confirmToken() == null ? null : Tokens.hash(prepared.confirmToken()),
                            java.sql.Types.VARCHAR)
                    .addValue("cancel", Tokens.hash(prepared.cancelToken())).addValue("language", pending.language())
                    .addValue("confirmedAt", status == RegistrationStatus.CONFIRMED ? Timestamp.from(now) : null,
                            java.sql.Types.TIMESTAMP);
        }
        batch.batchUpdate("""
                        insert into event_registration (id, event_id, account_id, email, full_name, institution, institution_kind,
                            region_id, position, accessibility_needs, dietary_needs, photo_consent, privacy_accepted_at, mode,
                            status, pending_until, confirm_token_hash, cancel_token_hash, language, created_at, confirmed_at)
                        values (:id, :event, :account, :email, :name, :institution, :kind, :region, :position, :access, :diet,
                            :photo, :now, :mode, :status, :until, :confirm, :cancel, :language, :now, :confirmedAt)
                        """, rows);
        return sorted.stream().mapToLong(Long::longValue).toArray();
    }

    /** What following the confirmation link did. */
    public enum Confirmation {
        CONFIRMED, WAITING, ALREADY_CONFIRMED, INVALID
    }

    /**
     * Confirms a visitor's registration by the e-mail link: a held seat becomes theirs; without one they
     * join the waiting list (and get a seat at once if one has come free). A hold that ran out makes the
     * link invalid: the seat went back to the pool.
     */
    @Transactional
    public Confirmation confirm(String token) {
        if (!Tokens.plausible(token)) {
            return Confirmation.INVALID;
        }
        Optional<long[]> found = jdbc.sql("select id, event_id from event_registration where confirm_token_hash = :hash")
                .param("hash", Tokens.hash(token)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        if (found.isEmpty()) {
            return Confirmation.INVALID;
        }
        Event event = lock(found.get()[1]);
        Instant now = clock.instant();
        expire(event, now);
        Registration registration = registration(found.get()[0]).orElseThrow();
        if (registration.status() == RegistrationStatus.CONFIRMED || registration.status() == RegistrationStatus.WAITING) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        if (registration.status() != RegistrationStatus.PENDING && registration.status() != RegistrationStatus.UNCONFIRMED) {
            return Confirmation.INVALID;
        }
        RegistrationStatus status = registration.status() == RegistrationStatus.PENDING ? RegistrationStatus.CONFIRMED
                : RegistrationStatus.WAITING;
        String cancelToken = Tokens.issue();
        jdbc.sql("""
                        update event_registration set status = :status, pending_until = null, cancel_token_hash = :cancel,
                            confirmed_at = :now
                        where id = :id
                        """)
                .param("status", status.name()).param("cancel", Tokens.hash(cancelToken))
                .param("now", Timestamp.from(now)).param("id", registration.id()).update();
        if (status == RegistrationStatus.WAITING) {
            List<Long> promoted = fillSeats(event, now);
            if (promoted.contains(registration.id())) {
                mail.send(event, registration.email(), registration.language(), "events/mail/registrationConfirmed",
                        cancelToken, Map.of());
                return Confirmation.CONFIRMED;
            }
            mail.send(event, registration.email(), registration.language(), "events/mail/waitingList", cancelToken, Map.of());
            return Confirmation.WAITING;
        }
        mail.send(event, registration.email(), registration.language(), "events/mail/registrationConfirmed", cancelToken,
                Map.of());
        return Confirmation.CONFIRMED;
    }

    /** The registration the cancellation link names, if it can still be cancelled. */
    @Transactional(readOnly = true)
    public Optional<Registration> byCancelToken(String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from event_registration where cancel_token_hash = :hash")
                .param("hash", Tokens.hash(token)).query(EventRegistrations::registration).optional()
                .filter(r -> r.status().live());
    }

    /** Cancels by the link in the e-mail (no sign-in needed); the seat goes to the first on the waiting list. */
    public boolean cancel(String token) {
        Optional<Registration> registration = byCancelToken(token);
        if (registration.isEmpty()) {
            return false;
        }
        long eventId = registration.get().eventId();
        return queued(eventId, () -> cancel(eventId, registration.get().id()));
    }

    /** Cancels the signed-in person's own registration for the event. */
    public boolean cancelOwn(CurrentUser user, long eventId) {
        return queued(eventId, () -> {
            Optional<Registration> own = liveRegistration(eventId, user.email());
            return own.isPresent() && cancel(eventId, own.get().id());
        });
    }

    /**
     * Runs {@code work} in its own transaction after waiting, in this node, for the event's turn. Every
     * change to an event's seats waits for the event's row lock anyway; waiting here first (fairly, so in
     * arrival order) keeps the waiting requests from holding database connections while they wait, so
     * that a rush on one event does not exhaust the connection pool for everyone else.
     */
    private <T> T queued(long eventId, java.util.function.Supplier<T> work) {
        java.util.concurrent.locks.ReentrantLock turn = TURNS[(int) Math.floorMod(eventId, (long) TURNS.length)];
        turn.lock();
        try {
            return transactions.execute(status -> work.get());
        } finally {
            turn.unlock();
        }
    }

    private boolean cancel(long eventId, long registrationId) {
        Event event = lock(eventId);
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        update event_registration set status = 'CANCELLED', cancelled_at = :now, pending_until = null,
                            confirm_token_hash = null
                        where id = :id and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        """)
                .param("now", Timestamp.from(now)).param("id", registrationId).update();
        if (changed == 1 && event.status() == EventStatus.PUBLISHED && !event.past(now)) {
            fillSeats(event, now);
        }
        return changed == 1;
    }

    /** The signed-in person's live registration for the event, if any. */
    @Transactional(readOnly = true)
    public Optional<Registration> own(CurrentUser user, long eventId) {
        return liveRegistration(eventId, user.email());
    }

    /**
     * Returns held seats whose confirmation did not come in time to the pool, event by event, and gives
     * them to the waiting lists. Run on a schedule; {@code now} is a parameter so tests can look ahead.
     *
     * @return the number of registrations that expired
     */
    @Transactional
    public int expirePending(Instant now) {
        List<Long> events = jdbc.sql("""
                        select distinct event_id from event_registration
                        where status in ('PENDING','UNCONFIRMED') and pending_until <= :now order by event_id
                        """)
                .param("now", Timestamp.from(now)).query(Long.class).list();
        int expired = 0;
        for (long eventId : events) {
            Event event = lock(eventId);
            expired += expire(event, now);
            if (event.status() == EventStatus.PUBLISHED && !event.past(now)) {
                fillSeats(event, now);
            }
        }
        return expired;
    }

    private int expire(Event event, Instant now) {
        return jdbc.sql("""
                        update event_registration set status = 'EXPIRED', confirm_token_hash = null
                        where event_id = :event and status in ('PENDING','UNCONFIRMED') and pending_until <= :now
                        """)
                .param("event", event.id()).param("now", Timestamp.from(now)).update();
    }

    // ---- organisers -------------------------------------------------------------------------------

    /** The event's registrations in arrival order, for its organisers only. */
    @Transactional(readOnly = true)
    public List<Registration> list(CurrentUser user, long eventId) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
        return jdbc.sql("select " + COLUMNS + " from event_registration where event_id = :id order by id")
                .param("id", eventId).query(EventRegistrations::registration).list();
    }

    /** An organiser adds a person: a seat if one is free, else the waiting list; the person is told by e-mail. */
    @Transactional
    public Outcome add(CurrentUser user, long eventId, RegistrationForm form, Locale locale) {
        Event event = lockManaged(user, eventId);
        Instant now = clock.instant();
        Map<String, String> errors = new LinkedHashMap<>();
        Checked checked = check(event, new RegistrationForm(form.fullName(), form.email(), form.institution(),
                form.institutionKind(), form.regionId(), form.position(), form.accessibilityNeeds(), form.dietaryNeeds(),
                form.mode(), "true", form.photoConsent()), null, errors);
        if (checked == null) {
            return new Refused(errors);
        }
        Optional<Registration> existing = liveRegistration(eventId, checked.email());
        if (existing.isPresent()) {
            return new Registered(existing.get().id(), existing.get().status(), true);
        }
        boolean seat = seatFree(event, checked.mode(), checked.regionId());
        RegistrationStatus status = seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
        String cancelToken = Tokens.issue();
        String language = Language.of(locale).code();
        long id = insert(event, checked, null, status, null, null, cancelToken, language, now);
        mail.send(event, checked.email(), language, seat ? "events/mail/registrationConfirmed" : "events/mail/waitingList",
                cancelToken, Map.of());
        return new Registered(id, status, false);
    }

    /** An organiser removes a registration; the seat goes to the waiting list. */
    @Transactional
    public void remove(CurrentUser user, long eventId, long registrationId) {
        lockManaged(user, eventId);
        requireOf(eventId, registrationId);
        cancel(eventId, registrationId);
    }

    /**
     * An organiser moves a person to the other kind of seat (hybrid events): only into a free seat, so
     * nothing is overbooked. False when no seat of that kind is free.
     */
    @Transactional
    public boolean move(CurrentUser user, long eventId, long registrationId, SeatMode target) {
        Event event = lockManaged(user, eventId);
        Registration registration = requireOf(eventId, registrationId);
        if (registration.mode() == target || !event.format().offers(target)) {
            return false;
        }
        if (registration.status().holdsSeat()) {
            if (taken(event.id(), target) >= event.seats(target)) {
                return false;
            }
            setMode(registrationId, target);
            fillSeats(event, clock.instant());
            return true;
        }
        setMode(registrationId, target);
        fillSeats(event, clock.instant());
        return true;
    }

    /** Marks attendance on the day (or clears it with null). */
    @Transactional
    public void markAttendance(CurrentUser user, long eventId, long registrationId, @Nullable Attendance attendance) {
        lockManaged(user, eventId);
        requireOf(eventId, registrationId);
        jdbc.sql("update event_registration set attendance = :a where id = :id")
                .param("a", attendance == null ? null : attendance.name()).param("id", registrationId).update();
    }

    /** Saves a participant's feedback after the event: a rating 1–5 and an optional comment. False when not allowed. */
    @Transactional
    public boolean giveFeedback(CurrentUser user, long eventId, int rating, String comment) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
        if (!event.past(clock.instant()) || rating < 1 || rating > 5 || comment.length() > 2000
                || Texts.unprintable(comment, true)) {
            return false;
        }
        return jdbc.sql("""
                        update event_registration set feedback_rating = :rating, feedback_comment = :comment
                        where event_id = :event and lower(email) = lower(:email) and status = 'CONFIRMED'
                        """)
                .param("rating", rating).param("comment", comment.strip()).param("event", eventId)
                .param("email", user.email()).update() == 1;
    }

    // ---- seats ------------------------------------------------------------------------------------

    /**
     * Gives free seats to the waiting list in arrival order, skipping people whose region has used its
     * quota, and tells each promoted person by e-mail. The caller holds the event's lock.
     *
     * @return the ids promoted
     */
    List<Long> fillSeats(Event event, Instant now) {
        List<Long> promoted = new ArrayList<>();
        if (event.status() != EventStatus.PUBLISHED) {
            return promoted;
        }
        Map<Long, Integer> perRegion = new HashMap<>();
        if (event.regionQuota() != null) {
            jdbc.sql("""
                            select region_id, count(*) from event_registration
                            where event_id = :id and status in ('PENDING','CONFIRMED') and region_id is not null group by region_id
                            """)
                    .param("id", event.id()).query(rs -> {
                        perRegion.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        for (SeatMode mode : SeatMode.values()) {
            int free = event.seats(mode) - taken(event.id(), mode);
            if (free <= 0) {
                continue;
            }
            List<Registration> waiting = jdbc.sql("select " + COLUMNS + """
                             from event_registration where event_id = :id and mode = :mode and status = 'WAITING' order by id
                            """)
                    .param("id", event.id()).param("mode", mode.name()).query(EventRegistrations::registration).list();
            for (Registration candidate : waiting) {
                if (free == 0) {
                    break;
                }
                Long region = candidate.regionId();
                if (event.regionQuota() != null && region != null && perRegion.getOrDefault(region, 0) >= event.regionQuota()) {
                    continue;
                }
                jdbc.sql("update event_registration set status = 'CONFIRMED', confirmed_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", candidate.id()).update();
                if (region != null) {
                    perRegion.merge(region, 1, Integer::sum);
                }
                free--;
                promoted.add(candidate.id());
                mail.send(event, candidate.email(), candidate.language(), "events/mail/promoted", null, Map.of());
            }
        }
        return promoted;
    }

    /** Whether a seat of this kind is free, and the region under its quota: one statement. */
    private boolean seatFree(Event event, SeatMode mode, @Nullable Long regionId) {
        int[] counts = jdbc.sql("""
                        select count(*) filter (where mode = :mode),
                               count(*) filter (where region_id = :region)
                        from event_registration
                        where event_id = :id and status in ('PENDING','CONFIRMED')
                        """)
                .param("id", event.id()).param("mode", mode.name()).param("region", regionId == null ? -1L : regionId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        if (counts[0] >= event.seats(mode)) {
            return false;
        }
        return event.regionQuota() == null || regionId == null || counts[1] < event.regionQuota();
    }

    private int taken(long eventId, SeatMode mode) {
        return jdbc.sql("""
                        select count(*) from event_registration
                        where event_id = :id and mode = :mode and status in ('PENDING','CONFIRMED')
                        """)
                .param("id", eventId).param("mode", mode.name()).query(Integer.class).single();
    }

    /**
     * Takes the event's row lock and reads the event's own columns in the same statement, for the
     * registration path where every statement under the lock counts (regions and materials are not needed).
     */
    private Event lockForSeats(long eventId) {
        return jdbc.sql("select " + EventCatalogue.COLUMNS + " from event e where e.id = :id for update")
                .param("id", eventId)
                .query((rs, n) -> EventCatalogue.event(rs, List.of(), List.of())).optional()
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    /** Takes the event's row lock (the one every change to its seats goes through) and reads the event. */
    private Event lock(long eventId) {
        jdbc.sql("select id from event where id = :id for update").param("id", eventId).query(Long.class).optional()
                .orElseThrow(() -> new EventNotFound(eventId));
        return catalogue.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
    }

    private Event lockManaged(CurrentUser user, long eventId) {
        Event event = lock(eventId);
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
        return event;
    }

    private Registration requireOf(long eventId, long registrationId) {
        return registration(registrationId).filter(r -> r.eventId() == eventId)
                .orElseThrow(() -> new EventNotFound(registrationId));
    }

    private void setMode(long registrationId, SeatMode mode) {
        jdbc.sql("update event_registration set mode = :mode where id = :id").param("mode", mode.name())
                .param("id", registrationId).update();
    }

    private Optional<Registration> registration(long id) {
        return jdbc.sql("select " + COLUMNS + " from event_registration where id = :id").param("id", id)
                .query(EventRegistrations::registration).optional();
    }

    private Optional<Registration> liveRegistration(long eventId, String email) {
        return jdbc.sql("select " + COLUMNS + """
                         from event_registration
                        where event_id = :id and lower(email) = lower(:email)
                          and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING')
                        """)
                .param("id", eventId).param("email", email).query(EventRegistrations::registration).optional();
    }

    private long insert(Event event, Checked c, @Nullable Long accountId, RegistrationStatus status,
            @Nullable String confirmToken, @Nullable Instant pendingUntil, String cancelToken, String language, Instant now) {
        return jdbc.sql("""
                        insert into event_registration (event_id, account_id, email, full_name, institution, institution_kind,
                            region_id, position, accessibility_needs, dietary_needs, photo_consent, privacy_accepted_at, mode,
                            status, pending_until, confirm_token_hash, cancel_token_hash, language, created_at, confirmed_at)
                        values (:event, :account, :email, :name, :institution, :kind, :region, :position, :access, :diet,
                            :photo, :now, :mode, :status, :until, :confirm, :cancel, :language, :now, :confirmedAt)
                        returning id
                        """)
                .param("event", event.id()).param("account", accountId).param("email", c.email())
                .param("name", c.fullName()).param("institution", c.institution()).param("kind", c.institutionKind())
                .param("region", c.regionId()).param("position", c.position()).param("access", c.accessibilityNeeds())
                .param("diet", c.dietaryNeeds()).param("photo", c.photoConsent()).param("now", Timestamp.from(now))
                .param("mode", c.mode().name()).param("status", status.name())
                .param("until", pendingUntil == null ? null : Timestamp.from(pendingUntil))
                .param("confirm", confirmToken == null ? null : Tokens.hash(confirmToken))
                .param("cancel", Tokens.hash(cancelToken)).param("language", language)
                .param("confirmedAt", status == RegistrationStatus.CONFIRMED ? Timestamp.from(now) : null)
                .query(Long.class).single();
    }

    /** A registration form once checked. */
    record Checked(String email, String fullName, String institution, @Nullable String institutionKind,
            @Nullable Long regionId, String position, String accessibilityNeeds, String dietaryNeeds, boolean photoConsent,
            SeatMode mode) {
    }

    private @Nullable Checked check(Event event, RegistrationForm form, @Nullable CurrentUser user,
            Map<String, String> errors) {
        String email;
        String fullName;
        if (user != null) {
            email = user.email();
            fullName = user.displayName();
        } else {
            fullName = field(form.fullName(), "fullName", 200, true, false, errors);
            email = Texts.strip(form.email());
            if (!EmailAddresses.valid(email)) {
                errors.put("email", "events.register.email.invalid");
            }
        }
        String institution = field(form.institution(), "institution", 300, user == null, false, errors);
        String kind = Texts.strip(form.institutionKind());
        String institutionKind = null;
        if (!kind.isEmpty()) {
            try {
                institutionKind = InstitutionKind.valueOf(kind).name();
            } catch (IllegalArgumentException e) {
                errors.put("institutionKind", "form.invalid");
            }
        }
        Long regionId = null;
        String region = Texts.strip(form.regionId());
        if (!region.isEmpty()) {
            try {
                long id = Long.parseLong(region);
                if (directory.regions().stream().anyMatch(r -> r.id() == id)) {
                    regionId = id;
                } else {
                    errors.put("regionId", "events.register.region.required");
                }
            } catch (NumberFormatException e) {
                errors.put("regionId", "events.register.region.required");
            }
        } else if (user != null) {
            regionId = user.roles().stream().map(r -> r.regionId()).filter(r -> r != null).findFirst().orElse(null);
        }
        if (regionId == null && !errors.containsKey("regionId")
                && (user == null || event.regionQuota() != null || event.audience() == Audience.REGIONS)) {
            errors.put("regionId", "events.register.region.required");
        }
        if (regionId != null && event.audience() == Audience.REGIONS && !event.servedRegionIds().contains(regionId)) {
            errors.put("regionId", "events.register.region.notServed");
        }
        String position = field(form.position(), "position", 200, false, false, errors);
        String accessibility = field(form.accessibilityNeeds(), "accessibilityNeeds", 1000, false, true, errors);
        String dietary = field(form.dietaryNeeds(), "dietaryNeeds", 1000, false, true, errors);
        SeatMode mode = null;
        String modeText = Texts.strip(form.mode());
        if (modeText.isEmpty() && event.format() != EventFormat.HYBRID) {
            mode = event.format() == EventFormat.ONLINE ? SeatMode.ONLINE : SeatMode.ON_SITE;
        } else {
            try {
                mode = SeatMode.valueOf(modeText);
                if (!event.format().offers(mode)) {
                    errors.put("mode", "events.register.mode.required");
                }
            } catch (IllegalArgumentException e) {
                errors.put("mode", "events.register.mode.required");
            }
        }
        if (!"true".equals(Texts.strip(form.privacyAccepted()))) {
            errors.put("privacyAccepted", "events.register.privacy.required");
        }
        boolean photo = "true".equals(Texts.strip(form.photoConsent()));
        if (!errors.isEmpty() || mode == null) {
            return null;
        }
        return new Checked(email, fullName, institution, institutionKind, regionId, position, accessibility,
                mode == SeatMode.ON_SITE ? dietary : "", photo, mode);
    }

    private static String field(@Nullable String value, String name, int max, boolean required, boolean multiline,
            Map<String, String> errors) {
        String text = Texts.strip(value);
        if (required && text.isEmpty()) {
            errors.put(name, "events.register.required");
        } else if (text.length() > max) {
            errors.put(name, "events.register.tooLong");
        } else if (Texts.unprintable(text, multiline)) {
            errors.put(name, "events.register.unprintable");
        }
        return text;
    }

    static Registration registration(ResultSet rs, int row) throws SQLException {
        String attendance = rs.getString("attendance");
        return new Registration(rs.getLong("id"), rs.getLong("event_id"), (Long) rs.getObject("account_id", Long.class),
                rs.getString("email"), rs.getString("full_name"), rs.getString("institution"),
                rs.getString("institution_kind"), (Long) rs.getObject("region_id", Long.class), rs.getString("position"),
                rs.getString("accessibility_needs"), rs.getString("dietary_needs"), rs.getBoolean("photo_consent"),
                SeatMode.valueOf(rs.getString("mode")), RegistrationStatus.valueOf(rs.getString("status")),
                attendance == null ? null : Attendance.valueOf(attendance), rs.getString("language"),
                EventCatalogue.instant(rs, "created_at"), (Integer) rs.getObject("feedback_rating", Integer.class),
                rs.getString("feedback_comment"));
    }

}
