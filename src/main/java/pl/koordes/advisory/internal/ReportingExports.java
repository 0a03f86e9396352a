package pl.koordes.advisory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryAction;
import pl.koordes.advisory.AdvisoryChanged;
import pl.koordes.shared.i18n.Formats;

/**
 * The operator's files: one row per case or one row per session, within an optional year and region, read in one
 * statement with a cursor and handed row by row to the writer (a file of any length takes the same memory).
 * Labels (status, kind, mode, consent) come translated from the caller; names of regions and topics in Polish.
 */
@Component
public class ReportingExports {

    /** What the files hold; the audit line names it. */
    public enum What {
        CASES,
        SESSIONS
    }

    /**
     * The filter of a file.
     *
     * @param year the year (cases requested in it, sessions held in it), or null for every year
     * @param regionId the region, or null for every region
     */
    public record Filter(@Nullable Integer year, @Nullable Long regionId) {}

    /** Takes one row of cells (String, Number or null). */
    public interface Sink {
        void row(List<@Nullable Object> cells) throws IOException;
    }

    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReportingExports(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the download (ADVISORY_EXPORTED: what, the format and the filter). */
    @Transactional
    public void recordExport(What what, String format, Filter filter) {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("what", what.name());
        after.put("format", format);
        after.put("year", filter.year());
        after.put("regionId", filter.regionId());
        events.publishEvent(new AdvisoryChanged(AdvisoryAction.ADVISORY_EXPORTED, 0, 0, null, after));
    }

    public static List<String> casesHeader() {
        return List.of(
                "Nr sprawy",
                "Województwo",
                "Temat",
                "Tytuł",
                "Rodzaj",
                "Forma",
                "Stan",
                "Data wniosku",
                "Data decyzji",
                "Data zakończenia",
                "Limit godzin",
                "Godziny policzone",
                "Godziny czekające na zgodę",
                "Eksperci",
                "Ocena");
    }

    public static List<String> sessionsHeader() {
        return List.of(
                "Nr sesji",
                "Nr sprawy",
                "Województwo",
                "Temat",
                "Data sesji",
                "Godziny",
                "Zgoda na godziny ponad limit",
                "Forma",
                "Ekspert",
                "Instytucje z katalogu",
                "Uczestnicy (wpisani)");
    }

    /**
     * Every case within the filter, by number; one statement. Its hours are summed per case through the index of its
     * sessions (a lateral join): a cursor's plan favours a fast start, and a join to every case's aggregate may be
     * planned as a scan of all sessions per case (the file of 2,000 cases took 14 s in bench/advisory before).
     */
    @Transactional(readOnly = true)
    public void cases(Filter filter, Function<String, String> label, Sink sink) {
        Integer year = filter.year();
        jdbc.sql("""
                        select r.id, g.name_pl as region, t.name_pl as topic, r.title, r.kind, r.mode, r.status,
                               r.requested_at, r.decided_at, r.completed_at, r.hours_limit,
                               coalesce(h.counted, 0) as counted, coalesce(h.pending, 0) as pending,
                               (select string_agg(coalesce(a.display_name, '—'), ', '
                                                  order by s.assigned_at, s.account_id)
                                from advisory_assignment s
                                left join account a on a.id = s.account_id and a.status <> 'DELETED'
                                where s.request_id = r.id) as experts,
                               r.rating
                        from advisory_request r
                        join region g on g.id = r.region_id
                        join advisory_topic t on t.id = r.topic_id
                        left join lateral (
                            select sum(x.hours) filter (where x.consent is null or x.consent = 'GRANTED') as counted,
                                   sum(x.hours) filter (where x.consent = 'PENDING') as pending
                            from advisory_session x where x.request_id = r.id) h on true
                        where (cast(:fromAt as timestamptz) is null
                               or (r.requested_at >= :fromAt and r.requested_at < :toAt))
                          and (cast(:region as bigint) is null or r.region_id = :region)
                        order by r.id
                        """)
                .param("fromAt", year == null ? null : startOf(year))
                .param("toAt", year == null ? null : startOf(year + 1))
                .param("region", filter.regionId())
                .withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    List<@Nullable Object> cells = new ArrayList<>(15);
                    cells.add(rs.getLong("id"));
                    cells.add(rs.getString("region"));
                    cells.add(rs.getString("topic"));
                    cells.add(rs.getString("title"));
                    cells.add(label.apply("advisory.kind." + rs.getString("kind")));
                    cells.add(label.apply("advisory.mode." + rs.getString("mode")));
                    cells.add(label.apply("advisory.status." + rs.getString("status")));
                    cells.add(date(rs.getObject("requested_at", OffsetDateTime.class)));
                    cells.add(date(rs.getObject("decided_at", OffsetDateTime.class)));
                    cells.add(date(rs.getObject("completed_at", OffsetDateTime.class)));
                    cells.add(rs.getBigDecimal("hours_limit"));
                    cells.add(rs.getBigDecimal("counted"));
                    cells.add(rs.getBigDecimal("pending"));
                    cells.add(rs.getString("experts"));
                    cells.add(rs.getObject("rating", Integer.class));
                    write(sink, cells);
                });
    }

    /** Every session within the filter (refused ones included, marked), by case and date; one statement. */
    @Transactional(readOnly = true)
    public void sessions(Filter filter, Function<String, String> label, Sink sink) {
        Integer year = filter.year();
        jdbc.sql("""
                        select x.id, x.request_id, g.name_pl as region, t.name_pl as topic, x.held_on, x.hours,
                               x.consent, x.mode, a.display_name as expert,
                               (select count(*) from advisory_session_institution i where i.session_id = x.id)
                                   as institutions,
                               x.participants
                        from advisory_session x
                        join advisory_request r on r.id = x.request_id
                        join region g on g.id = r.region_id
                        join advisory_topic t on t.id = r.topic_id
                        left join account a on a.id = x.account_id and a.status <> 'DELETED'
                        where (cast(:since as date) is null or (x.held_on >= :since and x.held_on < :to))
                          and (cast(:region as bigint) is null or r.region_id = :region)
                        order by x.request_id, x.held_on, x.id
                        """)
                .param("since", year == null ? null : LocalDate.of(year, 1, 1))
                .param("to", year == null ? null : LocalDate.of(year + 1, 1, 1))
                .param("region", filter.regionId())
                .withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    List<@Nullable Object> cells = new ArrayList<>(11);
                    cells.add(rs.getLong("id"));
                    cells.add(rs.getLong("request_id"));
                    cells.add(rs.getString("region"));
                    cells.add(rs.getString("topic"));
                    LocalDate heldOn = rs.getObject("held_on", LocalDate.class);
                    cells.add(heldOn == null ? null : Formats.date(heldOn));
                    cells.add(rs.getBigDecimal("hours"));
                    String consent = rs.getString("consent");
                    cells.add(consent == null ? null : label.apply("advisory.consent." + consent));
                    cells.add(label.apply("advisory.mode." + rs.getString("mode")));
                    cells.add(rs.getString("expert"));
                    cells.add(rs.getLong("institutions"));
                    cells.add(rs.getString("participants"));
                    write(sink, cells);
                });
    }

    private static void write(Sink sink, List<@Nullable Object> cells) {
        try {
            sink.row(cells);
        } catch (IOException e) {
            // The reader went away; the cursor stops with the exception.
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String date(@Nullable OffsetDateTime at) {
        return at == null ? null : Formats.date(at.toInstant());
    }

    private static OffsetDateTime startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ReportingQueries.WARSAW).toOffsetDateTime();
    }
}
