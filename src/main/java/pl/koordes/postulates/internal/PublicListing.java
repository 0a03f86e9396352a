package pl.koordes.postulates.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Paged;

/**
 * The public list of postulates (everything but drafts), its exports and the open data. A page is two
 * statements (the count, then the page with each row's co-signatures) whatever the number of postulates;
 * the exports stream rows from a cursor ({@value #FETCH} at a time) into the response, so a large file is
 * never held in memory. Merged duplicates are left out unless the status filter asks for them (their
 * address leads to the postulate they were merged into); the open data has them all.
 */
@Component
@Transactional(readOnly = true)
public class PublicListing {

    private static final int FETCH = 500;

    /**
     * One row of the list and of its exports.
     *
     * @param cosignatures active co-signatures of other regions
     * @param overdueDays days past the answer deadline today, 0 when not waiting or not late
     */
    public record Row(
            long id,
            String title,
            long regionId,
            long addresseeId,
            PostulateStatus status,
            @Nullable Instant submittedAt,
            @Nullable LocalDate answerDue,
            long cosignatures,
            long overdueDays,
            String areaCodes) {

        public String href() {
            return Postulate.path(id);
        }

        public String statusKey() {
            return "postulates.status." + status.name();
        }
    }

    /** A postulate with its latest answer, as a row of the open data. */
    public record OpenRow(
            long id,
            String title,
            String problem,
            String proposal,
            String justification,
            long regionId,
            long addresseeId,
            PostulateStatus status,
            @Nullable Instant submittedAt,
            @Nullable Instant forwardedAt,
            @Nullable LocalDate answerDue,
            @Nullable Long mergedIntoId,
            String areaCodes,
            long cosignatures,
            long endorsements,
            long overdueDays,
            @Nullable String answerStatus,
            @Nullable String answerBody,
            @Nullable Instant answeredAt,
            @Nullable Long answerInstitutionId) {}

    /** Receives streamed rows. */
    public interface Sink<T> {
        void accept(T row) throws IOException;
    }

