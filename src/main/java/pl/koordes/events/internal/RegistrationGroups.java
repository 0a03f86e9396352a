package pl.koordes.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.events.RegistrationConfirmed;
import pl.koordes.shared.database.GroupCommit;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/**
 * An event's registrations written in groups ({@link GroupCommit}), each group under the event's row lock in one
 * transaction: the visitors' limit taken, the seats counted and given out, the rows inserted and the e-mails queued.
 */
@Component
class RegistrationGroups {

    /**
     * How many registrations a visitor's address may send (enough for an office behind one address, not for a flood):
     * only those that send mail count (not a form refused, not a
     * registration repeated), taken in the group's transaction, so that a group rolled back counts nothing and two
     * nodes count together.
     */
    static final Limit VISITOR_REGISTRATIONS = new Limit("event-registration", 30, Duration.ofHours(1));

    /** The refusal of a registration over {@link #VISITOR_REGISTRATIONS} (answered 429). */
    static final String TOO_MANY = "events.register.tooMany";

    private final EventsProperties settings;
    private final Clock clock;
    private final RegistrationRows rows;
    private final EventMail mail;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final GroupCommit<Long, Pending, Decided> groups;
    /**
     * Per event, for visitors and for signed-in people apart (a visitor may hold no seat while seats are free),
     * whether the last registration got a seat: a hint only, for which e-mail to render before the event's turn.
     */
    private final Map<Hint, Boolean> likelySeat = new ConcurrentHashMap<>();

    private record Hint(long eventId, boolean visitor) {}

    RegistrationGroups(
            EventsProperties settings,
            Clock clock,
            RegistrationRows rows,
            EventMail mail,
            RateLimiter limiter,
            ApplicationEventPublisher events,
            EventTurns turns) {
        this.settings = settings;
        this.clock = clock;
        this.rows = rows;
        this.mail = mail;
        this.limiter = limiter;
        this.events = events;
        this.groups = new GroupCommit<>(turns::turn, turns.transactions(), this::registerAll);
    }

    /**
     * A registration waiting for its event's turn; {@code visitorAddress} is the address a visitor's registration is
     * counted against ({@code null}: not counted, e.g. a signed-in person's).
     */
    record Pending(
            Checked checked,
            @Nullable CurrentUser user,
            String language,
            PreparedMail prepared,
            @Nullable String visitorAddress) {}

    /** Whether the event's next registration (of a visitor or not) will most likely get a seat. */
    boolean likelySeat(long eventId, boolean visitor) {
        return likelySeat.getOrDefault(new Hint(eventId, visitor), true);
    }

    /** Writes the registration with its event's group; returns its result or throws its refusal. */
    RegistrationResult submit(long eventId, Pending pending) {
        return groups.submit(eventId, pending).orThrow();
    }

    /**
     * What became of one registration of a group: a result or a refusal, handed back rather than thrown,
     * because throwing would roll back the others of the group.
     */
    record Decided(
            @Nullable RegistrationResult result, @Nullable Refused refused) {

        static Decided of(RegistrationResult result) {
            return new Decided(result, null);
        }

        static Decided refusal(Refused refused) {
            return new Decided(null, refused);
        }

        /** The result to return, or the refusal thrown, now that the group's transaction is over. */
        RegistrationResult orThrow() {
            if (refused != null) {
                throw refused;
            }
            return Objects.requireNonNull(result);
        }
    }

