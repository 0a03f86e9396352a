package pl.koordes.advisory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryKind;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.shared.web.Paged;

/**
 * The list of cases a person sees at {@code /doradztwo}: the operator every case, a region's staff their
 * regions' cases, an expert the cases assigned to them. A fixed number of statements, whatever the list holds.
 */
@Repository
@Transactional(readOnly = true)
public class RequestsQueries {

    /**
     * Which cases: {@code all} for the operator; otherwise those of {@code regions} and those assigned to
     * {@code expert}; then the filters (null = any).
     */
    public record Filter(
            boolean all,
            Set<Long> regions,
            @Nullable Long expert,
            @Nullable AdvisoryStatus status,
            @Nullable Long region,
            @Nullable Long topic,
            @Nullable Long assignedTo) {

        Filter withoutStatus() {
            return new Filter(all, regions, expert, null, region, topic, assignedTo);
        }
    }

    /** A row of the list. */
    public record Row(
            long id,
            String title,
            AdvisoryStatus status,
            AdvisoryKind kind,
            String regionPl,
            String regionEn,
            String topicPl,
            String topicEn,
            Instant requestedAt,
            String experts) {

        public String href() {
            return AdvisoryRequest.path(id);
        }

        public String region(Locale locale) {
            return locale.getLanguage().equals("en") ? regionEn : regionPl;
        }

        public String topic(Locale locale) {
            return locale.getLanguage().equals("en") ? topicEn : topicPl;
        }
    }

    /** An expert the operator may filter by. */
    public record ExpertChoice(long accountId, String name) {}

    private final JdbcClient jdbc;

    RequestsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many cases of each status the filter (but its status) finds; one statement. */
    public Map<AdvisoryStatus, Long> counts(Filter filter) {
        Map<AdvisoryStatus, Long> counts = new EnumMap<>(AdvisoryStatus.class);
        for (AdvisoryStatus status : AdvisoryStatus.values()) {
            counts.put(status, 0L);
        }
        params(
                        jdbc.sql("select r.status, count(*) from advisory_request r where " + WHERE
                                + " group by r.status"),
                        filter.withoutStatus())
                .query((rs, n) -> counts.put(AdvisoryStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** One page of the cases, newest request first; {@code total} from {@link #counts}, one statement. */
    public Paged<Row> page(Filter filter, long total, int requested, int size) {
        int number = Paged.within(requested, total, size);
        List<Row> rows = params(jdbc.sql(SELECT + WHERE + ORDER), filter)
                .param("size", size)
                .param("offset", Paged.offset(number, size))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("title"),
                        AdvisoryStatus.valueOf(rs.getString("status")),
                        AdvisoryKind.valueOf(rs.getString("kind")),
                        rs.getString("region_pl"),
                        rs.getString("region_en"),
                        rs.getString("topic_pl"),
                        rs.getString("topic_en"),
                        instant(rs.getTimestamp("requested_at")),
                        rs.getString("experts")))
                .list();
        return new Paged<>(rows, number, size, total);
    }

    /** All topics (retired ones too: old cases keep them), for the filter; one statement. */
    public List<RequestManagement.Topic> topics() {
        return jdbc.sql("select id, name_pl, name_en from advisory_topic order by position, id")
                .query((rs, n) -> new RequestManagement.Topic(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Everyone ever assigned to a case or holding the expert role, for the operator's filter; one statement. */
    public List<ExpertChoice> experts() {
        return jdbc.sql("""
                        select a.id, a.display_name from account a
                        where a.status <> 'DELETED' and (
                            exists (select 1 from role_assignment r where r.account_id = a.id and r.role = 'EXPERT')
                            or exists (select 1 from advisory_assignment s where s.account_id = a.id))
                        order by a.display_name, a.id
                        """)
                .query((rs, n) -> new ExpertChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private static final String SELECT = """
            select r.id, r.title, r.status, r.kind, g.name_pl as region_pl, g.name_en as region_en,
                t.name_pl as topic_pl, t.name_en as topic_en, r.requested_at,
                coalesce((select string_agg(a.display_name, ', ' order by s.assigned_at, s.account_id)
                          from advisory_assignment s
                          join account a on a.id = s.account_id and a.status <> 'DELETED'
                          where s.request_id = r.id), '') as experts
            from advisory_request r
            join region g on g.id = r.region_id
            join advisory_topic t on t.id = r.topic_id
            where
            """;

    private static final String ORDER = """
            order by r.requested_at desc, r.id desc limit :size offset :offset
            """;

    private static final String WHERE = """
            (:all or r.region_id in (:regions)
                or exists (select 1 from advisory_assignment m where m.request_id = r.id and m.account_id = :expert))
            and (cast(:status as varchar) is null or r.status = :status)
            and (cast(:region as bigint) is null or r.region_id = :region)
            and (cast(:topic as bigint) is null or r.topic_id = :topic)
            and (cast(:assignedTo as bigint) is null
                or exists (select 1 from advisory_assignment f where f.request_id = r.id and f.account_id = :assignedTo))
            """;

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Filter filter) {
        return spec.param("all", filter.all())
                // An empty IN list is not valid SQL: no region matches -1.
                .param("regions", filter.regions().isEmpty() ? List.of(-1L) : List.copyOf(filter.regions()))
                .param("expert", filter.expert() == null ? -1L : filter.expert())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("region", filter.region())
                .param("topic", filter.topic())
                .param("assignedTo", filter.assignedTo());
    }

    private static Instant instant(@Nullable Timestamp at) {
        if (at == null) {
            throw new IllegalStateException("requested_at is null");
        }
        return at.toInstant();
    }
}
