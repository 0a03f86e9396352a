package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Formats;

/**
 * How each addressee answers, computed in PostgreSQL in one statement whatever the number of postulates:
 * postulates forwarded (merged duplicates left out: they count in the postulate they were merged into),
 * the share answered of those that still needed an answer (a postulate withdrawn before any answer needs
 * none), the median days from forwarding to the first answer ("w analizie" counts: it is an answer with a
 * date) and how many are overdue today. The totals come from the same statement (grouping sets).
 */
@Component
@Transactional(readOnly = true)
public class PublicStatistics {

    /**
     * One addressee's figures, or the totals when {@code addresseeId} is null.
     *
     * @param needingAnswer forwarded postulates not withdrawn before an answer: the share's base
     * @param medianDays median whole days (Europe/Warsaw) from forwarding to the first answer; null when none
     */
    public record Figures(
            @Nullable Long addresseeId,
            long forwarded,
            long needingAnswer,
            long answered,
            @Nullable Double medianDays,
            long overdue) {

        /** The answered share in percent, or empty when nothing needed an answer. */
        public Optional<Double> answeredPercent() {
            return needingAnswer == 0 ? Optional.empty() : Optional.of(100.0 * answered / needingAnswer);
        }
    }

    /** The addressees with at least one forwarded postulate, and the totals. */
    public record Statistics(List<Figures> addressees, Figures totals) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PublicStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures of postulates forwarded in {@code year} (Europe/Warsaw), or of all when null. */
    public Statistics of(@Nullable Integer year) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        String period = "";
        if (year != null) {
            period = " and p.forwarded_at >= :from and p.forwarded_at < :until";
            params.put(
                    "from",
                    Timestamp.from(
                            LocalDate.of(year, 1, 1).atStartOfDay(Formats.ZONE).toInstant()));
            params.put(
                    "until",
                    Timestamp.from(LocalDate.of(year + 1, 1, 1)
                            .atStartOfDay(Formats.ZONE)
                            .toInstant()));
        }
        List<Figures> rows = jdbc.sql("""
                        select p.addressee_id, grouping(p.addressee_id) as total,
                               count(*) as forwarded,
                               count(*) filter (where not (p.status = 'WITHDRAWN' and p.first_answered_at is null))
                                   as needing,
                               count(p.first_answered_at) as answered,
                               percentile_cont(0.5) within group (order by
                                   (p.first_answered_at at time zone 'Europe/Warsaw')::date
                                   - (p.forwarded_at at time zone 'Europe/Warsaw')::date) as median_days,
                               count(*) filter (where p.status in ('FORWARDED', 'IN_ANALYSIS')
                                                and p.answer_due < :today) as overdue
                        from postulates_postulate p
                        where p.forwarded_at is not null and p.status <> 'MERGED'
                        """ + period + """
                         group by grouping sets ((p.addressee_id), ())
                        """)
                .params(params)
                .query((rs, n) -> new Figures(
                        rs.getInt("total") == 1 ? null : rs.getLong("addressee_id"),
                        rs.getLong("forwarded"),
                        rs.getLong("needing"),
                        rs.getLong("answered"),
                        (Double) rs.getObject("median_days"),
                        rs.getLong("overdue")))
                .list();
        Figures totals = rows.stream()
                .filter(f -> f.addresseeId() == null)
                .findFirst()
                .orElse(new Figures(null, 0, 0, 0, null, 0));
        return new Statistics(rows.stream().filter(f -> f.addresseeId() != null).toList(), totals);
    }

    /** The years in which postulates were forwarded, newest first (the year filter's choices). */
    public List<Integer> years() {
        return jdbc.sql("""
                        select distinct extract(year from forwarded_at at time zone 'Europe/Warsaw')::int as y
                        from postulates_postulate where forwarded_at is not null and status <> 'MERGED'
                        order by y desc""").query(Integer.class).list();
    }
}
