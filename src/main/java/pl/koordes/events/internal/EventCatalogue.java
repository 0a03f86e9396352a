package pl.koordes.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Paged;

/**
 * Reads events: one event with its regions and materials, the public lists with filters and pages, a
 * month for the calendar, and what region and home pages show. Each method runs a fixed number of
 * statements whatever the number of events.
 */
@Service
@Transactional(readOnly = true)
public class EventCatalogue {

    /** Events per page of the public lists. */
    public static final int PAGE_SIZE = 20;

    static final String COLUMNS = """
            e.id, e.type, e.level, e.region_id, e.macroregion_id, e.format, e.title, e.description, e.venue, e.address,
            e.online_link, e.starts_at, e.ends_at, e.seats_on_site, e.seats_online, e.region_quota,
            e.registration_opens_at, e.registration_closes_at, e.audience, e.audience_roles, e.status, e.agenda, e.speakers,
            e.title_en, e.description_en
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    EventCatalogue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The event with its served regions and materials, whatever its status (callers check who may see it). */
    public Optional<Event> find(long id) {
        // The children first, so that the event is built once, with them.
        List<Long> regions = jdbc.sql("select region_id from event_region where event_id = :id order by region_id")
                .param("id", id)
                .query(Long.class)
                .list();
        List<Material> materials = jdbc.sql("""
                        select id, title, url, participants_only from event_material where event_id = :id order by position, id
                        """)
                .param("id", id)
                .query((rs, n) -> new Material(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("url"),
                        rs.getBoolean("participants_only")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from event e where e.id = :id")
                .param("id", id)
                .query((rs, n) -> event(rs, regions, materials))
                .optional();
    }

    /**
     * A page of published (or cancelled, completed) events: upcoming ones from the soonest, past ones from
     * the latest. Two statements: the page (keyed by the start index) and the count.
     */
    public Paged<Event> search(EventFilter filter, boolean past, int page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, past, params);
        long total = jdbc.sql("select count(*) from event e where " + where)
                .params(params)
                .query(Long.class)
                .single();
        int current = Paged.within(page, total, PAGE_SIZE);
        params.put("limit", PAGE_SIZE);
        params.put("offset", Paged.offset(current, PAGE_SIZE));
        List<Event> events = jdbc.sql("select " + COLUMNS + " from event e where " + where + " order by e.starts_at "
                        + (past ? "desc" : "asc") + ", e.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> event(rs, List.of(), List.of()))
                .list();
        return new Paged<>(events, current, PAGE_SIZE, total);
    }

    /** The public events overlapping the month, for the calendar. */
    public List<Event> month(YearMonth month, EventFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("e.status <> 'DRAFT'");
        filters(filter, params, where);
        params.put(
                "from", Timestamp.from(month.atDay(1).atStartOfDay(Formats.ZONE).toInstant()));
        params.put(
                "to",
                Timestamp.from(
                        month.plusMonths(1).atDay(1).atStartOfDay(Formats.ZONE).toInstant()));
        where.append(" and e.starts_at < :to and e.ends_at > :from");
        return jdbc.sql("select " + COLUMNS + " from event e where " + where + " order by e.starts_at, e.id limit 500")
                .params(params)
                .query((rs, n) -> event(rs, List.of(), List.of()))
                .list();
    }

    /** The next published events serving the region (regional, macro-regional and national ones). */
    public List<Event> upcomingForRegion(long regionId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from event e
                        where e.status = 'PUBLISHED' and e.ends_at > :now
                          and exists (select 1 from event_region r where r.event_id = e.id and r.region_id = :region)
                        order by e.starts_at, e.id limit :limit
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("region", regionId)
                .param("limit", limit)
                .query((rs, n) -> event(rs, List.of(), List.of()))
                .list();
    }

    /** The next published events anywhere. */
    public List<Event> upcoming(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from event e where e.status = 'PUBLISHED' and e.ends_at > :now order by e.starts_at, e.id limit :limit
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", limit)
                .query((rs, n) -> event(rs, List.of(), List.of()))
                .list();
    }

    /** The events the person manages, newest start first: all for editors, their region's regional events for a coordinator. */
    public List<Event> manageable(CurrentUser user, boolean everything) {
        if (everything) {
            return jdbc.sql("select " + COLUMNS + " from event e order by e.starts_at desc, e.id limit 500")
                    .query((rs, n) -> event(rs, List.of(), List.of()))
                    .list();
        }
        Set<Long> regions = user.regionsOf(Role.REGIONAL_COORDINATOR);
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from event e where e.level = 'REGIONAL' and e.region_id in (:regions)
                        order by e.starts_at desc, e.id limit 500
                        """)
                .param("regions", regions)
                .query((rs, n) -> event(rs, List.of(), List.of()))
                .list();
    }

    /** Seats of each kind the event offers: capacity, taken (confirmed and held), held only, and waiting. */
    public List<SeatCount> seats(Event event) {
        Map<SeatMode, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select mode,
                               count(*) filter (where status in ('PENDING','CONFIRMED')) as taken,
                               count(*) filter (where status = 'PENDING') as held,
                               count(*) filter (where status = 'WAITING') as waiting
                        from event_registration where event_id = :id group by mode
                        """).param("id", event.id()).query(rs -> {
            counts.put(
                    SeatMode.valueOf(rs.getString("mode")),
                    new int[] {rs.getInt("taken"), rs.getInt("held"), rs.getInt("waiting")});
        });
        List<SeatCount> seats = new ArrayList<>();
        for (SeatMode mode : SeatMode.values()) {
            if (event.format().offers(mode)) {
                int[] c = counts.getOrDefault(mode, new int[3]);
                seats.add(new SeatCount(mode, event.seats(mode), c[0], c[1], c[2]));
            }
        }
        return seats;
    }

    /** Public events for the calendar feed: from a month back on, optionally only those serving one region. */
    public List<Event> feed(@Nullable Long regionId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("since", Timestamp.from(clock.instant().minus(Duration.ofDays(31))));
        String region = "";
        if (regionId != null) {
            region = " and exists (select 1 from event_region r where r.event_id = e.id and r.region_id = :region)";
            params.put("region", regionId);
        }
        return jdbc.sql("select " + COLUMNS + " from event e where e.status in ('PUBLISHED','CANCELLED','COMPLETED')"
                        + " and e.ends_at > :since" + region + " order by e.starts_at, e.id limit 1000")
                .params(params)
                .query((rs, n) -> event(rs, List.of(), List.of()))
                .list();
    }

    private String where(EventFilter filter, boolean past, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("e.status <> 'DRAFT'");
        params.put("now", Timestamp.from(clock.instant()));
        where.append(past ? " and e.ends_at <= :now" : " and e.ends_at > :now");
        filters(filter, params, where);
        if (filter.month() != null) {
            params.put(
                    "from",
                    Timestamp.from(
                            filter.month().atDay(1).atStartOfDay(Formats.ZONE).toInstant()));
            params.put(
                    "to",
                    Timestamp.from(filter.month()
                            .plusMonths(1)
                            .atDay(1)
                            .atStartOfDay(Formats.ZONE)
                            .toInstant()));
            where.append(" and e.starts_at < :to and e.ends_at > :from");
        }
        return where.toString();
    }

    private static void filters(EventFilter filter, Map<String, Object> params, StringBuilder where) {
        if (filter.type() != null) {
            where.append(" and e.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.level() != null) {
            where.append(" and e.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.format() != null) {
            where.append(" and e.format = :format");
            params.put("format", filter.format().name());
        }
        if (filter.regionId() != null) {
            where.append(
                    " and exists (select 1 from event_region r where r.event_id = e.id and r.region_id = :region)");
            params.put("region", filter.regionId());
        }
    }

    static Event event(ResultSet rs, List<Long> regions, List<Material> materials) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String roleText = rs.getString("audience_roles");
        if (roleText != null && !roleText.isBlank()) {
            Arrays.stream(roleText.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return new Event(
                rs.getLong("id"),
                EventType.valueOf(rs.getString("type")),
                EventLevel.valueOf(rs.getString("level")),
                rs.getObject("region_id", Long.class),
                rs.getObject("macroregion_id", Long.class),
                EventFormat.valueOf(rs.getString("format")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("venue"),
                rs.getString("address"),
                rs.getString("online_link"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getInt("seats_on_site"),
                rs.getInt("seats_online"),
                rs.getObject("region_quota", Integer.class),
                instantOrNull(rs, "registration_opens_at"),
                instantOrNull(rs, "registration_closes_at"),
                Audience.valueOf(rs.getString("audience")),
                roles,
                EventStatus.valueOf(rs.getString("status")),
                rs.getString("agenda"),
                rs.getString("speakers"),
                regions,
                materials,
                rs.getString("title_en"),
                rs.getString("description_en"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Today in Warsaw, for the calendar's default month. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    public Instant now() {
        return clock.instant();
    }
}