    /**
     * The seat decisions of a group, under the event's row lock: the seats taken are counted once (exact,
     * since every writer holds this lock) and then kept up to date by {@link SeatAllocation} as the group
     * takes them; the live registrations of the group's addresses are read once, and a repeated submission
     * in the same group (a double click) is answered with the first one's registration. The visitors' tokens are
     * taken for the group's new registrations in one statement, the first ones of each address first.
     */
    private List<Decided> registerAll(Long eventId, List<Pending> group) {
        Event event = rows.lockForSeats(eventId);
        Instant now = clock.instant();
        SeatAllocation seats =
                rows.seats(event).holdLimits(settings.pendingHoldShare(), settings.pendingHoldsPerDomain());
        Map<String, RegistrationResult> live =
                rows.live(eventId, group.stream().map(p -> p.checked().email()).toList());
        // 1. What each would be without the limit and the seats: refused, registered already, repeated within this
        // group (a double click: it names the first once that is written), or new.
        Decided[] decided = new Decided[group.size()];
        int[] repeatOf = new int[group.size()];
        List<Integer> fresh = new ArrayList<>();
        Map<String, Integer> firstByEmail = new HashMap<>();
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            Pending pending = group.get(i);
            repeatOf[i] = -1;
            decided[i] = refusal(event, now, pending);
            if (decided[i] != null) {
                continue;
            }
            String key = pending.checked().email().toLowerCase(Locale.ROOT);
            RegistrationResult existing = live.get(key);
            Integer first = firstByEmail.putIfAbsent(key, i);
            if (existing != null) {
                decided[i] = Decided.of(existing);
            } else if (first != null) {
                repeatOf[i] = first;
            } else {
                fresh.add(i);
                if (pending.visitorAddress() != null) {
                    wanted.merge(pending.visitorAddress(), 1, Integer::sum);
                }
            }
        }
        // 2. The visitors' limit, then the seats, in arrival order; then the new rows in one batch and their e-mails.
        Map<String, Integer> left = new HashMap<>(limiter.take(VISITOR_REGISTRATIONS, wanted));
        List<Integer> added = new ArrayList<>();
        List<RegistrationRows.NewRow> newRows = new ArrayList<>();
        for (int i : fresh) {
            Pending pending = group.get(i);
            String address = pending.visitorAddress();
            if (address != null && left.merge(address, -1, Integer::sum) < 0) {
                decided[i] = Decided.refusal(Refused.conflict(TOO_MANY));
                continue;
            }
            Checked checked = pending.checked();
            RegistrationStatus status = pending.user() == null
                    ? seats.registerVisitor(checked.mode(), checked.regionId(), checked.email())
                    : seats.register(checked.mode(), checked.regionId());
            added.add(i);
            newRows.add(newRow(pending, status, now));
        }
        // What the next registrations for this event will most likely get, so that they render that e-mail early.
        for (RegistrationRows.NewRow row : newRows) {
            likelySeat.put(
                    new Hint(eventId, row.accountId() == null), row.status().holdsSeat());
        }
        long[] ids = rows.insertAll(eventId, newRows, now);
        for (int n = 0; n < added.size(); n++) {
            Pending pending = group.get(added.get(n));
            RegistrationStatus status = newRows.get(n).status();
            mail.send(pending.prepared().mail(status.holdsSeat()));
            if (status == RegistrationStatus.CONFIRMED) {
                events.publishEvent(new RegistrationConfirmed(
                        ids[n],
                        eventId,
                        pending.user() == null ? null : pending.user().id(),
                        pending.checked().mode()));
            }
            decided[added.get(n)] = Decided.of(new RegistrationResult(ids[n], status, false));
        }
        for (int i = 0; i < decided.length; i++) {
            if (repeatOf[i] >= 0) {
                // A repeat shares its first's fate: the same refusal, or the same registration, marked repeated.
                Decided first = Objects.requireNonNull(decided[repeatOf[i]]);
                RegistrationResult written = first.result();
                decided[i] = written == null
                        ? first
                        : Decided.of(new RegistrationResult(written.id(), written.status(), true));
            }
        }
        return List.of(decided);
    }

    /** The refusal of one registration that the event itself decides (closed, not for this person, no such mode). */
    private static @Nullable Decided refusal(Event event, Instant now, Pending pending) {
        CurrentUser user = pending.user();
        if (!event.registrationOpen(now)) {
            return Decided.refusal(Refused.conflict("events.register.closed"));
        }
        if (event.audience() == Audience.ROLES
                && (user == null || event.audienceRoles().stream().noneMatch(user::has))) {
            return Decided.refusal(Refused.conflict("events.register.rolesOnly"));
        }
        if (!event.format().offers(pending.checked().mode())) {
            return Decided.refusal(Refused.field("mode", "events.register.mode.required"));
        }
        return null;
    }

    private RegistrationRows.NewRow newRow(Pending pending, RegistrationStatus status, Instant now) {
        CurrentUser user = pending.user();
        PreparedMail prepared = pending.prepared();
        return new RegistrationRows.NewRow(
                pending.checked(),
                user == null ? null : user.id(),
                status,
                prepared.confirmToken(),
                user == null
                        ? now.plus(
                                status == RegistrationStatus.PENDING
                                        ? settings.pendingHold()
                                        : settings.confirmationWindow())
                        : null,
                prepared.cancelToken(),
                pending.language());
    }
}
