package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryStatus;

/**
 * The advisory in numbers for a year (and optionally one region), aggregated in PostgreSQL: a fixed number of
 * statements whatever the number of cases and sessions. Hours count when a session is within the case's limit
 * (consent null) or the operator granted them; hours waiting for consent (PENDING) are summed apart; refused
 * hours are in no figure.
 */
@Repository
@Transactional(readOnly = true)
public class ReportingQueries {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    /** The statuses in the order the tables of cases list them. */
    public static final List<AdvisoryStatus> STATUSES = List.of(
            AdvisoryStatus.SUBMITTED,
            AdvisoryStatus.ACCEPTED,
            AdvisoryStatus.SCHEDULED,
            AdvisoryStatus.IN_PROGRESS,
            AdvisoryStatus.COMPLETED,
            AdvisoryStatus.DECLINED,
            AdvisoryStatus.WITHDRAWN);

    /** Counted and pending hours of one line of a table (a region, an expert, a topic, a month). */
    public record Line(long key, String namePl, String nameEn, BigDecimal counted, BigDecimal pending) {

        public String name(Locale locale) {
            return locale.getLanguage().equals("en") ? nameEn : namePl;
        }
    }

    /**
     * The year's figures.
     *
     * @param regions hours by the case's region (only regions with sessions; key the region id)
     * @param experts hours by the expert who held the session (key the account, 0 when the account is gone;
     *     name empty then)
     * @param topics hours by the case's topic
     * @param months hours by month of the session (key 1–12; only months with sessions)
     * @param modes hours by the session's mode (key 0 in person, 1 online; only modes with sessions)
     * @param total every counted and pending hour of the year
     * @param sessions the sessions held in the year whose hours count or wait (refused ones not)
     * @param cases cases requested in the year by their status now
     * @param ratings ratings given in the year
     * @param averageRating their average, or null when none
     */
    public record Report(
            int year,
            List<Line> regions,
            List<Line> experts,
            List<Line> topics,
            List<Line> months,
            List<Line> modes,
            Line total,
            long sessions,
            Map<AdvisoryStatus, Long> cases,
            long ratings,
            @Nullable BigDecimal averageRating) {}

    private final JdbcClient jdbc;

    ReportingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of {@code year} for one region, or every region when {@code regionId} is null; two statements. */
    public Report report(int year, @Nullable Long regionId) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return report(from, from.plusYears(1), regionId);
    }

    /**
     * The figures of the days from {@code from} up to {@code to} (exclusive) for one region, or every region when
     * {@code regionId} is null; two statements. The report's {@code year} is the year of {@code from}.
     */
    public Report report(LocalDate from, LocalDate to, @Nullable Long regionId) {
        int year = from.getYear();
        List<Line> regions = new ArrayList<>();
        List<Line> experts = new ArrayList<>();
        List<Line> topics = new ArrayList<>();
        List<Line> months = new ArrayList<>();
        List<Line> modes = new ArrayList<>();
        Line[] total = {new Line(0, "", "", BigDecimal.ZERO, BigDecimal.ZERO)};
        long[] sessions = {0};
        // One pass over the period's sessions, grouped six ways at once; grouping() tells the sets apart (a bit per
        // column, 1 when the column is aggregated away: 15 = by region, 23 = by expert, 27 = by topic, 29 = by
        // month, 30 = by mode, 31 = everything).
        jdbc.sql("""
                        with s as (
                            select r.region_id, x.account_id, r.topic_id,
                                   cast(extract(month from x.held_on) as int) as month,
                                   case x.mode when 'IN_PERSON' then 0 else 1 end as mode, x.hours, x.consent
                            from advisory_session x join advisory_request r on r.id = x.request_id
                            where x.held_on >= :since and x.held_on < :to
                              and (cast(:region as bigint) is null or r.region_id = :region)
                              and (x.consent is null or x.consent <> 'REFUSED')
                        ), g as (
                            select grouping(region_id, account_id, topic_id, month, mode) as set_id,
                                   region_id, account_id, topic_id, month, mode, count(*) as sessions,
                                   coalesce(sum(hours) filter (where consent is null or consent = 'GRANTED'), 0)
                                       as counted,
                                   coalesce(sum(hours) filter (where consent = 'PENDING'), 0) as pending
                            from s group by grouping sets (
                                (region_id), (account_id), (topic_id), (month), (mode), ())
                        )
                        select g.set_id, g.region_id, g.account_id, g.topic_id, g.month, g.mode, g.sessions, g.counted,
                               g.pending, rg.name_pl as region_pl, rg.name_en as region_en, t.name_pl as topic_pl,
                               t.name_en as topic_en, t.position, a.display_name
                        from g
                        left join region rg on rg.id = g.region_id
                        left join advisory_topic t on t.id = g.topic_id
                        left join account a on a.id = g.account_id and a.status <> 'DELETED'
                        order by g.set_id, g.counted desc, t.position, rg.name_pl, g.month, g.mode, a.display_name
                        """)
                .param("since", from)
                .param("to", to)
                .param("region", regionId)
                .query(rs -> {
                    BigDecimal counted = rs.getBigDecimal("counted");
                    BigDecimal pending = rs.getBigDecimal("pending");
                    switch (rs.getInt("set_id")) {
                        case 15 ->
                            regions.add(new Line(
                                    rs.getLong("region_id"),
                                    rs.getString("region_pl"),
                                    rs.getString("region_en"),
                                    counted,
                                    pending));
                        case 23 -> {
                            String name = rs.getString("display_name");
                            experts.add(new Line(
                                    rs.getLong("account_id"),
                                    name == null ? "" : name,
                                    name == null ? "" : name,
                                    counted,
                                    pending));
                        }
                        case 27 ->
                            topics.add(new Line(
                                    rs.getLong("topic_id"),
                                    rs.getString("topic_pl"),
                                    rs.getString("topic_en"),
                                    counted,
                                    pending));
                        case 29 -> months.add(new Line(rs.getInt("month"), "", "", counted, pending));
                        case 30 -> modes.add(new Line(rs.getInt("mode"), "", "", counted, pending));
                        case 31 -> {
                            total[0] = new Line(0, "", "", counted, pending);
                            sessions[0] = rs.getLong("sessions");
                        }
                        default -> throw new IllegalStateException("grouping set " + rs.getInt("set_id"));
                    }
                });
        Map<AdvisoryStatus, Long> cases = new EnumMap<>(AdvisoryStatus.class);
        long[] ratings = {0};
        long[] ratingSum = {0};
        jdbc.sql("""
                        select status,
                               count(*) filter (where requested_at >= :fromAt and requested_at < :toAt) as requested,
                               count(rating) filter (where rated_at >= :fromAt and rated_at < :toAt) as ratings,
                               coalesce(sum(rating) filter (where rated_at >= :fromAt and rated_at < :toAt), 0)
                                   as rating_sum
                        from advisory_request
                        where cast(:region as bigint) is null or region_id = :region
                        group by status
                        """)
                .param("fromAt", from.atStartOfDay(WARSAW).toOffsetDateTime())
                .param("toAt", to.atStartOfDay(WARSAW).toOffsetDateTime())
                .param("region", regionId)
                .query(rs -> {
                    long requested = rs.getLong("requested");
                    if (requested > 0) {
                        cases.put(AdvisoryStatus.valueOf(rs.getString("status")), requested);
                    }
                    ratings[0] += rs.getLong("ratings");
                    ratingSum[0] += rs.getLong("rating_sum");
                });
        BigDecimal average = ratings[0] == 0
                ? null
                : BigDecimal.valueOf(ratingSum[0]).divide(BigDecimal.valueOf(ratings[0]), 2, RoundingMode.HALF_UP);
        return new Report(
                year,
                List.copyOf(regions),
                List.copyOf(experts),
                List.copyOf(topics),
                List.copyOf(months),
                List.copyOf(modes),
                total[0],
                sessions[0],
                cases,
                ratings[0],
                average);
    }

    /** The first year with a request or a session (Europe/Warsaw), or null when there is none; one statement. */
    public @Nullable Integer firstYear() {
        return jdbc.sql("""
                        select least(
                            (select cast(extract(year from min(requested_at) at time zone 'Europe/Warsaw') as int)
                             from advisory_request),
                            (select cast(extract(year from min(held_on)) as int) from advisory_session))
                        """).query((rs, n) -> rs.getInt(1)).list().stream()
                .filter(year -> year > 0)
                .findFirst()
                .orElse(null);
    }
}