    private static final String ROW_COLUMNS = """
            select p.id, p.title, p.region_id, p.addressee_id, p.status, p.submitted_at, p.answer_due,
                   (select count(*) from postulates_signature s
                    where s.postulate_id = p.id and s.withdrawn_at is null) as cosignatures,
                   coalesce((select string_agg(a.area_code, ',' order by a.area_code) from postulates_area a
                             where a.postulate_id = p.id), '') as area_codes
            from postulates_postulate p
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final Clock clock;

    PublicListing(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.clock = clock;
    }

    /** Today in Europe/Warsaw: the day deadlines are compared with. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    /** One page of the list, newest submitted first; a page past the end gives the last. */
    public Paged<Row> page(PublicFilter filter, int requested, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from postulates_postulate p" + where)
                .params(params)
                .query(Long.class)
                .single();
        int number = Paged.within(requested, total, size);
        params.put("limit", size);
        params.put("offset", Paged.offset(number, size));
        LocalDate today = today();
        List<Row> rows = jdbc.sql(ROW_COLUMNS + where
                        + " order by p.submitted_at desc nulls last, p.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> row(rs, today))
                .list();
        return new Paged<>(rows, number, size, total);
    }

    /** The region's latest public postulates (the region page). */
    public List<Row> latest(long regionId, int count) {
        Map<String, Object> params = new HashMap<>();
        String where = where(PublicFilter.region(regionId), params);
        params.put("limit", count);
        LocalDate today = today();
        return jdbc.sql(ROW_COLUMNS + where + " order by p.submitted_at desc nulls last, p.id desc limit :limit")
                .params(params)
                .query((rs, n) -> row(rs, today))
                .list();
    }

    /** Each region's latest public postulates (merged ones left out), at most {@code count} each, in one statement. */
    public Map<Long, List<Row>> latestByRegion(int count) {
        LocalDate today = today();
        Map<Long, List<Row>> rows = new HashMap<>();
        jdbc.sql(ROW_COLUMNS + """
                         where p.id in (select x.id from (
                             select q.id, row_number() over (partition by q.region_id
                                                             order by q.submitted_at desc nulls last, q.id desc) as n
                             from postulates_postulate q where q.status not in ('DRAFT', 'MERGED')) x
                           where x.n <= :limit)
                        order by p.region_id, p.submitted_at desc nulls last, p.id desc""")
                .param("limit", count)
                .query((rs, n) -> row(rs, today))
                .list()
                .forEach(row -> rows.computeIfAbsent(row.regionId(), r -> new ArrayList<>())
                        .add(row));
        return rows;
    }

    /** Every row of the list with these filters, in the list's order, streamed. */
    public void each(PublicFilter filter, Sink<Row> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        LocalDate today = today();
        streaming.query(
                ROW_COLUMNS + where + " order by p.submitted_at desc nulls last, p.id desc",
                new MapSqlParameterSource(params),
                rs -> {
                    try {
                        sink.accept(row(rs, today));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The years in which public postulates were submitted, newest first (the year filter's choices). */
    public List<Integer> years() {
        return jdbc.sql("""
                        select distinct extract(year from submitted_at at time zone 'Europe/Warsaw')::int as y
                        from postulates_postulate where status <> 'DRAFT' and submitted_at is not null
                        order by y desc""").query(Integer.class).list();
    }

    /** How many postulates the open data holds. */
    public long publicCount() {
        return jdbc.sql("select count(*) from postulates_postulate where status <> 'DRAFT'")
                .query(Long.class)
                .single();
    }

    /** Every public postulate with its latest answer version, by number, streamed. */
    public void openData(Sink<OpenRow> sink) {
        LocalDate today = today();
        streaming.query("""
                select p.id, p.title, p.problem, p.proposal, p.justification, p.region_id, p.addressee_id,
                       p.status, p.submitted_at, p.forwarded_at, p.answer_due, p.merged_into_id,
                       coalesce((select string_agg(a.area_code, ',' order by a.area_code) from postulates_area a
                                 where a.postulate_id = p.id), '') as area_codes,
                       (select count(*) from postulates_signature s
                        where s.postulate_id = p.id and s.withdrawn_at is null) as cosignatures,
                       (select count(*) from postulates_endorsement e where e.postulate_id = p.id) as endorsements,
                       la.status as answer_status, la.body as answer_body, la.answered_at,
                       la.institution_id as answer_institution
                from postulates_postulate p
                left join lateral (
                    select a.status, a.body, a.answered_at, a.institution_id from postulates_answer a
                    where a.postulate_id = p.id order by a.version desc limit 1) la on true
                where p.status <> 'DRAFT'
                order by p.id
                """, new MapSqlParameterSource(), rs -> {
            PostulateStatus status = PostulateStatus.valueOf(rs.getString("status"));
            LocalDate due = rs.getObject("answer_due", LocalDate.class);
            OpenRow row = new OpenRow(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getString("problem"),
                    rs.getString("proposal"),
                    rs.getString("justification"),
                    rs.getLong("region_id"),
                    rs.getLong("addressee_id"),
                    status,
                    instant(rs, "submitted_at"),
                    instant(rs, "forwarded_at"),
                    due,
                    (Long) rs.getObject("merged_into_id"),
                    rs.getString("area_codes"),
                    rs.getLong("cosignatures"),
                    rs.getLong("endorsements"),
                    overdue(status, due, today),
                    rs.getString("answer_status"),
                    rs.getString("answer_body"),
                    instant(rs, "answered_at"),
                    (Long) rs.getObject("answer_institution"));
            try {
                sink.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The filters as SQL after {@code from postulates_postulate p}, their values put in {@code params}. */
    private String where(PublicFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where p.status <> 'DRAFT'");
        StatusFilter status = filter.status();
        if (status == null) {
            where.append(" and p.status <> 'MERGED'");
        } else {
            where.append(" and p.status in (:statuses)");
            params.put("statuses", status.statuses().stream().map(Enum::name).toList());
            if (status == StatusFilter.OVERDUE) {
                where.append(" and p.answer_due < :today");
                params.put("today", today());
            }
        }
        if (filter.addresseeId() != null) {
            where.append(" and p.addressee_id = :addressee");
            params.put("addressee", filter.addresseeId());
        }
        if (filter.regionId() != null) {
            where.append(" and p.region_id = :region");
            params.put("region", filter.regionId());
        }
        if (filter.areaCode() != null) {
            where.append(" and exists (select 1 from postulates_area a"
                    + " where a.postulate_id = p.id and a.area_code = :area)");
            params.put("area", filter.areaCode());
        }
        if (filter.year() != null) {
            // A range on the instant, so that the index on submitted_at serves it.
            where.append(" and p.submitted_at >= :from and p.submitted_at < :until");
            params.put("from", Timestamp.from(startOfYear(filter.year())));
            params.put("until", Timestamp.from(startOfYear(filter.year() + 1)));
        }
        return where.toString();
    }

    /** The day of an instant in Europe/Warsaw, as files and {@code <time datetime>} write it (2017-08-31). */
    public static String isoDate(Instant instant) {
        return LocalDate.ofInstant(instant, Formats.ZONE).toString();
    }

    private static Instant startOfYear(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(Formats.ZONE).toInstant();
    }

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        PostulateStatus status = PostulateStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("answer_due", LocalDate.class);
        return new Row(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getLong("region_id"),
                rs.getLong("addressee_id"),
                status,
                instant(rs, "submitted_at"),
                due,
                rs.getLong("cosignatures"),
                overdue(status, due, today),
                rs.getString("area_codes"));
    }

    static long overdue(PostulateStatus status, @Nullable LocalDate due, LocalDate today) {
        if (!status.awaitsAnswer() || due == null || !today.isAfter(due)) {
            return 0;
        }
        return today.toEpochDay() - due.toEpochDay();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
