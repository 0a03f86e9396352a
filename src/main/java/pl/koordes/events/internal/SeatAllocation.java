package pl.koordes.events.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.SeatMode;

/**
 * The seat rule of one event, with no database and no framework: who gets a seat and who goes to the
 * waiting list, and who on the list gets a seat that has come free. Kept apart from the SQL so that the
 * rule can be read in one place and tested in milliseconds; the callers feed it the seats already
 * taken, counted under the event's row lock, and write what it decides.
 *
 * <p>The rule: a registration holding a seat (PENDING or CONFIRMED) takes one seat of its kind (on site
 * or online); the people of one region take at most the event's quota of seats, of both kinds together;
 * a person without a region is not counted against any quota. Without a free seat a person joins the
 * waiting list, ordered by arrival; a freed seat goes to the first on the list for that kind of seat
 * whose region is under its quota.
 *
 * <p>Seats held for visitors who have not confirmed their address are few by rule: at most {@code
 * holdCap} at once for the event, and at most {@code domainHoldCap} for addresses of one e-mail domain.
 * Over either limit a visitor holds no seat (UNCONFIRMED) and gets one, if one is free, only on confirming:
 * so nobody can keep an event full with addresses they do not read, and real people are not pushed onto
 * the waiting list by them.
 *
 * <p>An instance keeps the counts up to date as it gives seats out, so a group of registrations decided
 * one after another sees the seats the earlier ones took. Not thread-safe: one event's decisions are
 * taken one at a time anyway.
 */
public final class SeatAllocation {

    /** A person on the waiting list, as the promotion needs them. */
    public record Waiting(long id, SeatMode mode, @Nullable Long regionId) {}

    private final Map<SeatMode, Integer> capacity = new EnumMap<>(SeatMode.class);
    private final @Nullable Integer regionQuota;
    private final Map<SeatMode, Integer> takenByMode = new EnumMap<>(SeatMode.class);
    private final Map<Long, Integer> takenByRegion = new HashMap<>();
    private final Map<String, Integer> heldByDomain = new HashMap<>();
    private int held;
    private int holdCap = Integer.MAX_VALUE;
    private int domainHoldCap = Integer.MAX_VALUE;

    /**
     * @param seatsOnSite seats in the room (0 where the event has none)
     * @param seatsOnline seats in the online meeting (0 where the event has none)
     * @param regionQuota at most this many seats per region, or null for no limit
     */
    public SeatAllocation(int seatsOnSite, int seatsOnline, @Nullable Integer regionQuota) {
        capacity.put(SeatMode.ON_SITE, Math.max(0, seatsOnSite));
        capacity.put(SeatMode.ONLINE, Math.max(0, seatsOnline));
        this.regionQuota = regionQuota;
    }

    /** The event's seats (only the kinds its format offers) and quota, nothing taken yet. */
    public static SeatAllocation of(Event event) {
        return new SeatAllocation(event.seats(SeatMode.ON_SITE), event.seats(SeatMode.ONLINE), event.regionQuota());
    }

    /** Counts seats already taken: {@code count} registrations of this kind of seat and region hold one. */
    public SeatAllocation taken(SeatMode mode, @Nullable Long regionId, int count) {
        takenByMode.merge(mode, count, Integer::sum);
        if (regionId != null) {
            takenByRegion.merge(regionId, count, Integer::sum);
        }
        return this;
    }

    /**
     * Limits the seats held for unconfirmed visitors.
     *
     * @param share the part of all the event's seats that may be held at once (at least one seat)
     * @param perDomain how many of them addresses of one e-mail domain may hold
     */
    public SeatAllocation holdLimits(double share, int perDomain) {
        int seats = capacity.values().stream().mapToInt(Integer::intValue).sum();
        this.holdCap = Math.max(1, (int) Math.ceil(seats * share));
        this.domainHoldCap = Math.max(1, perDomain);
        return this;
    }

    /** Counts seats already held for unconfirmed visitors with addresses in this domain. */
    public SeatAllocation held(String domain, int count) {
        held += count;
        heldByDomain.merge(domain.toLowerCase(Locale.ROOT), count, Integer::sum);
        return this;
    }

    /** Seats of this kind not yet taken. */
    public int free(SeatMode mode) {
        return Math.max(0, capacity.get(mode) - takenByMode.getOrDefault(mode, 0));
    }

    /** Whether a seat of this kind is free (whatever the region): what moving a person between kinds needs. */
    public boolean hasRoom(SeatMode mode) {
        return free(mode) > 0;
    }

    /** Whether a person of this region may have a seat of this kind now: one is free and the region is under quota. */
    public boolean seatFor(SeatMode mode, @Nullable Long regionId) {
        return hasRoom(mode) && underQuota(regionId);
    }

    /**
     * Decides one newcomer: takes a seat for them if {@link #seatFor} allows and says so; false means
     * the waiting list.
     */
    public boolean take(SeatMode mode, @Nullable Long regionId) {
        if (!seatFor(mode, regionId)) {
            return false;
        }
        taken(mode, regionId, 1);
        return true;
    }

    /**
     * The status a signed-in person (or one an organiser adds) gets: confirmed at once, or the waiting
     * list. Visitors go through {@link #registerVisitor}.
     */
    public RegistrationStatus register(SeatMode mode, @Nullable Long regionId) {
        return take(mode, regionId) ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
    }

    /**
     * The status a visitor gets: a held seat (PENDING) if one is free for them and the limits of holds
     * allow, else UNCONFIRMED (no seat until they confirm).
     *
     * @param email the visitor's address, whose domain counts against the per-domain limit
     */
    public RegistrationStatus registerVisitor(SeatMode mode, @Nullable Long regionId, String email) {
        String domain = domainOf(email);
        if (held >= holdCap || heldByDomain.getOrDefault(domain, 0) >= domainHoldCap || !take(mode, regionId)) {
            return RegistrationStatus.UNCONFIRMED;
        }
        held(domain, 1);
        return RegistrationStatus.PENDING;
    }

    /** The part after the last {@code @}, lower-cased: what the per-domain limit counts by. */
    public static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Gives the free seats to the waiting list: for each kind of seat, the people waiting for it in the
     * given order (arrival), skipping those whose region has used its quota. The seats given are counted.
     *
     * @param waiting everyone on the waiting list, in arrival order
     * @return the ids given a seat, kind by kind (on site first), each in arrival order
     */
    public List<Long> promote(List<Waiting> waiting) {
        List<Long> promoted = new ArrayList<>();
        for (SeatMode mode : SeatMode.values()) {
            for (Waiting candidate : waiting) {
                if (!hasRoom(mode)) {
                    break;
                }
                if (candidate.mode() == mode && take(mode, candidate.regionId())) {
                    promoted.add(candidate.id());
                }
            }
        }
        return promoted;
    }

    private boolean underQuota(@Nullable Long regionId) {
        return regionQuota == null || regionId == null || takenByRegion.getOrDefault(regionId, 0) < regionQuota;
    }
}
